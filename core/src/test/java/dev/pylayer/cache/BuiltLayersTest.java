package dev.pylayer.cache;

import static dev.pylayer.testdata.files.Folders.names;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltLayersTest {
    @TempDir
    Path temp;

    private static String key(int n) {
        return ContentDigest.sha256Hex(("key " + n).getBytes(StandardCharsets.UTF_8));
    }

    private Path zip(String content) throws IOException {
        return Files.writeString(temp.resolve(content + ".zip"), content);
    }

    @Test
    void storesAZipWithItsDigestAndDescription() throws IOException {
        try (ContentCache cache = ContentCache.open(temp.resolve("cache"))) {
            Path zip = zip("layer");
            cache.layers().store(key(1), zip, ContentDigest.sha256Hex(zip), "said".getBytes(StandardCharsets.UTF_8));

            BuiltLayers.StoredLayer stored = cache.layers().find(key(1)).orElseThrow();
            assertEquals(ContentDigest.sha256Hex(zip), stored.sha256());
            assertEquals("layer", Files.readString(stored.zip()));
            assertArrayEquals("said".getBytes(StandardCharsets.UTF_8), stored.description());
            assertTrue(cache.layers().mayHold(key(1)));
            assertEquals(Optional.empty(), cache.layers().find(key(2)));
            assertFalse(cache.layers().mayHold("not a key"));
            try (Stream<Path> left = Files.list(temp.resolve("cache").resolve("tmp"))) {
                assertEquals(0, left.count(), "nothing left in tmp");
            }
        }
    }

    @Test
    void aStoredZipIsUnchangedUntilSomethingWritesToItThenVouchedForAgainAfterACheck() throws IOException {
        try (ContentCache cache = ContentCache.open(temp.resolve("cache"))) {
            Path zip = zip("layer");
            String digest = ContentDigest.sha256Hex(zip);
            cache.layers().store(key(1), zip, digest, "said".getBytes(StandardCharsets.UTF_8));
            BuiltLayers.StoredLayer stored = cache.layers().find(key(1)).orElseThrow();
            assertTrue(stored.unchanged(), "as stored");

            // Written in place (the same size, so only the time tells): the stored file is the same inode.
            Files.writeString(stored.zip(), "LAYER");
            Files.setLastModifiedTime(stored.zip(), FileTime.fromMillis(1_000_000));
            BuiltLayers.StoredLayer touched = cache.layers().find(key(1)).orElseThrow();
            assertFalse(touched.unchanged());

            cache.layers().vouch(touched);
            BuiltLayers.StoredLayer vouched = cache.layers().find(key(1)).orElseThrow();
            assertTrue(vouched.unchanged());
            assertEquals(digest, vouched.sha256(), "the digest it is vouched for stays");
            assertArrayEquals("said".getBytes(StandardCharsets.UTF_8), vouched.description());
            assertEquals(List.of("layer.entry", "layer.zip"), names(stored.zip().getParent()), "no temporary left");

            // Replaced by another file of the same size and time (made while the first exists: another inode).
            FileTime time = Files.getLastModifiedTime(stored.zip());
            Path other = Files.writeString(temp.resolve("other"), "LAYER");
            Files.setLastModifiedTime(other, time);
            Files.move(other, stored.zip(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertFalse(cache.layers().find(key(1)).orElseThrow().unchanged());
        }
    }

    @Test
    void aSecondStoreOfTheSameKeyKeepsTheFirst() throws IOException {
        try (ContentCache cache = ContentCache.open(temp.resolve("cache"))) {
            cache.layers().store(key(1), zip("first"), ContentDigest.sha256Hex(zip("first")), new byte[0]);
            cache.layers().store(key(1), zip("second"), ContentDigest.sha256Hex(zip("second")), new byte[0]);
            assertEquals("first", Files.readString(cache.layers().find(key(1)).orElseThrow().zip()));
        }
    }

    @Test
    void aDamagedEntryIsRemovedAndReportedMissing() throws IOException {
        try (ContentCache cache = ContentCache.open(temp.resolve("cache"))) {
            cache.layers().store(key(1), zip("layer"), ContentDigest.sha256Hex(zip("layer")), new byte[] {1, 2});
            Path entry = cache.layers().find(key(1)).orElseThrow().zip().resolveSibling("layer.entry");
            Files.writeString(entry, "cut sho");
            assertEquals(Optional.empty(), cache.layers().find(key(1)));
            assertFalse(Files.exists(entry.getParent()));
        }
    }

    @Test
    void keepsOnlyTheMostRecentlyUsedLayers() throws IOException {
        try (ContentCache cache = ContentCache.open(temp.resolve("cache"))) {
            Path zip = zip("layer");
            for (int i = 0; i < BuiltLayers.KEEP; i++) {
                cache.layers().store(key(i), zip, ContentDigest.sha256Hex(zip), new byte[0]);
                Path folder = cache.layers().find(key(i)).orElseThrow().zip().getParent();
                Files.setLastModifiedTime(folder, FileTime.fromMillis(1_000_000L * (i + 1)));
            }
            // Layer 0 is the oldest but used now: layer 1 is the least recently used one.
            cache.layers().find(key(0)).orElseThrow();
            cache.layers().store(key(100), zip, ContentDigest.sha256Hex(zip), new byte[0]);

            assertTrue(cache.layers().find(key(0)).isPresent());
            assertFalse(cache.layers().mayHold(key(1)));
            assertTrue(cache.layers().find(key(100)).isPresent());
            for (int i = 2; i < BuiltLayers.KEEP; i++) {
                assertTrue(cache.layers().mayHold(key(i)), "layer " + i);
            }
        }
    }
}
