package dev.pylayer.api;

import dev.pylayer.runtime.LambdaTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a build produced: the target, the installed distributions (sorted by name), the layer and where it is,
 * and what the size options left out.
 */
public record BuildResult(LambdaTarget target, List<BuiltPackage> packages, LayerSummary layer, Path output,
        List<String> warnings, Duration elapsed, Excluded excluded) {
    public BuildResult {
        packages = List.copyOf(packages);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(excluded, "excluded");
    }

    /** A result with nothing left out. */
    public BuildResult(LambdaTarget target, List<BuiltPackage> packages, LayerSummary layer, Path output,
            List<String> warnings, Duration elapsed) {
        this(target, packages, layer, output, warnings, elapsed, Excluded.NONE);
    }
}
