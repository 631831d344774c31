package dev.pylayer.testdata.tables;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a {@code |}-separated expectation table: one row per case, {@code #} lines are comments, empty lines are
 * skipped. Cells are not trimmed: leading and trailing spaces and tabs are part of the inputs, and an empty last
 * cell is kept.
 */
public final class ExpectationTables {
    private ExpectationTables() {
    }

    /** The rows of {@code resource}, resolved as {@link Class#getResourceAsStream} does: beside {@code owner}. */
    public static List<String[]> rows(Class<?> owner, String resource) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(owner.getResourceAsStream(resource), () -> "no resource " + resource
                        + " beside " + owner.getName()), StandardCharsets.UTF_8))) {
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
