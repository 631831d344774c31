package dev.pylayer.testdata.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The entries of a folder, for tests that check a run wrote exactly what it should and left nothing behind. */
public final class Folders {
    private Folders() {
    }

    /** The names of the files and folders directly in {@code folder}, sorted. */
    public static List<String> names(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
