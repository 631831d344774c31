package dev.pylayer.wheel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pylayer.FuzzBytes;
import dev.pylayer.FuzzInputs;
import dev.pylayer.name.PackageName;
import dev.pylayer.version.Version;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The small files of a wheel's {@code .dist-info} (METADATA, also served beside a wheel by PEP 658 indexes; WHEEL;
 * RECORD; entry_points.txt): any bytes either parse into values that agree with themselves (RECORD prints back to
 * the same rows, the name and version are valid) or fail with the parser's own {@link WheelException}.
 *
 * <p>Seeds under {@code WheelMetadataFuzzTestInputs/<method>/} are real files (six, requests, click, numpy,
 * markupsafe), trimmed, and small nasty ones (CRLF, folded headers, Latin-1, quoted CSV fields). Every build also
 * joins and damages their lines, and damages their bytes. How to fuzz: see {@code VersionFuzzTest}, with
 * {@code -Dtest='WheelMetadataFuzzTest#metadata'}, {@code #wheelInfo}, {@code #records} or {@code #entryPoints}.
 */
class WheelMetadataFuzzTest {

    @FuzzTest(maxDuration = "60s")
    @DictionaryEntries({"Metadata-Version: 2.4", "Name: ", "Version: ", "Requires-Dist: ", "Provides-Extra: ",
            "Requires-Python: ", ": ", "From "})
    void metadata(byte[] input) {
        checkMetadata(input);
    }

    @FuzzTest(maxDuration = "60s")
    @DictionaryEntries({"Wheel-Version: ", "Root-Is-Purelib: true", "Tag: ", "Build: ", "py3-none-any", ".", "-"})
    void wheelInfo(byte[] input) {
        checkWheelInfo(input);
    }

    @FuzzTest(maxDuration = "60s")
    @DictionaryEntries({",sha256=", ",", "\"", "\"\"", "RECORD,,", "sha512=", "md5="})
    void records(byte[] input) {
        checkRecord(input);
    }

    @FuzzTest(maxDuration = "60s")
    @DictionaryEntries({"[console_scripts]", "[gui_scripts]", " = ", ":", " [extra]", "#", "["})
    void entryPoints(byte[] input) {
        checkEntryPoints(input);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"metadata, 1", "wheelInfo, 2", "records, 3", "entryPoints, 4"})
    void survivesGeneratedAndDamagedFiles(String method, long seed) {
        Consumer<byte[]> check = switch (method) {
            case "metadata" -> WheelMetadataFuzzTest::checkMetadata;
            case "wheelInfo" -> WheelMetadataFuzzTest::checkWheelInfo;
            case "records" -> WheelMetadataFuzzTest::checkRecord;
            default -> WheelMetadataFuzzTest::checkEntryPoints;
        };
        List<byte[]> corpus = FuzzInputs.corpus(getClass(), method);
        FuzzInputs.of(seed, FuzzInputs.lines(corpus)).feed(3000, 12,
                text -> check.accept(text.getBytes(StandardCharsets.UTF_8)));
        FuzzBytes.of(seed, corpus).feed(2000, check);
    }

    static void checkMetadata(byte[] bytes) {
        CoreMetadata metadata;
        try {
            metadata = CoreMetadata.parse(bytes);
        } catch (InvalidMetadataException e) {
            assertMessage(e, "METADATA");
            return;
        }
        assertTrue(PackageName.isValid(metadata.name().display()), metadata.name().display());
        assertEquals(metadata.version(), Version.parse(metadata.versionText()));
        assertFalse(metadata.metadataVersion().isEmpty());
        metadata.requiresDist().forEach(value -> assertEquals(value.strip(), value));
        metadata.requiresPython().ifPresent(value -> assertFalse(value.isEmpty()));
        metadata.providesExtra();
        for (String header : metadata.headerNames()) {
            assertTrue(metadata.header(header).isPresent(), header);
            assertFalse(metadata.values(header).isEmpty(), header);
        }
    }

    static void checkWheelInfo(byte[] bytes) {
        WheelInfo info;
        try {
            info = WheelInfo.parse(bytes);
        } catch (InvalidMetadataException e) {
            assertMessage(e, "WHEEL");
            return;
        }
        assertFalse(info.wheelVersionParts().isEmpty());
        info.isSupportedVersion();
    }

    static void checkRecord(byte[] bytes) {
        Record record;
        try {
            record = Record.parse(bytes);
        } catch (InvalidRecordException e) {
            assertTrue(e.getMessage().startsWith("RECORD is invalid"), e.getMessage());
            assertTrue(e.line() >= 0);
            return;
        }
        for (RecordEntry entry : record.entries()) {
            assertFalse(entry.path().isEmpty());
            assertEquals(entry, record.entry(entry.path()).orElseThrow());
        }
        // What pylayer writes into a layer's RECORD must read back as the same rows.
        assertEquals(record.entries(), Record.parse(record.toBytes()).entries());
    }

    static void checkEntryPoints(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        EntryPoints points;
        try {
            points = EntryPoints.parse(text);
        } catch (InvalidEntryPointException e) {
            assertTrue(e.getMessage().startsWith("entry point `"), e.getMessage());
            assertFalse(e.specification().contains("="), e.specification());
            return;
        }
        for (EntryPoint point : points.entries()) {
            assertEquals(point.name().strip(), point.name());
            assertEquals(point.value().strip(), point.value());
            assertTrue(points.group(point.group()).containsKey(point.name()), point.toString());
        }
        points.consoleScripts();
        points.guiScripts();
    }

    private static void assertMessage(InvalidMetadataException e, String file) {
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file + " is invalid: ") && e.getMessage().contains("`"), e.getMessage());
    }
}
