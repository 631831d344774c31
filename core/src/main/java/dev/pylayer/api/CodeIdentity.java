package dev.pylayer.api;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The code this build runs: the jar's path, size and time, or for classes in a folder (a development build)
 * the newest class file's time and their count, so that a rebuilt pylayer never reuses what an older one wrote;
 * empty (no reuse) when the code's origin is unknown.
 */
final class CodeIdentity {
    static final Optional<String> VALUE = compute();

    private static Optional<String> compute() {
        CodeSource source = CodeIdentity.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isRegularFile(location)) {
                return Optional.of("jar " + location + " " + Files.size(location) + " "
                        + Files.getLastModifiedTime(location).toMillis());
            }
            List<Long> times = new ArrayList<>();
            try (Stream<Path> files = Files.walk(location)) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                    times.add(Files.getLastModifiedTime(file).toMillis());
                }
            }
            return Optional.of("classes " + location + " " + times.size() + " "
                    + times.stream().mapToLong(Long::longValue).max().orElse(0));
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
