package dev.pylayer.requirement;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the {@code |}-separated expectation tables under test resources, generated from {@code packaging} 26.2
 * (pip 26's vendored copy): one row per case, {@code #} lines are comments, cells are not trimmed (spaces and
 * tabs are part of the inputs).
 */
final class PackagingTables {
    private PackagingTables() {
    }

    static List<String[]> rows(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(PackagingTables.class.getResourceAsStream(resource), resource),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#") && !line.isEmpty()) {
                    rows.add(line.split("\\|", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
