package dev.pylayer.resolve;

import dev.pylayer.index.DistributionFile;
import dev.pylayer.tags.TagCompatibility;
import dev.pylayer.version.Version;
import dev.pylayer.wheel.WheelFilename;
import java.util.Optional;

/**
 * What the finder made of one file of a project's listing (pip's {@code LinkEvaluator.evaluate_link}): a usable
 * wheel, or why not. Kept for every file so that "nothing fits" can be explained in the user's terms.
 */
sealed interface FileVerdict {

    DistributionFile file();

    /** The release the file belongs to, when its name says. */
    Optional<Version> version();

    /** A wheel that loads on the target and whose Requires-Python admits it. */
    record Usable(DistributionFile file, WheelFilename wheel, int tagPriority) implements FileVerdict {
        @Override
        public Optional<Version> version() {
            return Optional.of(wheel.version());
        }
    }

    /** A wheel built for another Python, ABI, glibc, architecture or operating system. */
    record IncompatibleWheel(DistributionFile file, WheelFilename wheel, TagCompatibility.Incompatible miss)
            implements FileVerdict {
        @Override
        public Optional<Version> version() {
            return Optional.of(wheel.version());
        }
    }

    /** A wheel whose index entry says {@code Requires-Python} excludes the target's Python. */
    record PythonMismatch(DistributionFile file, WheelFilename wheel, String requiresPython) implements FileVerdict {
        @Override
        public Optional<Version> version() {
            return Optional.of(wheel.version());
        }
    }

    /** A source distribution: pylayer never builds one. */
    record SourceOnly(DistributionFile file, Optional<Version> version) implements FileVerdict {
    }

    /** Not a distribution of this project (another project's wheel, an invalid name, an egg, a checksum file…). */
    record Ignored(DistributionFile file, String reason) implements FileVerdict {
        @Override
        public Optional<Version> version() {
            return Optional.empty();
        }
    }
}
