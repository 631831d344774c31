package dev.pylayer.inspect;

import dev.pylayer.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A distribution installed in the layer, found by its {@code .dist-info} folder (PEP 376/627): its name and version,
 * the tags of the wheel it came from (the dist-info {@code WHEEL} file) and the files it installed ({@code RECORD}).
 * Layers built by pip, uv, Docker or pylayer all carry these.
 *
 * @param distInfo the folder, e.g. {@code python/lib/python3.11/site-packages/numpy-2.3.5.dist-info/}
 * @param root     the folder RECORD paths are relative to (the dist-info's parent)
 * @param tags     the {@code Tag:} lines of WHEEL; empty when there is no WHEEL file
 * @param record   the RECORD rows; empty when there is no RECORD file
 */
record InstalledDistribution(String distInfo, String root, String name, String version, Optional<Set<Tag>> tags,
        Optional<List<RecordRow>> record) {

    /** One RECORD row: path relative to {@link #root()}, {@code algorithm=digest} or empty, size or empty. */
    record RecordRow(String path, String hash, String size) {
    }

    /** "numpy 2.3.5". */
    String displayName() {
        return name + " " + version;
    }

    /** The zip entry a RECORD path names, or empty for paths that leave the root ({@code ../../bin/x}) or are absolute. */
    Optional<String> entryName(String recordPath) {
        if (recordPath.startsWith("/") || recordPath.contains("\\") || List.of(recordPath.split("/")).contains("..")) {
            return Optional.empty();
        }
        return Optional.of(root + recordPath);
    }

    /** The zip entries this distribution's RECORD claims. */
    Set<String> ownedEntries() {
        Set<String> owned = new LinkedHashSet<>();
        record.ifPresent(rows -> rows.forEach(row -> entryName(row.path()).ifPresent(owned::add)));
        return owned;
    }

    /** Every {@code *.dist-info/} folder among the entries, with its WHEEL and RECORD parsed. */
    static List<InstalledDistribution> find(LayerScan scan) {
        Map<String, String> folders = new LinkedHashMap<>();
        for (LayerEntry entry : scan.entries()) {
            String directory = entry.directory();
            if (directory.endsWith(".dist-info/")) {
                folders.putIfAbsent(directory, directory);
            }
        }
        List<InstalledDistribution> distributions = new ArrayList<>();
        for (String distInfo : folders.keySet()) {
            String withoutSlash = distInfo.substring(0, distInfo.length() - 1);
            int parentEnd = withoutSlash.lastIndexOf('/') + 1;
            String folderName = withoutSlash.substring(parentEnd, withoutSlash.length() - ".dist-info".length());
            int dash = folderName.indexOf('-');
            String name = dash < 0 ? folderName : folderName.substring(0, dash);
            String version = dash < 0 ? "" : folderName.substring(dash + 1);
            byte[] wheel = scan.metadata().get(distInfo + "WHEEL");
            byte[] record = scan.metadata().get(distInfo + "RECORD");
            distributions.add(new InstalledDistribution(distInfo, withoutSlash.substring(0, parentEnd), name, version,
                    Optional.ofNullable(wheel).map(InstalledDistribution::wheelTags),
                    Optional.ofNullable(record).map(InstalledDistribution::recordRows)));
        }
        return distributions;
    }

    // TODO(lead): use dev.pylayer.wheel's WHEEL file parser once merged.
    /** The {@code Tag:} headers of a WHEEL file (email-header format, one tag triple per line). */
    static Set<Tag> wheelTags(byte[] wheel) {
        Set<Tag> tags = new LinkedHashSet<>();
        for (String line : new String(wheel, StandardCharsets.UTF_8).split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("Tag")) {
                try {
                    tags.addAll(Tag.parseCompressed(line.substring(colon + 1).strip()));
                } catch (IllegalArgumentException e) {
                    // A tag line we cannot read says nothing we can check; the others still count.
                }
            }
        }
        return tags;
    }

    // TODO(lead): use dev.pylayer.wheel.Record once merged.
    /** RECORD rows: CSV as Python's csv module writes it (comma separated, {@code "} quoting with {@code ""} escapes). */
    static List<RecordRow> recordRows(byte[] record) {
        List<RecordRow> rows = new ArrayList<>();
        for (String line : new String(record, StandardCharsets.UTF_8).split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = csvFields(line);
            rows.add(new RecordRow(fields.get(0), fields.size() > 1 ? fields.get(1) : "",
                    fields.size() > 2 ? fields.get(2) : ""));
        }
        return rows;
    }

    private static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
