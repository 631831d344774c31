package dev.pylayer.testdata.real;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finds the machine's Python, the mirror script and the repository root. */
public final class RealTools {
    private RealTools() {
    }

    /** The repository root: the nearest ancestor of the working directory holding {@code mvnw}. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("mvnw")) && Files.isDirectory(candidate.resolve("core"))) {
                return candidate;
            }
        }
        return dir;
    }

    /**
     * The mirror script: {@code PYLAYER_MIRROR_SCRIPT} if set, else {@code shared/pypi-mirror.py} beside the
     * repository or beside one of its parent folders (where the developer machines keep it).
     */
    public static Optional<Path> mirrorScript() {
        String configured = System.getenv("PYLAYER_MIRROR_SCRIPT");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
        }
        // ../shared next to the checkout, or next to a folder holding it (a worktree under /work/wt/NAME).
        for (Path dir = repositoryRoot(); dir != null && dir.getParent() != null; dir = dir.getParent()) {
            Path path = dir.resolveSibling("shared").resolve("pypi-mirror.py");
            if (Files.isRegularFile(path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    /** An executable that answers {@code --version} within a few seconds, e.g. {@code python3.11}. */
    public static Optional<String> executable(String name) {
        try {
            Process process = new ProcessBuilder(List.of(name, "--version")).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            if (process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0) {
                return Optional.of(name);
            }
            process.destroyForcibly();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /** Python 3.11, which the local wheel index is built for and layers are import-tested with. */
    public static Optional<String> python311() {
        return executable("python3.11");
    }

    /**
     * The folders of real wheels the mirror serves (pip's configured find-links folders and the files of its
     * {@code file://} indexes), as {@code pypi-mirror.py --list-dirs} names them; empty when there is no mirror.
     */
    public static java.util.List<Path> wheelFolders() {
        if (skipReason().isPresent()) {
            return List.of();
        }
        String output = Commands.run(new ProcessBuilder("python3", mirrorScript().get().toString(), "--list-dirs"),
                java.time.Duration.ofMinutes(1));
        return output.lines().map(String::strip).filter(line -> !line.isEmpty()).map(Path::of)
                .filter(Files::isDirectory).toList();
    }

    /** Why the real-index integration tests cannot run here, or empty when they can. */
    public static Optional<String> skipReason() {
        if (mirrorScript().isEmpty()) {
            return Optional.of("no local wheel mirror: no shared/pypi-mirror.py beside the repository or its parents, "
                    + "and PYLAYER_MIRROR_SCRIPT not set");
        }
        if (executable("python3").isEmpty()) {
            return Optional.of("no python3 on PATH to run the local wheel mirror");
        }
        if (python311().isEmpty()) {
            return Optional.of("no python3.11 on PATH for the pip oracle and import tests");
        }
        return Optional.empty();
    }
}
