package dev.pylayer.index;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.pylayer.testdata.files.Folders.names;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.name.PackageName;
import dev.pylayer.testdata.index.FakeIndex;
import dev.pylayer.testdata.wheels.WheelBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WheelDownloadTest {
    @TempDir
    Path temp;
    @AutoClose
    final FakeIndex index = FakeIndex.start();
    IndexClient client;
    FakeIndex.File file;

    @BeforeEach
    void start() {
        file = index.add(WheelBuilder.wheel("demo", "1.0").file("demo/__init__.py", "X = 1\n"));
        client = TestClients.client(temp.resolve("cache"));
    }

    @AfterEach
    void stop() {
        client.close();
    }

    private DistributionFile listed() {
        return client.index(index.jsonApiUrl()).listProject(PackageName.of("demo")).files().get(0);
    }

    private List<String> temporaries() {
        return names(client.cache().root().resolve("tmp"));
    }

    @Test
    void downloadsIntoTheCacheOnceAndReportsProgress() throws IOException {
        AtomicLong progress = new AtomicLong();
        Path wheel = client.wheel(listed(), List.of(), progress::addAndGet);
        assertArrayEquals(file.bytes(), Files.readAllBytes(wheel));
        assertEquals(file.bytes().length, progress.get());
        assertTrue(wheel.startsWith(client.cache().root()));
        assertEquals(file.filename(), wheel.getFileName().toString());
        assertEquals(wheel, client.wheel(listed()));
        assertEquals(1, index.requestsTo(file.path()));
    }

    @Test
    void threadsAskingForTheSameWheelAtOnceShareOneDownload() throws Exception {
        index.server().stubFor(get(urlPathEqualTo(file.path()))
                .willReturn(aResponse().withBody(file.bytes()).withFixedDelay(300)));
        DistributionFile listed = listed();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<AtomicLong> progress = List.of(new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong());
            List<java.util.concurrent.Future<Path>> futures = new java.util.ArrayList<>();
            for (AtomicLong counter : progress) {
                futures.add(pool.submit(() -> client.wheel(listed, List.of(), counter::addAndGet)));
            }
            Path first = futures.get(0).get();
            for (java.util.concurrent.Future<Path> future : futures) {
                assertEquals(first, future.get());
            }
            for (AtomicLong counter : progress) {
                assertEquals(file.bytes().length, counter.get(), "each caller hears of every byte");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, index.requestsTo(file.path()));
    }

    @Test
    void refusesAWheelWhoseBytesDifferFromTheIndexDigestAndCachesNothing() throws IOException {
        index.server().stubFor(get(urlPathEqualTo(file.path())).willReturn(aResponse().withBody("poisoned")));
        DistributionFile listed = listed();
        HashMismatchException error = assertThrows(HashMismatchException.class, () -> client.wheel(listed));
        assertEquals(file.filename(), error.filename());
        assertEquals(file.url(), error.url());
        assertEquals("sha256:" + file.sha256(), error.expected());
        assertEquals("sha256:" + WheelBuilder.sha256Hex("poisoned".getBytes()), error.actual());
        assertTrue(error.getMessage().contains(file.sha256()) && error.getMessage().contains(file.url()), error.getMessage());
        assertEquals(1, index.requestsTo(file.path()), "a hash mismatch is not retried");
        assertFalse(client.cache().wheel(file.sha256()).isPresent());
        assertEquals(List.of(), temporaries());
    }

    @Test
    void checksTheRequirementsHashesAllOrNothingLikePip() {
        DistributionFile listed = listed();
        String other = "sha256:" + "0".repeat(64);
        HashMismatchException error = assertThrows(HashMismatchException.class, () -> client.wheel(listed, List.of(other), n -> { }));
        assertTrue(error.getMessage().contains("--hash"), error.getMessage());
        assertFalse(client.cache().wheel(file.sha256()).isPresent());
        // any one allowed digest is enough, of any supported algorithm
        client.wheel(listed, List.of(other, "sha256:" + file.sha256()), n -> { });
        String sha512 = "sha512:" + java.util.HexFormat.of().formatHex(
                dev.pylayer.cache.ContentDigest.newDigest("SHA-512").digest(file.bytes()));
        client.wheel(listed, List.of(sha512), n -> { });
        assertThrows(HashMismatchException.class, () -> client.wheel(listed, List.of("sha512:" + "1".repeat(128)), n -> { }));
    }

    @Test
    void dropsADamagedCacheEntryAndFetchesTheWheelAgain() throws IOException {
        Path wheel = client.wheel(listed());
        Files.write(wheel, "bit rot".getBytes());
        try (IndexClient fresh = TestClients.client(temp.resolve("cache"))) {
            Path again = fresh.wheel(fresh.index(index.jsonApiUrl()).listProject(PackageName.of("demo")).files().get(0));
            assertArrayEquals(file.bytes(), Files.readAllBytes(again));
        }
        assertEquals(2, index.requestsTo(file.path()));
    }

    @Test
    void downloadsAWheelTheIndexGivesNoHashForAndStoresItByItsDigest() {
        file.withoutHash();
        DistributionFile listed = listed();
        assertTrue(listed.sha256().isEmpty());
        Path wheel = client.wheel(listed);
        assertEquals(wheel, client.cache().wheel(file.sha256()).orElseThrow());
    }

    @Test
    void offlineUsesCachedWheelsAndNamesTheMissingOnes() {
        DistributionFile listed = listed();
        client.wheel(listed);
        FakeIndex.File other = index.add(WheelBuilder.wheel("demo", "2.0"));
        List<DistributionFile> files = client.index(index.jsonApiUrl()).listProject(PackageName.of("demo")).files();
        int before = index.server().getAllServeEvents().size();
        try (IndexClient offline = TestClients.builder(temp.resolve("cache")).offline(true).build()) {
            assertEquals(client.cache().wheel(file.sha256()).orElseThrow(), offline.wheel(files.get(0)));
            OfflineException error = assertThrows(OfflineException.class, () -> offline.wheel(files.get(1)));
            assertTrue(error.getMessage().contains(other.filename()), error.getMessage());
            assertEquals(other.url(), error.url());
        }
        assertEquals(before, index.server().getAllServeEvents().size(), "offline sends nothing");
    }
}
