package dev.pylayer.layer;

import dev.pylayer.wheel.EntryPoints;
import dev.pylayer.wheel.InvalidWheelException;
import dev.pylayer.wheel.Record;
import dev.pylayer.wheel.RecordEntry;
import dev.pylayer.wheel.RecordHash;
import dev.pylayer.wheel.WheelArchive;
import dev.pylayer.wheel.WheelEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What one wheel installs, decided as pip's {@code _install_wheel} decides it for {@code --target}: every file
 * entry through {@link InstallScheme}; {@code .data/scripts} files that setuptools generated for an entry point
 * left out and the others' {@code #!python} shebang rewritten to the layer's interpreter; launchers for
 * console and GUI entry points; {@code INSTALLER}, {@code REQUESTED} and a rewritten {@code RECORD} in the
 * dist-info folder.
 *
 * <p>RECORD lists exactly the installed files, relative to site-packages (so scripts are {@code bin/…}), with
 * the wheel's hash and size, recomputed for files pylayer changed or generated; files the wheel's RECORD does not
 * list get empty hash and size, as pip writes them. Rows are sorted as pip sorts them.
 */
final class DistributionPlan {
    static final byte[] INSTALLER = "pylayer\n".getBytes(StandardCharsets.UTF_8);
    /** Shebang rewriting holds a script in memory; a Python script is never near this large. */
    private static final int SCRIPT_REWRITE_LIMIT = 16 * 1024 * 1024;
    private static final byte[] PYTHON_SHEBANG = "#!python".getBytes(StandardCharsets.US_ASCII);

    private final List<LayerFile> files;
    private final DistributionFacts facts;
    private final String distInfo;
    private final List<RecordEntry> record;

    private DistributionPlan(List<LayerFile> files, DistributionFacts facts, String distInfo, List<RecordEntry> record) {
        this.files = List.copyOf(files);
        this.facts = facts;
        this.distInfo = distInfo;
        this.record = List.copyOf(record);
    }

    List<LayerFile> files() {
        return files;
    }

    DistributionFacts facts() {
        return facts;
    }

    /** The dist-info folder, relative to site-packages. */
    String distInfo() {
        return distInfo;
    }

    /**
     * The same installation without the files at {@code paths} (relative to site-packages): RECORD lists only the
     * files kept, as if the wheel had never shipped the others. RECORD itself cannot be removed.
     */
    DistributionPlan without(Set<String> paths) {
        if (paths.isEmpty()) {
            return this;
        }
        String recordPath = distInfo + "/RECORD";
        if (paths.contains(recordPath)) {
            throw new IllegalArgumentException("RECORD is always installed: " + recordPath);
        }
        List<LayerFile> kept = new ArrayList<>();
        for (LayerFile file : files) {
            if (!paths.contains(file.path()) && !file.path().equals(recordPath)) {
                kept.add(file);
            }
        }
        if (kept.size() == files.size() - 1) {
            return this;
        }
        List<RecordEntry> rows = record.stream().filter(row -> !paths.contains(row.path())).toList();
        kept.add(new LayerFile.Generated(facts.wheel(), recordPath, Record.of(rows).toBytes(), LayerFile.FILE_MODE));
        return new DistributionPlan(kept, facts(kept), distInfo, rows);
    }

    private DistributionFacts facts(List<LayerFile> kept) {
        return new DistributionFacts(facts.name(), facts.version(), facts.wheel(), kept.size(),
                kept.stream().mapToLong(LayerFile::size).sum(), facts.requested());
    }

