package dev.pylayer.wheel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pylayer.FuzzBytes;
import dev.pylayer.FuzzInputs;
import dev.pylayer.testdata.wheels.HostileWheels;
import dev.pylayer.testdata.wheels.WheelBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Wheel archives from any bytes: opening either refuses the file with a {@link WheelException} or gives a wheel
 * whose every entry then reads through its checks (declared size, CRC-32, RECORD hash) or fails with one. Never a
 * {@code ZipException}, an {@code IOException}, an index or a null pointer error.
 *
 * <p>The seeds under {@code WheelArchiveFuzzTestInputs/archives/} are small generated wheels of project
 * {@code hostile} 1.0 ({@link HostileWheels}): one well-formed, the hostile ones, and one in Zip64 form. Rewrite
 * them with {@code ./mvnw -pl core -am test -Dtest='WheelArchiveFuzzTest#writeSeeds' -Dpylayer.fuzz.writeSeeds=true
 * -Dsurefire.failIfNoSpecifiedTests=false}. How to fuzz: see {@code VersionFuzzTest}, with
 * {@code -Dtest='WheelArchiveFuzzTest#archives'}.
 */
class WheelArchiveFuzzTest {
    private static final WheelFilename FILENAME = WheelFilename.parse("hostile-1.0-py3-none-any.whl");
    /** Small enough that no fuzzed central directory makes us read megabytes into memory. */
    private static final long BUDGET = 1 << 20;
    static final String READ = "read";

    @TempDir
    Path dir;

    @FuzzTest(maxDuration = "60s")
    @DictionaryEntries({"PK", ".dist-info/", "hostile-1.0.dist-info/RECORD", "METADATA", "WHEEL", "entry_points.txt",
            "../", "sha256=", "Wheel-Version: ", "[console_scripts]"})
    void archives(byte[] input) {
        check(dir.resolve(FILENAME.filename()), input);
    }

