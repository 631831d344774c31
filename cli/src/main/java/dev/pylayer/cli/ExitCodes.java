package dev.pylayer.cli;

/** Exit codes shared by all commands. */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** The command failed (or, for {@code inspect}, the layer will not load); a message is on stderr. */
    public static final int FAILURE = 1;
    /** The command line itself was wrong (picocli's usage-error code). */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
