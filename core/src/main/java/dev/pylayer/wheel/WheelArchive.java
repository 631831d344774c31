package dev.pylayer.wheel;

import dev.pylayer.name.PackageName;
import dev.pylayer.runtime.LambdaLimits;
import dev.pylayer.zip.CentralRecord;
import dev.pylayer.zip.ZipReader;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * A wheel opened for installing, read from its central directory (random access, nothing inflated up front).
 * Opening checks everything that can be checked without inflating file contents, and refuses the wheel
 * with a typed error naming it and the entry at fault:
 * <ul>
 * <li>entry names: absolute, {@code ..}, drive letters, backslashes, control characters
 *     ({@link UnsafeWheelEntryException}); symlinks and other non-regular entries (Unix mode in the external
 *     attributes); encrypted entries; compression other than stored and deflated; duplicate names;</li>
 * <li>the sum of declared uncompressed sizes against a budget, by default Lambda's 250 MB unzipped limit
 *     ({@link LambdaLimits#MAX_UNZIPPED_BYTES}; {@link WheelTooLargeException}: a zip bomb is refused from its
 *     central directory);</li>
 * <li>exactly one {@code .dist-info} directory whose name starts with the project's (pip's
 *     {@code wheel_dist_info_dir}), with WHEEL (Wheel-Version 1.x), METADATA (the file name's project and
 *     version, as pip's metadata consistency check wants) and RECORD;</li>
 * <li>RECORD rows naming a file that is absent or whose size disagrees with the entry.</li>
 * </ul>
 * Reading an entry ({@link #open}, {@link #openRawChecked}) then checks its content as it streams: never past
 * the declared size, and the CRC-32 and RECORD hash at the end.
 */
public final class WheelArchive implements Closeable {
    /** METADATA, WHEEL, RECORD and entry_points.txt are read into memory; none is near this large. */
    static final int SMALL_FILE_LIMIT = 64 * 1024 * 1024;

    private final Path path;
    private final WheelFilename filename;
    private final ZipReader zip;
    private final List<WheelEntry> entries;
    private final Map<String, WheelEntry> byName;
    private final Map<String, CentralRecord> zipEntries;
    private final long declaredSize;
    private final String distInfo;
    private final WheelInfo wheelInfo;
    private final CoreMetadata metadata;
    private final Record record;
    private EntryPoints entryPoints;

    private WheelArchive(Path path, WheelFilename filename, ZipReader zip, long budget) {
        this.path = path;
        this.filename = filename;
        this.zip = zip;
        List<WheelEntry> files = new ArrayList<>();
        Map<String, WheelEntry> names = new HashMap<>();
        Map<String, CentralRecord> raw = new HashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        long total = 0;
        WheelEntry largest = null;
        for (CentralRecord zipEntry : zip.records()) {
            String name = zipEntry.nameText();
            EntryPath.check(name(), name);
            boolean first = seen.add(name);
            WheelEntry entry = describe(zipEntry, name);
            if (name.endsWith("/")) {
                continue;
            }
            if (!first) {
                // Which copy an installer would keep is up to it; a layer must not depend on that.
                throw new InvalidWheelException(name(), name, "the name appears twice in the archive");
            }
            total += entry.size();
            if (largest == null || entry.size() > largest.size()) {
                largest = entry;
            }
            files.add(entry);
            names.put(name, entry);
            raw.put(name, zipEntry);
        }
        if (total > budget) {
            throw new WheelTooLargeException(name(), largest.name(), total, budget,
                    "declares more uncompressed bytes than the budget");
        }
        this.entries = Collections.unmodifiableList(files);
        this.byName = names;
        this.zipEntries = raw;
        this.declaredSize = total;
        this.distInfo = findDistInfo(seen);
        // RECORD first, so that WHEEL and METADATA are read against their RECORD hashes.
        this.record = parseRecord();
        checkRecord();
        this.wheelInfo = parseWheelInfo();
        this.metadata = parseMetadata();
    }

    /** Opens a wheel whose file name is its wheel name, with the default budget. */
    public static WheelArchive open(Path file) {
        Path name = Objects.requireNonNull(file, "file").getFileName();
        return open(file, WheelFilename.parse(name == null ? "" : name.toString()), LambdaLimits.MAX_UNZIPPED_BYTES);
    }

    /** Opens a wheel stored under another name (a cache keeps wheels by digest), with the default budget. */
    public static WheelArchive open(Path file, WheelFilename filename) {
        return open(file, filename, LambdaLimits.MAX_UNZIPPED_BYTES);
    }

    /**
     * Opens a wheel stored under another name (a content-addressed cache keeps wheels by digest): its wheel
     * name is {@code filename}, and {@code budget} caps the sum of its declared uncompressed sizes.
     */
    public static WheelArchive open(Path file, WheelFilename filename, long budget) {
        Objects.requireNonNull(filename, "filename");
        ZipReader zip;
        try {
            zip = ZipReader.open(file);
        } catch (IOException | RuntimeException e) {
            throw new InvalidWheelException(filename.filename(), null, "it is not a readable zip archive ("
                    + e.getMessage() + ")", e);
        }
        try {
            return new WheelArchive(file, filename, zip, budget);
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    /** Closes a file only read from: a failure to close it loses nothing. */
    private static void closeQuietly(Closeable file) {
        try {
            if (file != null) {
                file.close();
            }
        } catch (IOException e) {
            // nothing to report
        }
    }

    private WheelEntry describe(CentralRecord zipEntry, String name) {
        int mode = zipEntry.unixMode();
        int type = mode & 0170000;
        if (type == 0120000) {
            throw new UnsafeWheelEntryException(name(), name, UnsafeWheelEntryException.Reason.SYMLINK);
        }
        if (type != 0 && type != 0100000 && type != 0040000) {
            throw new UnsafeWheelEntryException(name(), name, UnsafeWheelEntryException.Reason.SPECIAL_FILE);
        }
        if (zipEntry.encrypted()) {
            throw new InvalidWheelException(name(), name, "it is encrypted");
        }
        int method = zipEntry.method();
        if (method != WheelEntry.STORED && method != WheelEntry.DEFLATED) {
            throw new InvalidWheelException(name(), name, "it uses zip compression method " + method
                    + "; pylayer copies only stored and deflated entries");
        }
        long size = zipEntry.size();
        long compressed = zipEntry.compressedSize();
        if (method == WheelEntry.STORED && size != compressed) {
            throw new InvalidWheelException(name(), name, "it is stored uncompressed but declares "
                    + size + " bytes and " + compressed + " stored bytes");
        }
        return new WheelEntry(name, method, compressed, size, zipEntry.crc(), mode);
    }

    private String findDistInfo(Set<String> names) {
        Set<String> found = new LinkedHashSet<>();
        for (String name : names) {
            int slash = name.indexOf('/');
            String top = slash < 0 ? name : name.substring(0, slash);
            if (top.endsWith(".dist-info")) {
                found.add(top);
            }
        }
        if (found.isEmpty()) {
            throw new InvalidWheelException(name(), "it has no .dist-info directory");
        }
        if (found.size() > 1) {
            throw new InvalidWheelException(name(), "it has several .dist-info directories: " + String.join(", ", found));
        }
        String directory = found.iterator().next();
        // pip's wheel_dist_info_dir: the canonicalized directory name starts with the canonical project name.
        if (!PackageName.normalize(directory).startsWith(filename.name().normalized())) {
            throw new InvalidWheelException(name(), directory,
                    "the .dist-info directory does not start with `" + filename.name().normalized() + "`");
        }
        return directory;
    }

    private WheelInfo parseWheelInfo() {
        WheelInfo info = parseDistInfo("WHEEL", WheelInfo::parse);
        if (!info.isSupportedVersion()) {
            throw new InvalidWheelException(name(), distInfo + "/WHEEL", "Wheel-Version " + info.wheelVersion()
                    + " is not supported; pip and pylayer install Wheel-Version 1.x");
        }
        return info;
    }

    private CoreMetadata parseMetadata() {
        String entry = distInfo + "/METADATA";
        CoreMetadata parsed = parseDistInfo("METADATA", CoreMetadata::parse);
        if (!parsed.name().equals(filename.name())) {
            throw new InvalidWheelException(name(), entry, "METADATA names project `" + parsed.name().display()
                    + "` but the file name says `" + filename.name().display() + "`");
        }
        if (!parsed.version().equals(filename.version())) {
            throw new InvalidWheelException(name(), entry, "METADATA says version `" + parsed.versionText()
                    + "` but the file name says `" + filename.version() + "`");
        }
        return parsed;
    }

    private Record parseRecord() {
        return parseDistInfo("RECORD", Record::parse);
    }

    /** Reads and parses a file of the .dist-info directory; what its parser refuses makes the wheel invalid. */
    private <T> T parseDistInfo(String file, Function<byte[], T> parser) {
        String entry = distInfo + "/" + file;
        try {
            return parser.apply(readSmall(entry));
        } catch (InvalidMetadataException | InvalidRecordException e) {
            throw new InvalidWheelException(name(), entry, e.getMessage(), e);
        }
    }

    private void checkRecord() {
        for (RecordEntry row : record.entries()) {
            if (row.path().endsWith("/")) {
                continue;
            }
            WheelEntry entry = byName.get(row.path());
            if (entry == null) {
                throw new InvalidWheelException(name(), row.path(), "RECORD lists it but the archive has no such file");
            }
            if (row.size().isPresent() && row.size().getAsLong() != entry.size()) {
                throw new InvalidWheelException(name(), row.path(), "RECORD says " + row.size().getAsLong()
                        + " bytes but the archive entry has " + entry.size());
            }
        }
    }

    private byte[] readSmall(String name) {
        WheelEntry entry = byName.get(name);
        if (entry == null) {
            throw new InvalidWheelException(name(), name, "the wheel has no such file; every wheel has one");
        }
        return readAll(entry, SMALL_FILE_LIMIT);
    }

    /** The content of a small entry, checked; refused when it declares more than {@code limit} bytes. */
    public byte[] readAll(WheelEntry entry, int limit) {
        if (entry.size() > limit) {
            throw new InvalidWheelException(name(), entry.name(), "it declares " + entry.size()
                    + " bytes, more than the " + limit + " read into memory");
        }
        try (InputStream in = open(entry)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) entry.size());
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new InvalidWheelException(name(), entry.name(), "it cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** The inflated content of a file entry, checked against its declared size, CRC and RECORD hash as it is read. */
    public InputStream open(WheelEntry entry) throws IOException {
        CentralRecord zipEntry = zipEntry(entry);
        return CheckedEntryStreams.inflated(stream(entry, () -> zip.inflated(zipEntry)), verifier(entry), name(), entry);
    }

    /**
     * The stored bytes of a file entry (deflate data for a deflated entry), for copying without inflating
     * and deflating again. A copy is inflated on the side to check the size, CRC and RECORD hash; a problem
     * surfaces as a typed error from {@code read}, at the latest when the end of the data is reached.
     */
    public InputStream openRawChecked(WheelEntry entry) throws IOException {
        return openRawChecked(entry, ContentSink.NONE);
    }

    /**
     * Like {@link #openRawChecked(WheelEntry)}, and hands the inflated bytes, as they are checked, to {@code sink}
     * ({@link ContentSink#finish} once they all passed).
     */
    public InputStream openRawChecked(WheelEntry entry, ContentSink sink) throws IOException {
        CentralRecord zipEntry = zipEntry(entry);
        return CheckedEntryStreams.raw(stream(entry, () -> zip.raw(zipEntry)), entry, verifier(entry), name(),
                java.util.Objects.requireNonNull(sink, "sink"));
    }

    /**
     * Inflates every file entry on the side and checks it as {@link #openRawChecked} does (size, CRC-32, RECORD
     * hash), so that raw copies of this wheel's bytes need no check of their own. Up to {@code helpers} tasks on
     * {@code executor} share the entries with the calling thread. Throws the first problem found, as a read would.
     */
    public void verifyContents(Executor executor, int helpers) {
        verifyContents(executor, helpers, entry -> ContentSink.NONE);
    }

    /** Like {@link #verifyContents(Executor, int)}, handing each entry's checked bytes to the sink {@code sinks} gives it. */
    public void verifyContents(Executor executor, int helpers, Function<WheelEntry, ContentSink> sinks) {
        ContentCheck.run(this, executor, helpers, sinks);
    }

    /** The stored bytes of a file entry, unchecked but for read failures, which name the wheel. */
    public InputStream openRaw(WheelEntry entry) throws IOException {
        CentralRecord zipEntry = zipEntry(entry);
        return CheckedEntryStreams.failingAsInvalid(stream(entry, () -> zip.raw(zipEntry)), name(), entry);
    }

    private interface StreamOpener {
        InputStream open() throws IOException;
    }

    private InputStream stream(WheelEntry entry, StreamOpener opener) {
        try {
            return opener.open();
        } catch (IOException | RuntimeException e) {
            throw new InvalidWheelException(name(), entry.name(), "it cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Whether checking this entry computes its SHA-256 (RECORD gives a sha256 for it): {@link ContentSink#sha256}. */
    public boolean checkHashesSha256(WheelEntry entry) {
        return EntryVerifier.givesSha256(recordHash(entry));
    }

    private Optional<RecordHash> recordHash(WheelEntry entry) {
        return record == null ? Optional.empty() : record.entry(entry.name()).flatMap(RecordEntry::hash);
    }

    private EntryVerifier verifier(WheelEntry entry) {
        return new EntryVerifier(name(), entry, recordHash(entry));
    }

    private CentralRecord zipEntry(WheelEntry entry) {
        CentralRecord zipEntry = zipEntries.get(entry.name());
        if (zipEntry == null || !byName.get(entry.name()).equals(entry)) {
            throw new IllegalArgumentException("`" + entry.name() + "` is not an entry of " + name());
        }
        return zipEntry;
    }

    /** The wheel's file name as a string, for messages. */
    public String name() {
        return filename.filename();
    }

    public WheelFilename filename() {
        return filename;
    }

    public Path path() {
        return path;
    }

    /** The file entries (directories left out), in central directory order. */
    public List<WheelEntry> entries() {
        return entries;
    }

    public Optional<WheelEntry> entry(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The sum of the declared uncompressed sizes of the file entries. */
    public long declaredSize() {
        return declaredSize;
    }

    /** {@code name-1.0.dist-info}, as found in the archive. */
    public String distInfoDirectory() {
        return distInfo;
    }

    public CoreMetadata metadata() {
        return metadata;
    }

    public WheelInfo wheelInfo() {
        return wheelInfo;
    }

    public Record record() {
        return record;
    }

    /** The entry points of {@code .dist-info/entry_points.txt}; none when the file is absent. */
    public EntryPoints entryPoints() {
        if (entryPoints == null) {
            Optional<WheelEntry> file = entry(distInfo + "/entry_points.txt");
            if (file.isEmpty()) {
                entryPoints = EntryPoints.none();
            } else {
                byte[] bytes = readAll(file.get(), SMALL_FILE_LIMIT);
                try {
                    entryPoints = EntryPoints.parse(new String(bytes, StandardCharsets.UTF_8));
                } catch (InvalidEntryPointException e) {
                    throw new InvalidWheelException(name(), file.get().name(), e.getMessage(), e);
                }
            }
        }
        return entryPoints;
    }

    /** Closes the archive; a failure to close a file only read from is of no consequence and is not reported. */
    @Override
    public void close() {
        closeQuietly(zip);
    }

    @Override
    public String toString() {
        return name();
    }
}
