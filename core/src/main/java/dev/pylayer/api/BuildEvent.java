package dev.pylayer.api;

import java.time.Duration;

/**
 * What a build reports while it runs, delivered to the {@link BuildListener} the caller registers (as Jib
 * delivers its {@code ProgressEvent}s and {@code LogEvent}s). The CLI renders them as progress lines; a Maven
 * plugin could log them. Events may arrive from several threads.
 */
public sealed interface BuildEvent {

    /** The phases of a build, in order. */
    enum Phase {
        RESOLVING("Resolving"),
        DOWNLOADING("Downloading"),
        WRITING("Writing layer"),
        CHECKING("Checking layer");

        private final String displayName;

        Phase(String displayName) {
            this.displayName = displayName;
        }

        public String displayName() {
            return displayName;
        }
    }

    /** A phase began. */
    record PhaseStarted(Phase phase) implements BuildEvent {
    }

    /** A phase ended after {@code elapsed}. */
    record PhaseFinished(Phase phase, Duration elapsed) implements BuildEvent {
    }

    /** The resolver chose a version (it may still change its mind when it backtracks). */
    record PackagePinned(String name, String version, String filename) implements BuildEvent {
    }

    /** The resolver met a conflict and is trying other versions. */
    record Backtracking(String detail) implements BuildEvent {
    }

    /** Bytes of wheels fetched so far, over all downloads; {@code totalBytes} is -1 while unknown. */
    record DownloadProgress(long doneBytes, long totalBytes, int doneFiles, int totalFiles) implements BuildEvent {
    }

    /** Entries written to the layer so far. */
    record WritingProgress(int doneEntries, int totalEntries, long doneBytes) implements BuildEvent {
    }

    /**
     * The cache held a layer built before from the same wheels, target and options, and it was put at the output
     * instead of being written again: {@code linked}, a hard link to the stored zip (unchanged since its sha256 was
     * computed), else a copy whose sha256 was checked.
     */
    record LayerReused(String sha256, boolean linked) implements BuildEvent {
    }

    /**
     * Every listing the last resolution of the same request read is unchanged ({@code listings} of them, fetched
     * again): its answer is taken instead of resolving again ({@link ResolutionReplay}).
     */
    record ResolutionReplayed(int listings) implements BuildEvent {
    }

    /** Something the user should know that does not stop the build. */
    record Warning(String message) implements BuildEvent {
    }

    /** Detail for {@code --verbose}. */
    record Detail(String message) implements BuildEvent {
    }
}
