package dev.pylayer.testdata.real;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Imports modules from an unzipped layer with python3.11 in isolated mode ({@code -S}: no site-packages of
 * the machine), with only the layer's two Lambda paths on {@code PYTHONPATH}: what /opt gives a function.
 */
public final class PythonImportCheck {
    private PythonImportCheck() {
    }

    /** Unzips a layer into {@code into} as Lambda unzips it into /opt, and returns {@code into}. */
    public static Path unzip(Path layerZip, Path into) {
        try (InputStream in = Files.newInputStream(layerZip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IllegalStateException("`" + entry.getName() + "` would land outside " + into);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return into;
    }

    /** Runs {@code import m1, m2, …} against {@code layerDir/python/lib/python3.11/site-packages} and {@code layerDir/python}. */
    public static Commands.Outcome importAll(Path layerDir, String pythonLibFolder, List<String> modules) {
        return run(layerDir, pythonLibFolder, "import " + String.join(", ", modules) + "; print('imported', "
                + modules.size() + ")", List.of());
    }

    /**
     * Runs a Python {@code script} with the layer's two Lambda paths on {@code PYTHONPATH}, followed by
     * {@code after} (e.g. the site-packages of another layer standing in for the runtime's own packages, which
     * come after /opt on Lambda's {@code sys.path}).
     */
    public static Commands.Outcome run(Path layerDir, String pythonLibFolder, String script, List<Path> after) {
        StringBuilder pythonPath = new StringBuilder()
                .append(layerDir.resolve("python").resolve("lib").resolve(pythonLibFolder).resolve("site-packages"))
                .append(File.pathSeparator).append(layerDir.resolve("python"));
        after.forEach(path -> pythonPath.append(File.pathSeparator).append(path));
        ProcessBuilder builder = new ProcessBuilder(List.of(RealTools.python311().orElseThrow(), "-S", "-c", script));
        builder.environment().remove("PYTHONHOME");
        builder.environment().put("PYTHONPATH", pythonPath.toString());
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        return Commands.execute(builder, Duration.ofMinutes(5));
    }
}
