package dev.pylayer.cache;

import static dev.pylayer.testdata.files.Folders.names;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentCacheTest {
    @TempDir
    Path root;

    static byte[] wheelBytes() {
        byte[] bytes = new byte[300_000];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    private static Path put(ContentCache cache, byte[] bytes, String filename) throws IOException {
        try (PendingWheel pending = cache.newWheel(filename)) {
            try (OutputStream out = pending.output()) {
                out.write(bytes);
            }
            return pending.commit();
        }
    }

    private List<String> temporaries() {
        return names(root.resolve("tmp"));
    }

    @Test
    void storesWheelsUnderTheirSha256() throws IOException {
        ContentCache cache = ContentCache.open(root);
        byte[] bytes = wheelBytes();
        String hex = ContentDigest.sha256Hex(bytes);
        Path stored = put(cache, bytes, "demo-1.0-py3-none-any.whl");
        assertEquals(root.resolve("wheels/sha256/" + hex.substring(0, 2) + "/" + hex.substring(2, 4) + "/" + hex
                + "/demo-1.0-py3-none-any.whl"), stored);
        assertEquals(Optional.of(stored), cache.wheel(hex));
        assertEquals(Optional.of(stored), ContentCache.open(root).wheel(hex.toUpperCase()), "a new JVM's view re-hashes");
        assertEquals(Optional.empty(), cache.wheel("0".repeat(64)));
        assertEquals(List.of(), temporaries());
    }

    @Test
    void aPendingWheelClosedWithoutCommitLeavesNothing() throws IOException {
        ContentCache cache = ContentCache.open(root);
        try (PendingWheel pending = cache.newWheel("x-1.0-py3-none-any.whl")) {
            pending.output().write(new byte[] {1, 2, 3});
        }
        assertEquals(List.of(), temporaries());
        assertFalse(Files.exists(root.resolve("wheels")));
    }

    @Test
    void dropsAWheelWhoseBytesNoLongerMatch() throws IOException {
        byte[] bytes = wheelBytes();
        String hex = ContentDigest.sha256Hex(bytes);
        Path stored = put(ContentCache.open(root), bytes, "demo-1.0-py3-none-any.whl");
        byte[] damaged = bytes.clone();
        damaged[1000] ^= 1;
        Files.write(stored, damaged);
        Files.setLastModifiedTime(stored, FileTime.from(Instant.now().plusSeconds(5)));
        ContentCache cache = ContentCache.open(root);
        assertEquals(Optional.empty(), cache.wheel(hex));
        assertFalse(Files.exists(stored), "the damaged entry is deleted");
    }

    @Test
    void keepsMetadataAndDocumentsWithTheirOwnDigest() {
        ContentCache cache = ContentCache.open(root);
        String wheel = "ab".repeat(32);
        cache.putMetadata(wheel, "Metadata-Version: 2.1\nName: x\n".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals("Metadata-Version: 2.1\nName: x\n".getBytes(StandardCharsets.UTF_8), cache.metadata(wheel).orElseThrow());
        CachedDocument document = new CachedDocument("https://host/simple/x/", 200, "<html>\n\n</html>".getBytes(StandardCharsets.UTF_8),
                Optional.of("text/html"), Optional.of("\"v1\""), Optional.empty(), Instant.ofEpochMilli(1_700_000_000_000L),
                Optional.of(Duration.ofSeconds(600)));
        cache.putDocument("key", document);
        CachedDocument read = cache.document("key").orElseThrow();
        assertEquals(document.url(), read.url());
        assertArrayEquals(document.body(), read.body());
        assertEquals(document.etag(), read.etag());
        assertEquals(document.maxAge(), read.maxAge());
        assertEquals(document.fetchedAt(), read.fetchedAt());
        assertEquals(Optional.empty(), cache.document("other key"));
    }

    @ParameterizedTest
    @CsvSource({"truncated", "flipped", "empty"})
    void dropsADamagedMetadataEntry(String damage) throws IOException {
        ContentCache cache = ContentCache.open(root);
        String wheel = "cd".repeat(32);
        cache.putMetadata(wheel, "Name: x\nVersion: 1.0\n".getBytes(StandardCharsets.UTF_8));
        Path file;
        try (Stream<Path> files = Files.walk(root.resolve("metadata"))) {
            file = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        switch (damage) {
            case "truncated" -> Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));
            case "flipped" -> {
                bytes[bytes.length - 2] ^= 1;
                Files.write(file, bytes);
            }
            default -> Files.write(file, new byte[0]);
        }
        assertEquals(Optional.empty(), cache.metadata(wheel));
        assertFalse(Files.exists(file));
    }

    @Test
    void threadsWritingTheSameEntriesAllSucceed() throws Exception {
        ContentCache cache = ContentCache.open(root);
        byte[] bytes = wheelBytes();
        String hex = ContentDigest.sha256Hex(bytes);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Path>> futures = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                futures.add(pool.submit(() -> {
                    cache.putMetadata(hex, "Name: shared\n".getBytes(StandardCharsets.UTF_8));
                    Path stored = put(cache, bytes, "shared-1.0-py3-none-any.whl");
                    assertArrayEquals(bytes, Files.readAllBytes(stored));
                    return stored;
                }));
            }
            for (Future<Path> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(ContentCache.open(root).wheel(hex).isPresent());
        assertEquals(List.of(), temporaries());
    }

    @Test
    void twoJvmsWritingTheSameEntriesWhileAThirdReads() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> writers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            writers.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CacheWriterMain.class.getName(),
                    root.toString(), "40").redirectErrorStream(true).start());
        }
        ContentCache reader = ContentCache.open(root);
        String hex = ContentDigest.sha256Hex(wheelBytes());
        while (writers.stream().anyMatch(Process::isAlive)) {
            Optional<Path> wheel = reader.wheel(hex);
            if (wheel.isPresent()) {
                assertArrayEquals(wheelBytes(), Files.readAllBytes(wheel.get()), "a reader never sees half an entry");
            }
            reader.metadata(hex).ifPresent(bytes -> assertEquals("Name: shared\n", new String(bytes, StandardCharsets.UTF_8)));
        }
        for (Process writer : writers) {
            assertTrue(writer.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, writer.exitValue(), new String(writer.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        assertTrue(reader.wheel(hex).isPresent());
        assertEquals(List.of(), temporaries());
    }

    @Test
    void remembersWhichContentPassedWhichCheck() {
        ContentCache cache = ContentCache.open(root);
        String digest = ContentDigest.sha256Hex(wheelBytes());
        String other = ContentDigest.sha256Hex(new byte[] {1});
        assertFalse(cache.passed(digest, "wheel-contents-1"));
        cache.recordPassed(digest, "wheel-contents-1");
        cache.recordPassed(digest, "wheel-contents-1");
        assertTrue(cache.passed(digest, "wheel-contents-1"));
        assertTrue(cache.passed(digest.toUpperCase(java.util.Locale.ROOT), "wheel-contents-1"), "digests are case-blind");
        assertFalse(cache.passed(digest, "wheel-contents-2"), "a new version of a check starts over");
        assertFalse(cache.passed(other, "wheel-contents-1"));
        assertTrue(ContentCache.open(root).passed(digest, "wheel-contents-1"), "kept on disk for later builds");
    }

    @ParameterizedTest
    @CsvSource({"../up", "a/b", "Upper", "''", ".hidden"})
    void refusesCheckNamesThatAreNotPlainNames(String check) {
        ContentCache cache = ContentCache.open(root);
        String digest = ContentDigest.sha256Hex(new byte[] {1});
        assertThrows(IllegalArgumentException.class, () -> cache.recordPassed(digest, check));
        assertThrows(IllegalArgumentException.class, () -> cache.passed("not-a-digest", "wheel-contents-1"));
    }

    @Test
    void removesStaleTemporariesOnOpen() throws IOException {
        ContentCache.open(root);
        Path stale = Files.write(root.resolve("tmp/old.whl"), new byte[] {1});
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path recent = Files.write(root.resolve("tmp/running.whl"), new byte[] {1});
        ContentCache.open(root);
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(recent), "a temporary of a build still running is left alone");
    }

    @Test
    void aThrowawayCacheIsDeletedOnClose() throws IOException {
        Path where;
        try (ContentCache cache = ContentCache.throwaway()) {
            where = cache.root();
            put(cache, wheelBytes(), "a-1.0-py3-none-any.whl");
        }
        assertFalse(Files.exists(where));
    }

    @Test
    void closingAThrowawayCacheWhileLookAheadWritesStillRunIsNoErrorAndLeavesNothing() throws Exception {
        for (int round = 0; round < 20; round++) {
            ContentCache cache = ContentCache.throwaway();
            Path where = cache.root();
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            ExecutorService writers = Executors.newFixedThreadPool(2);
            List<Future<?>> running = new ArrayList<>();
            for (int writer = 0; writer < 2; writer++) {
                int seed = writer;
                running.add(writers.submit(() -> {
                    Random random = new Random(seed);
                    while (!stop.get()) {
                        byte[] sha = new byte[32];
                        random.nextBytes(sha);
                        cache.putMetadata(java.util.HexFormat.of().formatHex(sha),
                                "Metadata-Version: 2.1\n".getBytes(StandardCharsets.UTF_8));
                    }
                }));
            }
            Thread.sleep(2);
            cache.close();
            stop.set(true);
            writers.shutdown();
            assertTrue(writers.awaitTermination(10, TimeUnit.SECONDS));
            for (Future<?> writer : running) {
                writer.get(); // a write after close is skipped, not an error
            }
            assertFalse(Files.exists(where), "round " + round + ": " + where + " left behind");
        }
    }

    @Test
    void anUnwritableCacheIsATypedError() throws IOException {
        Path file = Files.writeString(root.resolve("not-a-folder"), "x");
        CacheException error = assertThrows(CacheException.class, () -> ContentCache.open(file.resolve("cache")));
        assertTrue(error.hints().get(1).contains("--cache-dir"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "Linux      | -             | -                  | -        | /home/u/.cache/pylayer",
            "Linux      | /xdg          | -                  | -        | /xdg/pylayer",
            "Linux      | relative/path | -                  | -        | /home/u/.cache/pylayer",
            "Linux      | /xdg          | -                  | /chosen  | /chosen",
            "FreeBSD    | -             | -                  | -        | /home/u/.cache/pylayer",
            "Mac OS X   | /xdg          | -                  | -        | /home/u/Library/Caches/pylayer",
            "Windows 11 | -             | C:/Users/u/AppData/Local | -  | C:/Users/u/AppData/Local/pylayer/Cache",
            "Windows 11 | -             | -                  | -        | /home/u/AppData/Local/pylayer/Cache",
    })
    void choosesTheOperatingSystemsUserCacheFolder(String os, String xdg, String localAppData, String explicit, String expected) {
        Map<String, String> env = new java.util.HashMap<>();
        if (xdg != null) {
            env.put("XDG_CACHE_HOME", xdg);
        }
        if (localAppData != null) {
            env.put("LOCALAPPDATA", localAppData);
        }
        if (explicit != null) {
            env.put("PYLAYER_CACHE_DIR", explicit);
        }
        assertEquals(Path.of(expected), CacheDirectory.defaultRoot(env, os, "/home/u"));
    }
}
