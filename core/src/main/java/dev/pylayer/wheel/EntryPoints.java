package dev.pylayer.wheel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code .dist-info/entry_points.txt} file, read as {@code importlib.metadata}'s {@code Sectioned} parser
 * (what pip uses) reads it: lines are stripped, blank lines and lines starting with {@code #} skipped,
 * {@code [group]} starts a group, other lines are {@code name = value} split at the first {@code =}.
 * Lines before any group are ignored.
 */
public final class EntryPoints {
    private final List<EntryPoint> entries;

    private EntryPoints(List<EntryPoint> entries) {
        this.entries = List.copyOf(entries);
    }

    public static EntryPoints none() {
        return new EntryPoints(List.of());
    }

    /** Parses the file; a line without {@code =} in a group is an {@link InvalidEntryPointException}. */
    public static EntryPoints parse(String text) {
        Objects.requireNonNull(text, "text");
        List<EntryPoint> entries = new ArrayList<>();
        String group = null;
        for (String raw : text.split("\r\n|\r|\n|\u000b|\u000c|\u001c|\u001d|\u001e|\u0085|\u2028|\u2029", -1)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                group = stripBrackets(line);
                continue;
            }
            if (group == null) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw new InvalidEntryPointException(line, "it has no `=` between the name and the object reference");
            }
            entries.add(new EntryPoint(group, line.substring(0, equals).strip(), line.substring(equals + 1).strip()));
        }
        return new EntryPoints(entries);
    }

    /** {@code str.strip('[]')}: every leading and trailing bracket. */
    private static String stripBrackets(String line) {
        int start = 0;
        int end = line.length();
        while (start < end && (line.charAt(start) == '[' || line.charAt(start) == ']')) {
            start++;
        }
        while (end > start && (line.charAt(end - 1) == '[' || line.charAt(end - 1) == ']')) {
            end--;
        }
        return line.substring(start, end);
    }

    public List<EntryPoint> entries() {
        return entries;
    }

    /** The entry points of one group by name; a later line with the same name wins,
     * keeping the first one's position, as in pip's dict. */
    public Map<String, String> group(String group) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (EntryPoint entry : entries) {
            if (entry.group().equals(group)) {
                byName.put(entry.name(), entry.value());
            }
        }
        return byName;
    }

    public Map<String, String> consoleScripts() {
        return group(EntryPoint.CONSOLE_SCRIPTS);
    }

    public Map<String, String> guiScripts() {
        return group(EntryPoint.GUI_SCRIPTS);
    }
}
