package dev.pylayer.wheel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the {@code |}-separated expectation tables under test resources (generated with pip 26.2.1 and its
 * vendored packaging, as each file's header says): one row per case, {@code #} lines are comments.
 */
final class Tables {
    private Tables() {
    }

    static List<String[]> rows(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(Tables.class.getResourceAsStream(resource), resource), StandardCharsets.UTF_8))) {
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
