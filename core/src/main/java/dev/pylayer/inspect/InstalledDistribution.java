package dev.pylayer.inspect;

import dev.pylayer.tags.Tag;
import dev.pylayer.wheel.Record;
import dev.pylayer.wheel.RecordEntry;
import dev.pylayer.wheel.WheelException;
import dev.pylayer.wheel.WheelInfo;
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
 * @param tags     the {@code Tag:} lines of WHEEL; empty when there is no readable WHEEL file
 * @param record   the RECORD; empty when there is no readable RECORD file
 * @param problems why WHEEL or RECORD could not be read, one line each
 */
record InstalledDistribution(String distInfo, String root, String name, String version, Optional<Set<Tag>> tags,
        Optional<Record> record, List<String> problems) {

    InstalledDistribution {
        problems = List.copyOf(problems);
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
        record.ifPresent(rows -> rows.entries().forEach(row -> entryName(row.path()).ifPresent(owned::add)));
        return owned;
    }

    List<RecordEntry> recordEntries() {
        return record.map(Record::entries).orElse(List.of());
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
            List<String> problems = new ArrayList<>();
            Optional<Set<Tag>> tags = Optional.ofNullable(scan.metadata().get(distInfo + "WHEEL")).flatMap(bytes -> {
                try {
                    return Optional.of((Set<Tag>) new LinkedHashSet<>(WheelInfo.parse(bytes).tags()));
                } catch (WheelException e) {
                    problems.add("WHEEL: " + e.getMessage());
                    return Optional.empty();
                }
            });
            Optional<Record> record = Optional.ofNullable(scan.metadata().get(distInfo + "RECORD")).flatMap(bytes -> {
                try {
                    return Optional.of(Record.parse(bytes));
                } catch (WheelException e) {
                    problems.add("RECORD: " + e.getMessage());
                    return Optional.empty();
                }
            });
            distributions.add(new InstalledDistribution(distInfo, withoutSlash.substring(0, parentEnd), name, version,
                    tags, record, problems));
        }
        return distributions;
    }
}
