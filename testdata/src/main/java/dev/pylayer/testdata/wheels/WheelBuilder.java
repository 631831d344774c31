package dev.pylayer.testdata.wheels;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Makes small but real wheels for tests: METADATA, WHEEL and a correct RECORD (sha256 and sizes), the files
 * given, optional {@code .data} entries, and hooks for hostile variants (unsafe names, symlinks, a bad RECORD,
 * lies about sizes). Never a third-party wheel: everything is generated.
 *
 * <pre>{@code
 * Path wheel = WheelBuilder.wheel("demo", "1.0").tag("py3-none-any")
 *     .requiresDist("idna>=2; extra == 'net'").providesExtra("net")
 *     .file("demo/__init__.py", "VALUE = 1\n").writeTo(dir);
 * }</pre>
 */
public final class WheelBuilder {
    /** One entry to write; {@code unixMode} 0 means the default (0644 file). */
    private record Entry(String name, byte[] content, boolean stored, int unixMode) {
    }

    private final String name;
    private final String version;
    private String tags = "py3-none-any";
    private String build;
    private String requiresPython;
    private boolean rootIsPurelib = true;
    private final List<String> requiresDist = new ArrayList<>();
    private final List<String> providesExtra = new ArrayList<>();
    private final Map<String, String> extraMetadata = new LinkedHashMap<>();
    private final List<Entry> entries = new ArrayList<>();
    private final List<Entry> unrecorded = new ArrayList<>();
    private final Map<String, String> recordOverrides = new LinkedHashMap<>();
    private final List<String> extraRecordLines = new ArrayList<>();
    private final Map<String, List<String>> entryPoints = new LinkedHashMap<>();
    private boolean writeRecord = true;
    private boolean writeMetadata = true;
    private String metadataVersion = "2.1";
    private String wheelVersion = "1.0";

    private WheelBuilder(String name, String version) {
        this.name = name;
        this.version = version;
    }

    /** A wheel of project {@code name} (as spelled in METADATA) at {@code version}; {@code py3-none-any} until {@link #tag} says otherwise. */
    public static WheelBuilder wheel(String name, String version) {
        return new WheelBuilder(name, version);
    }

    /** The compressed tag set of the file name, e.g. {@code cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64}. */
    public WheelBuilder tag(String compressedTags) {
        this.tags = compressedTags;
        this.rootIsPurelib = compressedTags.endsWith("-any");
        return this;
    }

    /** A build tag such as {@code 1} or {@code 2_foo}. */
    public WheelBuilder build(String buildTag) {
        this.build = buildTag;
        return this;
    }

    public WheelBuilder requiresPython(String specifier) {
        this.requiresPython = specifier;
        return this;
    }

    /** One {@code Requires-Dist} line, e.g. {@code urllib3<3,>=1.21.1} or {@code pysocks; extra == "socks"}. */
    public WheelBuilder requiresDist(String... requirements) {
        requiresDist.addAll(List.of(requirements));
        return this;
    }

    public WheelBuilder providesExtra(String... extras) {
        providesExtra.addAll(List.of(extras));
        return this;
    }

    /** Any other METADATA header. */
    public WheelBuilder metadataHeader(String header, String value) {
        extraMetadata.put(header, value);
        return this;
    }

    public WheelBuilder metadataVersion(String value) {
        this.metadataVersion = value;
        return this;
    }

    /** {@code Wheel-Version} in WHEEL (1.0 unless a test needs another). */
    public WheelBuilder wheelVersion(String value) {
        this.wheelVersion = value;
        return this;
    }

    /** {@code Root-Is-Purelib} in WHEEL (defaults to whether the platform tag is {@code any}). */
    public WheelBuilder rootIsPurelib(boolean value) {
        this.rootIsPurelib = value;
        return this;
    }

