package dev.pylayer.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.testdata.wheels.WheelBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WheelMetadataReaderTest {
    private static final String FILENAME = "demo-1.0-py3-none-any.whl";
    private static final String METADATA = "demo-1.0.dist-info/METADATA";
    private static final String TEXT = "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\nRequires-Dist: idna>=2\n";

    /** A wheel with files before and after its dist-info, METADATA deflated: the shape every builder writes. */
    private static TestZip wheel() {
        return TestZip.zip().deflated("demo/__init__.py", "X = 1\n").deflated(METADATA, TEXT)
                .deflated("demo-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\n").deflated("demo-1.0.dist-info/RECORD", "");
    }

    /** Outcome of reading {@code bytes}: the METADATA text, or the failure's type and message. */
    private static String outcome(byte[] bytes, String filename) {
        try {
            return new String(WheelMetadataReader.read(new SeekableInMemoryByteChannel(bytes), filename), StandardCharsets.UTF_8);
        } catch (IOException | WheelMetadataReader.MissingMetadata e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    static Stream<Arguments> readable() {
        return Stream.of(
                Arguments.of("deflated", (Supplier<byte[]>) () -> wheel().build().bytes()),
                Arguments.of("stored", (Supplier<byte[]>) () -> TestZip.zip().stored("demo/x.py", "").stored(METADATA, TEXT).build().bytes()),
                Arguments.of("data descriptor, local sizes zero", (Supplier<byte[]>) () -> TestZip.zip().deflated("demo/x.py", "")
                        .entry(METADATA, TEXT.getBytes(StandardCharsets.UTF_8), 8, 0, true).build().bytes()),
                Arguments.of("data descriptor from java.util.zip", (Supplier<byte[]>) WheelMetadataReaderTest::javaUtilZip),
                Arguments.of("Zip64 entries and end record", (Supplier<byte[]>) () -> wheel().zip64Entries().zip64End().build().bytes()),
                Arguments.of("Zip64 entries with data descriptors", (Supplier<byte[]>) () -> TestZip.zip().zip64Entries().zip64End()
                        .entry(METADATA, TEXT.getBytes(StandardCharsets.UTF_8), 8, 0, true).build().bytes()),
                Arguments.of("Zip64 end record only", (Supplier<byte[]>) () -> wheel().zip64End().build().bytes()),
                Arguments.of("archive comment quoting an end record", (Supplier<byte[]>) () -> wheel()
                        .comment("built by hand PK\u0005\u0006 " + "x".repeat(40_000)).build().bytes()),
                Arguments.of("nested METADATA ignored", (Supplier<byte[]>) () -> wheel()
                        .deflated("demo/_vendor/idna-3.0.dist-info/METADATA", "Name: idna\n").build().bytes()),
                Arguments.of("several dist-info folders, one named after the file", (Supplier<byte[]>) () -> TestZip.zip()
                        .deflated("other-2.0.dist-info/METADATA", "Name: other\n").deflated("Demo-1.0.dist-info/METADATA", TEXT)
                        .build().bytes()),
                Arguments.of("entry counts of zero", (Supplier<byte[]>) () -> counts(0)),
                Arguments.of("entry counts of 65535", (Supplier<byte[]>) () -> counts(0xffff)),
                Arguments.of("generated wheel", (Supplier<byte[]>) () -> WheelBuilder.wheel("demo", "1.0")
                        .file("demo/__init__.py", "X = 1\n").metadataHeader("Summary", "s").toBytes()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readable")
    void readsMetadata(String form, Supplier<byte[]> zip) {
        byte[] bytes = zip.get();
        String expected = form.equals("generated wheel") ? new String(WheelBuilder.wheel("demo", "1.0")
                .metadataHeader("Summary", "s").metadata(), StandardCharsets.UTF_8) : TEXT;
        assertEquals(expected, outcome(bytes, FILENAME));
    }

    static Stream<Arguments> refused() {
        TestZip.Built wheel = wheel().build();
        int record = wheel.central().get(METADATA);
        int local = wheel.local().get(METADATA);
        TestZip.Built zip64 = wheel().zip64Entries().zip64End().build();
        int zip64Record = zip64.central().get(METADATA);
        int zip64Extra = zip64Record + 46 + METADATA.length();
        TestZip.Built stored = TestZip.zip().stored(METADATA, TEXT).build();
        byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] large = new byte[WheelMetadataReader.MAX_METADATA_BYTES + 1];
        Arrays.fill(large, (byte) 'a');
        return Stream.of(
                Arguments.of("no METADATA", TestZip.zip().deflated("demo-1.0.dist-info/WHEEL", "").build().bytes(),
                        "MissingMetadata: has no `*.dist-info/METADATA`"),
                Arguments.of("only nested METADATA", TestZip.zip().deflated("demo/x-1.dist-info/METADATA", TEXT).build().bytes(),
                        "MissingMetadata: has no `*.dist-info/METADATA`"),
                Arguments.of("folder without a name", TestZip.zip().deflated(".dist-info/METADATA", TEXT).build().bytes(),
                        "MissingMetadata: has no `*.dist-info/METADATA`"),
                Arguments.of("no dist-info named after the file", TestZip.zip().deflated("a-1.dist-info/METADATA", TEXT)
                        .deflated("b-1.dist-info/METADATA", TEXT).build().bytes(),
                        "MissingMetadata: has 2 `.dist-info` folders and none matches its name"),
                Arguments.of("encrypted", TestZip.zip().entry(METADATA, text, 8, 1, false).build().bytes(),
                        "MissingMetadata: has an encrypted `" + METADATA + "`"),
                Arguments.of("encrypted in the local header only", wheel.patched(local + 6, 2, 1),
                        "MissingMetadata: has an encrypted `" + METADATA + "`"),
                Arguments.of("bzip2", TestZip.zip().entry(METADATA, text, 12, 0, false).build().bytes(),
                        "MissingMetadata: stores `" + METADATA + "` with zip compression method 12; wheels use stored (0) or deflated (8)"),
                Arguments.of("declared over the limit", wheel.patched(record + 24, 4, WheelMetadataReader.MAX_METADATA_BYTES + 1),
                        "MissingMetadata: has a METADATA of 16777217 bytes, over the limit of 16777216"),
                Arguments.of("actually over the limit", TestZip.zip().entry(METADATA, large, 8, 0, false).build().bytes(),
                        "MissingMetadata: has a METADATA of 16777217 bytes, over the limit of 16777216"),
                Arguments.of("inflates past its declared size", wheel.patched(record + 24, 4, 10),
                        "IOException: `" + METADATA + "` inflates past its declared 10 bytes"),
                Arguments.of("inflates short of its declared size", wheel.patched(record + 24, 4, text.length + 1),
                        "IOException: `" + METADATA + "` inflates to " + text.length + " bytes, not its declared " + (text.length + 1)),
                Arguments.of("deflate stream cut short", wheel.patched(record + 20, 4, 10),
                        "IOException: `" + METADATA + "` ends before its deflate stream does"),
                Arguments.of("impossible compression ratio", TestZip.patch(wheel.patched(record + 20, 4, 1), record + 24, 4, 2000),
                        "IOException: `" + METADATA + "` declares 1 compressed bytes for 2000 bytes"),
                Arguments.of("stored sizes disagree", stored.patched(stored.central().get(METADATA) + 20, 4, 3),
                        "IOException: `" + METADATA + "` declares 3 compressed bytes for " + text.length + " bytes"),
                Arguments.of("CRC-32 wrong", wheel.patched(record + 16, 4, 0xdeadbeefL),
                        "IOException: `" + METADATA + "` does not match its CRC-32"),
                Arguments.of("local header names another file", wheel.patched(local + 30, 1, 'x'),
                        "IOException: the local header at byte " + local + " names another file than `" + METADATA + "`"),
                Arguments.of("no local header where the directory points", wheel.patched(record + 42, 4, 1),
                        "IOException: no local header at byte 1, where the directory puts `" + METADATA + "`"),
                Arguments.of("local offset inside the directory", wheel.patched(record + 42, 4, wheel.directory()),
                        "IOException: `" + METADATA + "` at byte " + wheel.directory() + " runs into the central directory at byte "
                                + wheel.directory()),
                Arguments.of("local offset past the file", wheel.patched(record + 42, 4, 0xfffffff0L),
                        "IOException: `" + METADATA + "` at byte 4294967280 runs into the central directory at byte " + wheel.directory()),
                Arguments.of("local extra runs into the directory", wheel.patched(local + 28, 2, 0xffff),
                        "IOException: `" + METADATA + "` at byte " + (local + 30 + METADATA.length() + 0xffff)
                                + " runs into the central directory at byte " + wheel.directory()),
                Arguments.of("directory offset past its end record", wheel.patched(wheel.end() + 16, 4, wheel.end()),
                        "IOException: the central directory at byte " + wheel.end() + " (" + (wheel.end() - wheel.directory())
                                + " bytes) does not end before its end record at byte " + wheel.end()),
                Arguments.of("directory size past its end record", wheel.patched(wheel.end() + 12, 4, 0xffffff),
                        "IOException: the central directory at byte " + wheel.directory() + " (16777215 bytes) does not end before its"
                                + " end record at byte " + wheel.end()),
                Arguments.of("directory over the limit", zip64.patched(zip64.end() - 20 - 56 + 40, 8, 1L << 40),
                        "IOException: the central directory declares 1099511627776 bytes, over the limit of 67108864"),
                Arguments.of("directory offset with the top bit set", zip64.patched(zip64.end() - 20 - 56 + 48, 8, -8),
                        "IOException: the central directory at byte 18446744073709551608 (" + (zip64.end() - 76 - zip64.directory())
                                + " bytes) does not end before its end record at byte " + (zip64.end() - 76)),
                Arguments.of("directory offset off by one", wheel.patched(wheel.end() + 16, 4, wheel.directory() + 1),
                        "IOException: the central directory at byte " + (wheel.directory() + 1) + " (" + (wheel.end() - wheel.directory())
                                + " bytes) does not end before its end record at byte " + wheel.end()),
                Arguments.of("record names run past the directory", wheel.patched(record + 28, 2, 0xffff),
                        "IOException: the central directory record at byte " + record + " runs past the directory"),
                Arguments.of("directory shorter than its records", wheel.patched(wheel.end() + 12, 4, wheel.end() - wheel.directory() - 1),
                        "IOException: the central directory record at byte " + wheel.central().get("demo-1.0.dist-info/RECORD")
                                + " runs past the directory"),
                Arguments.of("Zip64 locator pointing nowhere", zip64.patched(zip64.end() - 20 + 8, 8, 0),
                        "IOException: no Zip64 end record at byte 0, where its locator points"),
                Arguments.of("Zip64 locator pointing past itself", zip64.patched(zip64.end() - 20 + 8, 8, zip64.end()),
                        "IOException: the Zip64 end record offset " + zip64.end() + " lies outside the zip"),
                Arguments.of("Zip64 extra field missing", zip64.patched(zip64Extra, 2, 0x5455),
                        "IOException: the central directory record at byte " + zip64.central().get(METADATA)
                                + " needs a Zip64 extra field and has none"),
                Arguments.of("Zip64 extra field too short", zip64.patched(zip64Extra + 2, 2, 8),
                        "IOException: the Zip64 extra field of the central directory record at byte "
                                + zip64.central().get(METADATA) + " is too short or out of range"),
                Arguments.of("split archive", wheel.patched(wheel.end() + 4, 2, 1),
                        "IOException: the zip is split over several files (disk 1), which wheels never are"),
                Arguments.of("not a zip", "Metadata-Version: 2.1\n".repeat(10).getBytes(StandardCharsets.UTF_8),
                        "IOException: no end of central directory record in the last 220 bytes: not a zip"),
                Arguments.of("empty file", new byte[0], "IOException: no end of central directory record in the last 0 bytes: not a zip"),
                Arguments.of("cut inside the directory", Arrays.copyOf(wheel.bytes(), wheel.directory() + 10),
                        "IOException: no end of central directory record in the last " + (wheel.directory() + 10) + " bytes: not a zip"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesDamagedOrUnusableWheels(String damage, byte[] bytes, String expected) {
        assertEquals(expected, outcome(bytes, FILENAME));
    }

    @Test
    void choosesTheFolderNamedAfterTheFileWhateverItsSpelling() {
        byte[] bytes = TestZip.zip().deflated("demo-1.0.dist-info/METADATA", "Name: demo\n")
                .deflated("Other_Pkg-2.0.dist-info/METADATA", "Name: other\n").build().bytes();
        assertEquals("Name: other\n", outcome(bytes, "other.pkg-2.0-py3-none-any.whl"));
        assertEquals("Name: demo\n", outcome(bytes, "Demo-1.0-py3-none-any.whl"));
    }

    @Test
    void readsTheDirectoryAndTheDistInfoBeforeItInOneReadWhenTheDirectoryIsNotInTheTail() throws Exception {
        TestZip zip = TestZip.zip();
        for (int i = 0; i < 6000; i++) {
            zip.stored("demo/sub/module_with_a_long_name_" + i + ".py", "");
        }
        byte[] bytes = zip.deflated(METADATA, TEXT).build().bytes();
        CountingChannel channel = new CountingChannel(bytes);
        assertArrayEquals(TEXT.getBytes(StandardCharsets.UTF_8), WheelMetadataReader.read(channel, FILENAME));
        assertEquals(2, channel.reads, "reads: the tail, then the directory with the bytes before it");
        assertTrue(bytes.length > HttpRangeChannel.DEFAULT_TAIL);
    }

    @Test
    void readsAWheelWhoseDirectoryAndMetadataAreInTheTailInOneRead() throws Exception {
        CountingChannel channel = new CountingChannel(wheel().build().bytes());
        WheelMetadataReader.read(channel, FILENAME);
        assertEquals(1, channel.reads);
    }

    @Test
    void closesTheChannel() {
        CountingChannel channel = new CountingChannel(new byte[0]);
        assertThrows(IOException.class, () -> WheelMetadataReader.read(channel, FILENAME));
        assertTrue(!channel.isOpen());
    }

    private static byte[] counts(int count) {
        TestZip.Built built = wheel().build();
        byte[] bytes = built.patched(built.end() + 8, 2, count);
        bytes[built.end() + 10] = (byte) count;
        bytes[built.end() + 11] = (byte) (count >>> 8);
        return bytes;
    }

    private static byte[] javaUtilZip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("demo/__init__.py"));
            zip.write("X = 1\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(METADATA));
            zip.write(TEXT.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        byte[] bytes = out.toByteArray();
        assertEquals(8, bytes[6] & 8, "java.util.zip writes deflated entries with a data descriptor");
        return bytes;
    }

    /** An in-memory channel that counts the reads that reach it. */
    private static final class CountingChannel extends SeekableInMemoryByteChannel {
        int reads;

        CountingChannel(byte[] bytes) {
            super(bytes);
        }

        @Override
        public int read(java.nio.ByteBuffer buffer) throws IOException {
            reads++;
            return super.read(buffer);
        }
    }
}
