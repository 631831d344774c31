package dev.pylayer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.api.BuildEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The status line is for terminals only; logs get warnings (and details with --verbose); -q silences all. */
class ProgressRendererTest {
    private static final List<BuildEvent> BUILD = List.of(
            new BuildEvent.PhaseStarted(BuildEvent.Phase.RESOLVING),
            new BuildEvent.PackagePinned("numpy", "2.2.6", "numpy-2.2.6-cp311-cp311-manylinux_2_17_x86_64.whl"),
            new BuildEvent.Warning("numpy 2.2.6 is yanked"),
            new BuildEvent.PhaseFinished(BuildEvent.Phase.RESOLVING, Duration.ofMillis(120)),
            new BuildEvent.PhaseStarted(BuildEvent.Phase.DOWNLOADING),
            new BuildEvent.DownloadProgress(1 << 20, 16 << 20, 0, 1),
            new BuildEvent.PhaseStarted(BuildEvent.Phase.WRITING),
            new BuildEvent.WritingProgress(500, 900, 3 << 20));

    private static String render(boolean live, boolean verbose, boolean quiet) {
        StringWriter text = new StringWriter();
        ProgressRenderer renderer = new ProgressRenderer(new PrintWriter(text), live, verbose, quiet);
        BUILD.forEach(renderer::onEvent);
        renderer.finish();
        return text.toString();
    }

    @Test
    void offATerminalPrintsWarningsOnly() {
        assertEquals("warning: numpy 2.2.6 is yanked" + System.lineSeparator(), render(false, false, false));
    }

    @Test
    void quietPrintsNothing() {
        assertEquals("", render(false, false, true));
    }

    @Test
    void verboseAddsPinsAndPhaseTimesButNoStatusLine() {
        String text = render(false, true, false);
        assertTrue(text.contains("pinned numpy 2.2.6"), text);
        assertTrue(text.contains("took 0.12 s"), text);
        assertFalse(text.contains("\r"), text);
    }

    @Test
    void onATerminalRedrawsOneStatusLineAndClearsIt() {
        String text = render(true, false, false);
        assertTrue(text.contains("\rResolving…"), text);
        assertTrue(text.contains("\rWriting layer…"), text);
        assertTrue(text.contains("warning: numpy 2.2.6 is yanked"), text);
        assertTrue(text.endsWith("\r"), "the status line is wiped at the end: " + text);
    }

    @ParameterizedTest(name = "launcher says {0}, console {1}, TERM {2}: {3}")
    @CsvSource(nullValues = "-", value = {
            "true,  false, xterm, true",
            "false, true,  xterm, false",
            "-,     true,  xterm, true",
            "-,     false, xterm, false",
            "true,  true,  dumb,  false",
            "true,  true,  -,     false",
    })
    void trustsTheLaunchersWordOnStderr(String launcherSays, boolean console, String term, boolean expected) {
        assertEquals(expected, ProgressRenderer.isTerminal(launcherSays, console, term));
    }
}