    @Test
    void survivesDamagedWheels() {
        Path file = dir.resolve(FILENAME.filename());
        Map<String, Integer> outcomes = new HashMap<>();
        FuzzBytes.of(427, FuzzInputs.corpus(getClass(), "archives"))
                .feed(1500, bytes -> outcomes.merge(check(file, bytes), 1, Integer::sum));
        // Some damage (in file data, in unused header bytes) leaves a readable wheel, or reading was never exercised.
        assertTrue(outcomes.getOrDefault(READ, 0) > 0 && outcomes.size() >= 4, outcomes.toString());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "well-formed.whl, read",
            "zip64.whl, read",
            "zip-slip.whl, UnsafeWheelEntryException",
            "backslash.whl, UnsafeWheelEntryException",
            "nul.whl, UnsafeWheelEntryException",
            "symlink.whl, UnsafeWheelEntryException",
            "bomb.whl, WheelTooLargeException",
            "liar.whl, WheelTooLargeException",
            "duplicate-entry.whl, InvalidWheelException",
            "record-wrong-size.whl, InvalidWheelException",
            "record-wrong-hash.whl, InvalidWheelException",
            "without-metadata.whl, InvalidWheelException",
            // Found by fuzzing: an unreadable central directory left the wheel file open.
            "empty-central-directory.whl, InvalidWheelException"})
    void eachSeedReachesTheCheckItIsNamedFor(String seed, String outcome) throws IOException {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("WheelArchiveFuzzTestInputs/archives/" + seed)) {
            bytes = in.readAllBytes();
        }
        assertEquals(outcome, check(dir.resolve(FILENAME.filename()), bytes));
    }

    @Test
    @EnabledIfSystemProperty(named = "pylayer.fuzz.writeSeeds", matches = "true")
    void writeSeeds() {
        WheelBuilder wellFormed = HostileWheels.base().file("hostile/data.txt", "data ".repeat(200))
                .storedFile("hostile/raw.bin", new byte[] {1, 2, 3, 4}).dataFile("scripts", "hostile-tool", "#!python\n")
                .entryPoint("console_scripts", "hostile", "hostile:main").requiresDist("idna>=2; extra == 'net'")
                .providesExtra("net");
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("well-formed.whl", wellFormed.toBytes());
        seeds.put("zip64.whl", zip64(wellFormed.toBytes()));
        seeds.put("zip-slip.whl", HostileWheels.zipSlip().bytes());
        seeds.put("backslash.whl", HostileWheels.backslash().bytes());
        seeds.put("nul.whl", HostileWheels.nul().bytes());
        seeds.put("symlink.whl", HostileWheels.symlink().bytes());
        seeds.put("bomb.whl", HostileWheels.bomb().bytes());
        seeds.put("liar.whl", HostileWheels.liar().bytes());
        seeds.put("duplicate-entry.whl", HostileWheels.duplicateEntry().bytes());
        seeds.put("record-wrong-size.whl", HostileWheels.recordWrongSize().bytes());
        seeds.put("record-wrong-hash.whl", HostileWheels.recordWrongHash().bytes());
        seeds.put("without-metadata.whl", HostileWheels.withoutMetadata().bytes());
        FuzzInputs.writeCorpus(getClass(), "archives", seeds);
    }

    /**
     * Writes {@code bytes} to {@code file}, opens it as a wheel and reads every entry each way a build does; returns
     * {@link #READ} or the simple name of the {@link WheelException} that refused it. Anything else escapes.
     */
    static String check(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String outcome = open(file);
        assertEquals(0, FuzzBytes.openHandles(file), "handles left open on the file after " + outcome);
        return outcome;
    }

    private static String open(Path file) {
        try (WheelArchive archive = WheelArchive.open(file, FILENAME, BUDGET)) {
            assertEquals(FILENAME.name(), archive.metadata().name());
            assertTrue(archive.wheelInfo().isSupportedVersion());
            assertTrue(archive.declaredSize() <= BUDGET, archive.declaredSize() + " bytes");
            for (RecordEntry row : archive.record().entries()) {
                assertTrue(row.path().endsWith("/") || archive.entry(row.path()).isPresent(), row.path());
            }
            archive.entryPoints();
            for (WheelEntry entry : archive.entries()) {
                assertTrue(EntryPath.problem(entry.name()).isEmpty(), entry.name());
                readRawChecked(archive, entry);
                readInflated(archive, entry);
                assertEquals(entry.size(), archive.readAll(entry, (int) BUDGET).length);
            }
            archive.verifyContents(Runnable::run, 0);
            return READ;
        } catch (WheelException e) {
            assertTrue(e.getMessage().contains("`"), e.getMessage());
            return e.getClass().getSimpleName();
        }
    }

    private static void readRawChecked(WheelArchive archive, WheelEntry entry) {
        try (InputStream raw = archive.openRawChecked(entry)) {
            assertEquals(entry.compressedSize(), raw.transferTo(OutputStream.nullOutputStream()));
        } catch (IOException e) {
            throw new AssertionError("reading `" + entry.name() + "` raw threw " + e, e);
        }
    }

    private static void readInflated(WheelArchive archive, WheelEntry entry) {
        try (InputStream inflated = archive.open(entry)) {
            assertEquals(entry.size(), inflated.transferTo(OutputStream.nullOutputStream()));
        } catch (IOException e) {
            throw new AssertionError("reading `" + entry.name() + "` threw " + e, e);
        }
    }

    /** The same wheel with Zip64 extra fields and end records on every entry, as some tools write them. */
    private static byte[] zip64(byte[] wheel) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipFile source = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(wheel)).get();
             ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            zip.setUseZip64(Zip64Mode.Always);
            for (Enumeration<ZipArchiveEntry> all = source.getEntries(); all.hasMoreElements(); ) {
                ZipArchiveEntry entry = all.nextElement();
                zip.addRawArchiveEntry(entry, source.getRawInputStream(entry));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = out.toByteArray();
        assertTrue(new String(bytes, StandardCharsets.ISO_8859_1).contains("PK\u0006\u0006"), "a Zip64 end record");
        return bytes;
    }
}
