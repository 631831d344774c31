package dev.pylayer.layer;

import dev.pylayer.name.PackageName;
import dev.pylayer.version.Version;
import java.util.Objects;

/**
 * One distribution in a layer: what it installs. {@code installedSize} counts every file the distribution
 * installs (generated ones included), also a file another distribution ships identically, so the sizes of
 * all distributions may add up to a little more than the layer's.
 */
public record DistributionFacts(PackageName name, Version version, String wheel, int files, long installedSize,
                                boolean requested) {
    public DistributionFacts {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(wheel, "wheel");
    }
}
