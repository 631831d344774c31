package dev.pylayer.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pylayer.FuzzBytes;
import dev.pylayer.FuzzInputs;
import dev.pylayer.testdata.wheels.WheelBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Wheels from any bytes: {@link WheelMetadataReader} returns METADATA or fails with an {@link IOException} or a
 * {@link WheelMetadataReader.MissingMetadata}, never an index, arithmetic or allocation error, and never loops.
 * Whenever it reads METADATA and Commons Compress (what it replaced) reads the same entry, both give the same bytes.
 *
 * <p>The seeds under {@code WheelMetadataReaderFuzzTestInputs/wheels/} are a generated wheel and {@link TestZip}
 * zips in the forms the reader handles (Zip64, data descriptors, stored, a comment, two dist-info folders); rewrite
 * them with {@code -Dtest='WheelMetadataReaderFuzzTest#writeSeeds' -Dpylayer.fuzz.writeSeeds=true}. How to fuzz:
 * see {@code VersionFuzzTest}, with {@code -Dtest='WheelMetadataReaderFuzzTest#wheels'}.
 */
class WheelMetadataReaderFuzzTest {
    private static final String FILENAME = "demo-1.0-py3-none-any.whl";
    private static final String METADATA = "demo-1.0.dist-info/METADATA";
    private static final String TEXT = "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n";
    static final String READ = "read";

    @FuzzTest(maxDuration = "60s")
    @DictionaryEntries({"PK\u0001\u0002", "PK\u0003\u0004", "PK\u0005\u0006", "PK\u0006\u0006", "PK\u0006\u0007",
            ".dist-info/METADATA", "demo-1.0.dist-info/METADATA"})
    void wheels(byte[] input) {
        check(input);
    }

    @Test
    void survivesDamagedWheels() {
        Map<String, Integer> outcomes = new HashMap<>();
        FuzzBytes.of(658, FuzzInputs.corpus(getClass(), "wheels")).feed(10_000, bytes -> outcomes.merge(check(bytes), 1, Integer::sum));
        // Damage in file data or unused fields leaves METADATA readable; damage elsewhere reaches the refusals.
        assertTrue(outcomes.getOrDefault(READ, 0) > 0 && outcomes.size() >= 3, outcomes.toString());
    }

    @Test
    void everySeedReads() {
        for (byte[] seed : FuzzInputs.corpus(getClass(), "wheels")) {
            assertEquals(READ, check(seed));
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "pylayer.fuzz.writeSeeds", matches = "true")
    void writeSeeds() {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("generated.whl", WheelBuilder.wheel("demo", "1.0").file("demo/__init__.py", "X = 1\n")
                .storedFile("demo/raw.bin", new byte[] {1, 2, 3}).requiresDist("idna>=2").toBytes());
        seeds.put("zip64.whl", TestZip.zip().deflated("demo/__init__.py", "X = 1\n").deflated(METADATA, TEXT)
                .zip64Entries().zip64End().build().bytes());
        seeds.put("data-descriptor.whl", TestZip.zip().entry("demo/x.py", new byte[] {'x'}, 8, 0, true)
                .entry(METADATA, TEXT.getBytes(java.nio.charset.StandardCharsets.UTF_8), 8, 0, true).build().bytes());
        seeds.put("stored-with-comment.whl", TestZip.zip().stored("demo/x.py", "").stored(METADATA, TEXT)
                .comment("a comment").build().bytes());
        seeds.put("two-dist-info.whl", TestZip.zip().deflated("other-1.0.dist-info/METADATA", "Name: other\n")
                .deflated(METADATA, TEXT).deflated("demo/_vendor/x-1.dist-info/METADATA", "Name: x\n").build().bytes());
        FuzzInputs.writeCorpus(getClass(), "wheels", seeds);
    }

    /** {@link #READ}, or the simple name of the checked exception that refused the bytes; anything else escapes. */
    static String check(byte[] bytes) {
        byte[] metadata;
        try {
            metadata = WheelMetadataReader.read(new SeekableInMemoryByteChannel(bytes), FILENAME);
        } catch (IOException | WheelMetadataReader.MissingMetadata e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
            return e.getClass().getSimpleName();
        }
        assertTrue(metadata.length <= WheelMetadataReader.MAX_METADATA_BYTES);
        byte[] commons = commonsCompress(bytes);
        if (commons != null) {
            assertArrayEquals(commons, metadata, "Commons Compress reads other bytes");
        }
        return READ;
    }

    /** METADATA as the reader chose it before, through Commons Compress; null when it fails on these bytes. */
    private static byte[] commonsCompress(byte[] bytes) {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes))
                .setIgnoreLocalFileHeader(true).get()) {
            List<ZipArchiveEntry> candidates = new ArrayList<>();
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (entry.getName().matches("[^/]+\\.dist-info/METADATA")) {
                    candidates.add(entry);
                }
            }
            ZipArchiveEntry chosen = candidates.stream().filter(entry -> entry.getName().equals(METADATA)).findFirst()
                    .orElse(candidates.size() == 1 ? candidates.get(0) : null);
            if (chosen == null) {
                return null;
            }
            try (InputStream in = zip.getInputStream(chosen)) {
                return in.readNBytes(WheelMetadataReader.MAX_METADATA_BYTES + 1);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
