package dev.pylayer.testdata.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs the machine's tools (python3.11, pip, readelf) for the integration tests, with standard error merged into
 * the output so a failure can quote everything the tool said.
 */
public final class Commands {
    /** How a run ended: the exit code ({@code -1} when it was killed for taking too long) and all it printed. */
    public record Outcome(int exitCode, String output) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    private Commands() {
    }

    /** Runs {@code builder}'s command; one still running after {@code timeout} is killed. */
    public static Outcome execute(ProcessBuilder builder, Duration timeout) {
        try {
            Process process = builder.redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new Outcome(-1, output + "\n(timed out after " + timeout + ")");
            }
            return new Outcome(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs the command and returns its output; a failure or a timeout is an error naming the command. */
    public static String run(ProcessBuilder builder, Duration timeout) {
        Outcome outcome = execute(builder, timeout);
        if (!outcome.succeeded()) {
            throw new IllegalStateException("`" + String.join(" ", builder.command()) + "` failed ("
                    + outcome.exitCode() + "):\n" + outcome.output());
        }
        return outcome.output();
    }
}
