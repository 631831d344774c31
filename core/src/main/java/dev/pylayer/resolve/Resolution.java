package dev.pylayer.resolve;

import dev.pylayer.runtime.LambdaTarget;
import java.util.List;

/** The outcome of resolving: the target and the distributions to install, sorted by name. */
public record Resolution(LambdaTarget target, List<ResolvedPackage> packages) {
    public Resolution {
        packages = List.copyOf(packages);
    }
}
