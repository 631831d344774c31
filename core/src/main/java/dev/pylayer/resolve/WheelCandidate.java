package dev.pylayer.resolve;

import dev.pylayer.index.DistributionFile;
import dev.pylayer.name.PackageName;
import dev.pylayer.version.Version;
import dev.pylayer.wheel.WheelFilename;
import java.util.Objects;

/**
 * One release of a project, represented by the best wheel of that release for the target (pip keeps one file
 * per version: the first in its preference order).
 *
 * @param tagPriority the wheel's best tag index in the target's ordered tags (lower is better)
 */
public record WheelCandidate(PackageName name, Version version, DistributionFile file, WheelFilename wheel,
        int tagPriority) implements Candidate {

    public WheelCandidate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(wheel, "wheel");
    }

    @Override
    public String identifier() {
        return name.normalized();
    }

    @Override
    public String describe() {
        return name.normalized() + " " + version;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WheelCandidate that && file.url().equals(that.file.url());
    }

    @Override
    public int hashCode() {
        return file.url().hashCode();
    }

    @Override
    public String toString() {
        return describe() + " (" + file.filename() + ")";
    }
}