    static DistributionPlan of(WheelArchive archive, boolean requested, LayerLayout layout) {
        String distInfo = archive.distInfoDirectory();
        Set<String> ownFiles = Set.of(distInfo + "/RECORD", distInfo + "/INSTALLER", distInfo + "/REQUESTED");
        EntryPoints entryPoints = archive.entryPoints();
        Map<String, String> console = entryPoints.consoleScripts();
        Map<String, String> gui = entryPoints.guiScripts();
        String origin = archive.name();

        List<LayerFile> files = new ArrayList<>();
        Map<String, String> installed = new LinkedHashMap<>();
        Map<String, RecordEntry> changed = new HashMap<>();
        for (WheelEntry entry : archive.entries()) {
            if (ownFiles.contains(entry.name())) {
                continue;
            }
            Optional<InstallScheme.Destination> destination =
                    InstallScheme.destination(origin, entry.name(), archive.filename().name().normalized());
            if (destination.isEmpty()) {
                continue;
            }
            String path = destination.get().path();
            if (destination.get().kind() == InstallScheme.Kind.SCRIPT) {
                if (isEntryPointWrapper(path, console, gui)) {
                    continue;
                }
                Optional<byte[]> rewritten = rewriteShebang(archive, entry, layout.interpreter());
                if (rewritten.isPresent()) {
                    files.add(new LayerFile.Generated(origin, path, rewritten.get(), LayerFile.EXECUTABLE_MODE));
                    changed.put(path, hashed(path, rewritten.get()));
                } else {
                    files.add(new LayerFile.Copied(archive, entry, path, LayerFile.EXECUTABLE_MODE));
                }
            } else {
                int mode = entry.isExecutable() ? LayerFile.EXECUTABLE_MODE : LayerFile.FILE_MODE;
                files.add(new LayerFile.Copied(archive, entry, path, mode));
            }
            installed.put(entry.name(), path);
        }

        List<LayerFile> generated = new ArrayList<>();
        for (ScriptWrappers.Script script : ScriptWrappers.generate(console, gui, layout.interpreter(), layout.pythonVersion())) {
            generated.add(new LayerFile.Generated(origin, "bin/" + script.name(), script.content(), LayerFile.EXECUTABLE_MODE));
        }
        generated.add(new LayerFile.Generated(origin, distInfo + "/INSTALLER", INSTALLER, LayerFile.FILE_MODE));
        if (requested) {
            generated.add(new LayerFile.Generated(origin, distInfo + "/REQUESTED", new byte[0], LayerFile.FILE_MODE));
        }
        files.addAll(generated);

        List<RecordEntry> record = record(archive.record(), installed, changed, generated, distInfo + "/RECORD");
        files.add(new LayerFile.Generated(origin, distInfo + "/RECORD", Record.of(record).toBytes(), LayerFile.FILE_MODE));

        long size = files.stream().mapToLong(LayerFile::size).sum();
        DistributionFacts facts = new DistributionFacts(archive.metadata().name(), archive.metadata().version(),
                origin, files.size(), size, requested);
        return new DistributionPlan(files, facts, distInfo, record);
    }

    private static List<RecordEntry> record(Record wheelRecord, Map<String, String> installed, Map<String, RecordEntry> changed,
                                 List<LayerFile> generated, String recordPath) {
        Map<String, RecordEntry> rows = new HashMap<>();
        Map<String, String> unlisted = new LinkedHashMap<>(installed);
        for (RecordEntry row : wheelRecord.entries()) {
            String path = installed.get(row.path());
            if (path == null) {
                continue;
            }
            unlisted.remove(row.path());
            rows.put(path, changed.getOrDefault(path, row.withPath(path)));
        }
        for (String path : unlisted.values()) {
            rows.put(path, changed.getOrDefault(path, RecordEntry.unhashed(path)));
        }
        for (LayerFile file : generated) {
            rows.put(file.path(), hashed(file.path(), ((LayerFile.Generated) file).content()));
        }
        rows.put(recordPath, RecordEntry.unhashed(recordPath));
        List<RecordEntry> sorted = new ArrayList<>(rows.values());
        sorted.sort((a, b) -> Utf8Order.INSTANCE.compare(a.path(), b.path()));
        return sorted;
    }

    private static RecordEntry hashed(String path, byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return new RecordEntry(path, Optional.of(RecordHash.sha256(digest)), OptionalLong.of(content.length));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * pip's {@code is_entrypoint_wrapper}: {@code EP}, {@code EP.exe}, {@code EP-script.py} and {@code EP.pya}
     * are the scripts setuptools generated for entry point {@code EP}; pip writes its own instead.
     */
    private static boolean isEntryPointWrapper(String path, Map<String, String> console, Map<String, String> gui) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        String match = name;
        if (lower.endsWith(".exe") || lower.endsWith(".pya")) {
            match = name.substring(0, name.length() - 4);
        } else if (lower.endsWith("-script.py")) {
            match = name.substring(0, name.length() - 10);
        }
        return console.containsKey(match) || gui.containsKey(match);
    }

    /**
     * pip's {@code fix_script}: a first line starting with {@code #!python} is replaced by {@code #!} and the
     * interpreter (here Lambda's), keeping the rest of the file.
     */
    private static Optional<byte[]> rewriteShebang(WheelArchive archive, WheelEntry entry, String interpreter) {
        if (entry.size() < PYTHON_SHEBANG.length) {
            return Optional.empty();
        }
        try (InputStream in = archive.open(entry)) {
            byte[] head = in.readNBytes(PYTHON_SHEBANG.length);
            if (!Arrays.equals(head, PYTHON_SHEBANG)) {
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new InvalidWheelException(archive.name(), entry.name(), "it cannot be read (" + e.getMessage() + ")", e);
        }
        byte[] content = archive.readAll(entry, SCRIPT_REWRITE_LIMIT);
        int newline = 0;
        while (newline < content.length && content[newline] != '\n') {
            newline++;
        }
        byte[] firstLine = ("#!" + interpreter + "\n").getBytes(StandardCharsets.UTF_8);
        int restStart = Math.min(newline + 1, content.length);
        byte[] result = Arrays.copyOf(firstLine, firstLine.length + content.length - restStart);
        System.arraycopy(content, restStart, result, firstLine.length, content.length - restStart);
        return Optional.of(result);
    }
}
