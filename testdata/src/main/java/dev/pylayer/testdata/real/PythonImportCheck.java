package dev.pylayer.testdata.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Imports modules from an unzipped layer with python3.11 in isolated mode ({@code -S}: no site-packages of
 * the machine), with only the layer's two Lambda paths on {@code PYTHONPATH}: what /opt gives a function.
 */
public final class PythonImportCheck {
    /** The outcome: exit code and everything Python printed. */
    public record Outcome(int exitCode, String output) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    private PythonImportCheck() {
    }

    /** Runs {@code import m1, m2, …} against {@code layerDir/python/lib/python3.11/site-packages} and {@code layerDir/python}. */
    public static Outcome importAll(Path layerDir, String pythonLibFolder, List<String> modules) {
        return run(layerDir, pythonLibFolder, "import " + String.join(", ", modules) + "; print('imported', "
                + modules.size() + ")", List.of());
    }

    /**
     * Runs a Python {@code script} with the layer's two Lambda paths on {@code PYTHONPATH}, followed by
     * {@code after} (e.g. the site-packages of another layer standing in for the runtime's own packages, which
     * come after /opt on Lambda's {@code sys.path}).
     */
    public static Outcome run(Path layerDir, String pythonLibFolder, String script, List<Path> after) {
        StringBuilder pythonPath = new StringBuilder()
                .append(layerDir.resolve("python").resolve("lib").resolve(pythonLibFolder).resolve("site-packages"))
                .append(java.io.File.pathSeparator).append(layerDir.resolve("python"));
        after.forEach(path -> pythonPath.append(java.io.File.pathSeparator).append(path));
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(RealTools.python311().orElseThrow(), "-S", "-c", script))
                    .redirectErrorStream(true);
            builder.environment().remove("PYTHONHOME");
            builder.environment().put("PYTHONPATH", pythonPath.toString());
            builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Outcome(-1, output + "\n(timed out)");
            }
            return new Outcome(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
