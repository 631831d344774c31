package dev.pylayer.resolve;

/** What the resolver reports while it works; called from the resolving thread. All optional. */
public interface ResolveListener {
    ResolveListener NONE = new ResolveListener() {
    };

    /** A version was chosen (it may still change when the resolver backtracks). */
    default void pinned(WheelCandidate candidate) {
    }

    /** A conflict sent the resolver back to try other versions. */
    default void backtracking(String detail) {
    }

    /** Something the user should hear about that does not stop the resolution. */
    default void warning(String message) {
    }
}
