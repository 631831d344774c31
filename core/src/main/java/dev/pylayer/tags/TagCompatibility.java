package dev.pylayer.tags;

/** The verdict on a wheel's tag set for a target: compatible with a priority, or the closest miss. */
public sealed interface TagCompatibility {

    boolean isCompatible();

    /**
     * Installable. {@code priority} is the best (lowest) index of the wheel's tags in the target's ordered list:
     * between two wheels of one release, pip installs the one with the lower number.
     */
    record Compatible(int priority, Tag bestTag) implements TagCompatibility {
        @Override
        public boolean isCompatible() {
            return true;
        }
    }

    /** Not installable; {@code closest} is the wheel tag that came nearest, and {@code kind} says what it misses. */
    record Incompatible(IncompatibleTag kind, Tag closest) implements TagCompatibility {
        @Override
        public boolean isCompatible() {
            return false;
        }

        /** The closest tag's platform, parsed: what it would need of the machine. */
        public PlatformTag platform() {
            return PlatformTag.parse(closest.platform());
        }
    }
}
