package dev.pylayer.zip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.pylayer.testdata.real.RealTools;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * {@link ZipReader} reads every real wheel of the machine's mirror as Commons Compress {@code ZipFile} does (as pylayer
 * opened wheels before): the same records in the same order, and the same stored and inflated bytes (whole for wheels
 * under 3 MB, the first 4 KiB of each entry's stored bytes for the others, to keep the run short).
 */
class ZipReaderMatchesCommonsCompressIT {
    private static final long WHOLE_BELOW = 3_000_000;

    @Test
    void readsEveryRealWheelAsCommonsCompressDoes() throws IOException {
        List<Path> folders = RealTools.wheelFolders();
        if (folders.isEmpty()) {
            System.err.println(getClass().getSimpleName() + " skipped: " + RealTools.skipReason().orElse("no wheel folders"));
        }
        assumeFalse(folders.isEmpty(), "no folders of real wheels on this machine");
        List<Path> wheels = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.filter(file -> file.toString().endsWith(".whl")).sorted().forEach(wheels::add);
            }
        }
        int entries = 0;
        for (Path wheel : wheels) {
            entries += compare(wheel);
        }
        System.err.println(getClass().getSimpleName() + ": " + wheels.size() + " wheels, " + entries
                + " entries read alike");
    }

    private static int compare(Path wheel) throws IOException {
        boolean whole = Files.size(wheel) < WHOLE_BELOW;
        try (ZipFile expected = ZipFile.builder().setPath(wheel).setCharset(StandardCharsets.UTF_8)
                .setUseUnicodeExtraFields(false).get();
                ZipReader actual = ZipReader.open(wheel)) {
            List<ZipArchiveEntry> theirs = Collections.list(expected.getEntries());
            List<CentralRecord> ours = actual.records();
            assertEquals(theirs.size(), ours.size(), wheel + ": entries");
            for (int i = 0; i < ours.size(); i++) {
                ZipArchiveEntry their = theirs.get(i);
                CentralRecord our = ours.get(i);
                String where = wheel.getFileName() + "!" + their.getName();
                assertEquals(their.getName(), our.nameText(), where);
                assertEquals(their.getMethod(), our.method(), where);
                assertEquals(their.getCrc(), our.crc(), where);
                assertEquals(their.getSize(), our.size(), where);
                assertEquals(their.getCompressedSize(), our.compressedSize(), where);
                assertEquals(their.getExternalAttributes(), our.externalAttributes(), where);
                assertEquals(their.getGeneralPurposeBit().usesEncryption(), our.encrypted(), where);
                int limit = whole ? Integer.MAX_VALUE : 4096;
                try (InputStream a = expected.getRawInputStream(their); InputStream b = actual.raw(our)) {
                    assertArrayEquals(a.readNBytes(limit), b.readNBytes(limit), where + ": stored bytes");
                }
                if (whole && !their.isDirectory()) {
                    try (InputStream a = expected.getInputStream(their); InputStream b = actual.inflated(our)) {
                        assertArrayEquals(a.readAllBytes(), b.readAllBytes(), where + ": content");
                    }
                }
            }
            return ours.size();
        }
    }
}