    /** A deflated file at {@code path} inside the wheel root. */
    public WheelBuilder file(String path, String content) {
        return file(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public WheelBuilder file(String path, byte[] content) {
        entries.add(new Entry(path, content, false, 0));
        return this;
    }

    /** A file written with the STORED method (no compression), as some wheels have for .so files. */
    public WheelBuilder storedFile(String path, byte[] content) {
        entries.add(new Entry(path, content, true, 0));
        return this;
    }

    /** A file with a Unix mode, e.g. {@code 0100755} for an executable. */
    public WheelBuilder fileWithMode(String path, byte[] content, int unixMode) {
        entries.add(new Entry(path, content, false, unixMode));
        return this;
    }

    /** A file in {@code <name>-<version>.data/<scheme>/<path>} ({@code purelib}, {@code platlib}, {@code scripts}, {@code data}, {@code headers}). */
    public WheelBuilder dataFile(String scheme, String path, String content) {
        return file(dataDirectory() + "/" + scheme + "/" + path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A symbolic link entry (Unix mode 0120777) pointing at {@code target}. Hostile: wheels must not contain links. */
    public WheelBuilder symlink(String path, String target) {
        entries.add(new Entry(path, target.getBytes(StandardCharsets.UTF_8), true, UnixStat.LINK_FLAG | 0777));
        return this;
    }

    /** An entry written with exactly this name and not listed in RECORD: for zip-slip, absolute and drive-letter names. */
    public WheelBuilder rawEntry(String entryName, byte[] content) {
        unrecorded.add(new Entry(entryName, content, false, 0));
        return this;
    }

    /** Replaces the RECORD line of {@code path} with {@code line} (for a wrong hash or size). */
    public WheelBuilder recordLine(String path, String line) {
        recordOverrides.put(path, line);
        return this;
    }

    /** Appends a RECORD line as written, e.g. for a file the archive does not have. */
    public WheelBuilder extraRecordLine(String line) {
        extraRecordLines.add(line);
        return this;
    }

    /**
     * An entry point in {@code .dist-info/entry_points.txt}, e.g. {@code ("console_scripts", "demo", "demo.cli:main")};
     * the file is written (and recorded) when there is at least one.
     */
    public WheelBuilder entryPoint(String group, String name, String value) {
        entryPoints.computeIfAbsent(group, g -> new ArrayList<>()).add(name + " = " + value);
        return this;
    }

    public WheelBuilder withoutRecord() {
        this.writeRecord = false;
        return this;
    }

    public WheelBuilder withoutMetadata() {
        this.writeMetadata = false;
        return this;
    }

    /** {@code demo_pkg} for project {@code Demo.Pkg}: the escaped name of file names and the dist-info folder. */
    public String escapedName() {
        return name.replaceAll("[-_.]+", "_").toLowerCase(Locale.ROOT);
    }

    public String distInfoDirectory() {
        return escapedName() + "-" + version + ".dist-info";
    }

    public String dataDirectory() {
        return escapedName() + "-" + version + ".data";
    }

    /** The wheel's file name (PEP 427). */
    public String filename() {
        return escapedName() + "-" + version + (build == null ? "" : "-" + build) + "-" + tags + ".whl";
    }

    /** The METADATA file's bytes: what an index serves as the PEP 658 {@code .metadata} file. */
    public byte[] metadata() {
        StringBuilder text = new StringBuilder();
        text.append("Metadata-Version: ").append(metadataVersion).append('\n');
        text.append("Name: ").append(name).append('\n');
        text.append("Version: ").append(version).append('\n');
        if (requiresPython != null) {
            text.append("Requires-Python: ").append(requiresPython).append('\n');
        }
        for (String extra : providesExtra) {
            text.append("Provides-Extra: ").append(extra).append('\n');
        }
        for (String requirement : requiresDist) {
            text.append("Requires-Dist: ").append(requirement).append('\n');
        }
        extraMetadata.forEach((header, value) -> text.append(header).append(": ").append(value).append('\n'));
        text.append('\n').append("Generated by pylayer's testdata.\n");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] wheelFile() {
        StringBuilder text = new StringBuilder("Wheel-Version: " + wheelVersion + "\nGenerator: pylayer-testdata\n");
        text.append("Root-Is-Purelib: ").append(rootIsPurelib).append('\n');
        String[] parts = tags.split("-");
        for (String interpreter : parts[0].split("\\.")) {
            for (String abi : parts[1].split("\\.")) {
                for (String platform : parts[2].split("\\.")) {
                    text.append("Tag: ").append(interpreter).append('-').append(abi).append('-').append(platform).append('\n');
                }
            }
        }
        if (build != null) {
            text.append("Build: ").append(build).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The wheel's bytes. */
    public byte[] toBytes() {
        List<Entry> all = new ArrayList<>(entries);
        String distInfo = distInfoDirectory();
        if (writeMetadata) {
            all.add(new Entry(distInfo + "/METADATA", metadata(), false, 0));
        }
        all.add(new Entry(distInfo + "/WHEEL", wheelFile(), false, 0));
        if (!entryPoints.isEmpty()) {
            StringBuilder text = new StringBuilder();
            entryPoints.forEach((group, lines) -> {
                text.append('[').append(group).append("]\n");
                lines.forEach(line -> text.append(line).append('\n'));
                text.append('\n');
            });
            all.add(new Entry(distInfo + "/entry_points.txt", text.toString().getBytes(StandardCharsets.UTF_8), false, 0));
        }
        StringBuilder record = new StringBuilder();
        for (Entry entry : all) {
            String line = recordOverrides.getOrDefault(entry.name(),
                    csvField(entry.name()) + ",sha256=" + urlsafeSha256(entry.content()) + "," + entry.content().length);
            record.append(line).append('\n');
        }
        extraRecordLines.forEach(line -> record.append(line).append('\n'));
        record.append(distInfo).append("/RECORD,,\n");
        if (writeRecord) {
            all.add(new Entry(distInfo + "/RECORD", record.toString().getBytes(StandardCharsets.UTF_8), false, 0));
        }
        all.addAll(unrecorded);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (Entry entry : all) {
                ZipArchiveEntry zipEntry = new ZipArchiveEntry(entry.name());
                zipEntry.setTime(315532800000L + 86400000L); // 1980-01-02, as reproducible builds do
                if (entry.unixMode() != 0) {
                    zipEntry.setUnixMode(entry.unixMode());
                } else {
                    zipEntry.setUnixMode(UnixStat.FILE_FLAG | 0644);
                }
                if (entry.stored()) {
                    zipEntry.setMethod(ZipArchiveEntry.STORED);
                    zipEntry.setSize(entry.content().length);
                    CRC32 crc = new CRC32();
                    crc.update(entry.content());
                    zipEntry.setCrc(crc.getValue());
                } else {
                    zipEntry.setMethod(ZipArchiveEntry.DEFLATED);
                }
                zip.putArchiveEntry(zipEntry);
                zip.write(entry.content());
                zip.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes the wheel into {@code directory} under its {@link #filename()} and returns its path. */
    public Path writeTo(Path directory) {
        try {
            Files.createDirectories(directory);
            Path path = directory.resolve(filename());
            Files.write(path, toBytes());
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A RECORD (CSV) field, quoted when it holds a comma, a quote or a line break. */
    static String csvField(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    /** Hex sha256 of some bytes: the form indexes publish. */
    public static String sha256Hex(byte[] content) {
        return HexFormat.of().formatHex(digest(content));
    }

    /** RECORD's form: urlsafe base64 without padding. */
    public static String urlsafeSha256(byte[] content) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest(content));
    }

    private static byte[] digest(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
