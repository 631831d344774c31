package dev.pylayer.cli;

import dev.pylayer.api.BuildEvent;
import dev.pylayer.api.BuildListener;
import dev.pylayer.runtime.ByteSize;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows a build's events on stderr: on a terminal, one status line rewritten in place (phase, packages pinned,
 * bytes and rate, entries written); elsewhere nothing but warnings (and details with {@code --verbose}), so logs
 * of CI runs stay readable. {@code -q} silences warnings too.
 */
final class ProgressRenderer implements BuildListener {
    private final PrintWriter err;
    private final boolean live;
    private final boolean verbose;
    private final boolean quiet;
    private static final long REDRAW_NANOS = 80_000_000L;
    private final long started = System.nanoTime();
    private int pinned;
    private String status = "";
    private int shownWidth;
    private long lastDraw = System.nanoTime() - REDRAW_NANOS;

    ProgressRenderer(PrintWriter err, boolean live, boolean verbose, boolean quiet) {
        this.err = err;
        this.live = live;
        this.verbose = verbose;
        this.quiet = quiet;
    }

    /**
     * Set by the launcher to what {@code [ -t 2 ]} says: Java 17 cannot tell whether stderr alone is a terminal
     * ({@link System#console()} looks at stdin and stdout), and {@code pylayer build … 2> build.log} must not
     * fill the log with status lines.
     */
    static final String STDERR_TERMINAL = "pylayer.stderr.terminal";

    /** Whether stderr is a terminal that can redraw a status line. */
    static boolean isTerminal() {
        return isTerminal(System.getProperty(STDERR_TERMINAL), System.console() != null, System.getenv("TERM"));
    }

    /** The launcher's word when it gave one, else the console's; never on a dumb or unknown terminal. */
    static boolean isTerminal(String launcherSays, boolean console, String term) {
        boolean terminal = launcherSays != null ? Boolean.parseBoolean(launcherSays) : console;
        return terminal && term != null && !term.equals("dumb");
    }

    @Override
    public synchronized void onEvent(BuildEvent event) {
        if (event instanceof BuildEvent.Warning warning) {
            if (!quiet) {
                line("warning: " + warning.message());
            }
            return;
        }
        if (event instanceof BuildEvent.PhaseFinished finished) {
            if (verbose) {
                line(String.format(Locale.ROOT, "%s took %.2f s", finished.phase().displayName(),
                        finished.elapsed().toNanos() / 1e9));
            }
            return;
        }
        if (event instanceof BuildEvent.Backtracking backtracking) {
            if (verbose) {
                line("backtracking: " + backtracking.detail());
            }
            return;
        }
        if (event instanceof BuildEvent.ResolutionReplayed replayed) {
            if (verbose) {
                line("the " + replayed.listings() + " listings the last resolution of these requirements read are"
                        + " unchanged: its answer is taken (--rebuild resolves again)");
            }
            return;
        }
        if (event instanceof BuildEvent.LayerReused reused) {
            if (verbose) {
                line("the cache holds this layer, built before from the same wheels and options: "
                        + (reused.linked() ? "linked it (a hard link to the cached zip, unchanged since stored"
                                : "copied it (sha256 checked")
                        + ": sha256 " + reused.sha256() + "; --rebuild writes it again)");
            }
            return;
        }
        if (event instanceof BuildEvent.Detail detail) {
            if (verbose) {
                line(detail.message());
            }
            return;
        }
        if (event instanceof BuildEvent.PackagePinned pin) {
            pinned++;
            if (verbose) {
                line("pinned " + pin.name() + " " + pin.version() + " (" + pin.filename() + ")");
            }
        }
        if (!live) {
            return;
        }
        if (event instanceof BuildEvent.PhaseStarted started) {
            status = started.phase().displayName() + "…";
            draw(true);
            return;
        }
        if (System.nanoTime() - lastDraw < REDRAW_NANOS) {
            // The line is redrawn at most every REDRAW_NANOS: what it would have said is not even formatted.
            return;
        }
        if (event instanceof BuildEvent.PackagePinned pin) {
            status = "Resolving: " + pinned + " pinned, last " + pin.name() + " " + pin.version();
        } else if (event instanceof BuildEvent.DownloadProgress download) {
            double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
            status = String.format(Locale.ROOT, "Downloading: %d/%d wheels, %s%s, %s/s", download.doneFiles(),
                    download.totalFiles(), ByteSize.human(download.doneBytes()),
                    download.totalBytes() >= 0 ? " of " + ByteSize.human(download.totalBytes()) : "",
                    ByteSize.human((long) (download.doneBytes() / seconds)));
        } else if (event instanceof BuildEvent.WritingProgress writing) {
            status = String.format(Locale.ROOT, "Writing layer: %d/%d entries, %s", writing.doneEntries(),
                    writing.totalEntries(), ByteSize.human(writing.doneBytes()));
        }
        draw(false);
    }

    private void draw(boolean force) {
        if (!live) {
            return;
        }
        long now = System.nanoTime();
        if (!force && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        String text = status.length() > 100 ? status.substring(0, 100) : status;
        err.print("\r" + text + " ".repeat(Math.max(0, shownWidth - text.length())));
        shownWidth = text.length();
        err.flush();
    }

    private void line(String text) {
        clear();
        err.println(text);
        err.flush();
    }

    private void clear() {
        if (live && shownWidth > 0) {
            err.print("\r" + " ".repeat(shownWidth) + "\r");
            shownWidth = 0;
        }
    }

    /** Removes the status line. */
    synchronized void finish() {
        clear();
        err.flush();
    }
}
