package dev.pylayer.testdata.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * pip, in a venv made from the pip wheel on the local mirror, asked what it would install for a Lambda
 * target: {@code pip install --dry-run --report … --platform … --python-version … --only-binary=:all:}.
 * pip does not expand PEP 600 platforms, so every manylinux_2_N up to the target's glibc is passed.
 */
public final class PipOracle {
    /** What pip picked: normalized name → the chosen file. */
    public record Pick(String name, String version, String filename) {
    }

    private final Path venv;
    private final LocalPypiMirror mirror;

    private PipOracle(Path venv, LocalPypiMirror mirror) {
        this.venv = venv;
        this.mirror = mirror;
    }

    /** A venv under {@code workDir} with the newest pip from the mirror (reused when already there). */
    public static PipOracle create(Path workDir, LocalPypiMirror mirror) {
        Path venv = workDir.resolve("pip-oracle-venv");
        Path pip = venv.resolve("bin").resolve("pip");
        if (!Files.isExecutable(pip)) {
            run(List.of(RealTools.python311().orElseThrow(), "-m", "venv", "--without-pip", venv.toString()), null);
            // Bootstrap: the machine's python3.11 has a pip; use it to install the mirror's newest pip into the venv.
            run(List.of(RealTools.python311().orElseThrow(), "-m", "pip", "--isolated", "--python",
                    venv.resolve("bin").resolve("python").toString(), "install", "-q",
                    "--index-url", mirror.simpleUrl(), "pip"), null);
        }
        return new PipOracle(venv, mirror);
    }

    /** pip's pick for the requirements on CPython {@code 3.minor} / glibc 2.{glibcMinor} / {@code machine}. */
    public Map<String, Pick> resolve(List<String> requirements, int pythonMinor, int glibcMinor, String machine,
            Path workDir) {
        try {
            Path report = Files.createTempFile(workDir, "pip-report", ".json");
            Path target = Files.createTempDirectory(workDir, "pip-target");
            List<String> command = new ArrayList<>(List.of(venv.resolve("bin").resolve("pip").toString(),
                    "install", "--dry-run", "--ignore-installed", "--quiet", "--report", report.toString(),
                    "--index-url", mirror.simpleUrl(), "--only-binary=:all:",
                    "--python-version", "3." + pythonMinor, "--target", target.toString()));
            int lowest = machine.equals("aarch64") ? 17 : 5;
            for (int minor = glibcMinor; minor >= lowest; minor--) {
                command.add("--platform");
                command.add("manylinux_2_" + minor + "_" + machine);
            }
            if (glibcMinor >= 17) {
                command.add("--platform");
                command.add("manylinux2014_" + machine);
            }
            if (machine.equals("x86_64")) {
                command.addAll(List.of("--platform", "manylinux2010_x86_64", "--platform", "manylinux1_x86_64"));
            }
            command.addAll(requirements);
            run(command, null);
            JsonNode root = new ObjectMapper().readTree(report.toFile());
            Map<String, Pick> picks = new TreeMap<>();
            for (JsonNode item : root.path("install")) {
                String name = item.path("metadata").path("name").asText();
                String url = item.path("download_info").path("url").asText();
                String normalized = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[-_.]+", "-");
                picks.put(normalized, new Pick(normalized, item.path("metadata").path("version").asText(),
                        url.substring(url.lastIndexOf('/') + 1)));
            }
            return picks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String run(List<String> command, Path directory) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PIP_CONFIG_FILE", "/dev/null");
        builder.environment().put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        return Commands.run(builder, Duration.ofMinutes(15));
    }
}
