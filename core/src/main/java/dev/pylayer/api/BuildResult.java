package dev.pylayer.api;

import dev.pylayer.runtime.LambdaTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What a build produced: the target, the installed distributions (sorted by name), the layer and where it is. */
public record BuildResult(LambdaTarget target, List<BuiltPackage> packages, LayerSummary layer, Path output,
        List<String> warnings, Duration elapsed) {
    public BuildResult {
        packages = List.copyOf(packages);
        warnings = List.copyOf(warnings);
    }
}
