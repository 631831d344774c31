package dev.pylayer.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pylayer.runtime.LambdaTarget;
import dev.pylayer.testdata.real.Commands;
import dev.pylayer.testdata.real.RealTools;
import dev.pylayer.testdata.wheels.WheelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * pip 26 run from its own wheel ({@code python3.11 pip-26….whl/pip install …}) on a folder of generated wheels:
 * {@code --no-index --find-links DIR --only-binary=:all: --python-version --platform …} for a Lambda target, with
 * every platform the target accepts passed (pip does not expand PEP 600 tags). The pip wheel is
 * {@code PYLAYER_PIP_WHEEL}, or downloaded once with the machine's own pip configuration (its local wheel folders).
 */
final class PipFolderOracle {
    private final String python;
    private final Path pipWheel;

    private PipFolderOracle(String python, Path pipWheel) {
        this.python = python;
        this.pipWheel = pipWheel;
    }

    /** The oracle, or empty when this machine has no python3.11 or no pip 26 wheel to be had. */
    static Optional<PipFolderOracle> find(Path workDir) {
        Optional<String> python = RealTools.python311();
        if (python.isEmpty()) {
            return Optional.empty();
        }
        String configured = System.getenv("PYLAYER_PIP_WHEEL");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(new PipFolderOracle(python.get(), Path.of(configured)));
        }
        try {
            Path folder = workDir.resolve("pip-wheel");
            Optional<Path> wheel = pipWheelIn(folder);
            if (wheel.isEmpty()) {
                run(List.of(python.get(), "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:", "-d",
                        folder.toString(), "pip>=26,<27"), false);
                wheel = pipWheelIn(folder);
            }
            return wheel.map(w -> new PipFolderOracle(python.get(), w));
        } catch (IllegalStateException | IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> pipWheelIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("pip-26\\..*\\.whl")).findFirst();
        }
    }

    /** The file names pip would install. */
    Set<String> install(List<WheelBuilder> wheels, List<String> requirements, List<String> constraints,
            LambdaTarget target, boolean pre, Path workDir) {
        try {
            Path folder = Files.createTempDirectory(workDir, "wheels");
            wheels.forEach(w -> w.writeTo(folder));
            Path report = folder.resolveSibling(folder.getFileName() + "-report.json");
            List<String> command = new ArrayList<>(List.of(python, pipWheel.resolve("pip").toString(), "install",
                    "--dry-run", "--ignore-installed", "--quiet", "--report", report.toString(), "--no-index",
                    "--find-links", folder.toString(), "--only-binary=:all:", "--python-version",
                    target.runtime().pythonVersion(), "--implementation", "cp", "--abi",
                    "cp3" + target.runtime().pythonMinor(), "--target", workDir.resolve("pip-target").toString()));
            for (String platform : target.platforms()) {
                command.add("--platform");
                command.add(platform);
            }
            if (pre) {
                command.add("--pre");
            }
            if (!constraints.isEmpty()) {
                Path file = folder.resolveSibling(folder.getFileName() + "-constraints.txt");
                Files.write(file, constraints, StandardCharsets.UTF_8);
                command.add("-c");
                command.add(file.toString());
            }
            command.addAll(requirements);
            run(command, true);
            Set<String> files = new TreeSet<>();
            for (JsonNode item : new ObjectMapper().readTree(report.toFile()).path("install")) {
                String url = item.path("download_info").path("url").asText();
                files.add(url.substring(url.lastIndexOf('/') + 1));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String run(List<String> command, boolean isolated) {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (isolated) {
            // Nothing of the machine's pip settings (PIP_FIND_LINKS, config files) may add wheels to the world.
            builder.environment().keySet().removeIf(key -> key.startsWith("PIP_"));
            builder.environment().put("PIP_CONFIG_FILE", "/dev/null");
        }
        builder.environment().put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
        builder.environment().put("PIP_NO_INPUT", "1");
        return Commands.run(builder, Duration.ofMinutes(5));
    }
}
