package dev.pylayer.index;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.pylayer.name.PackageName;
import dev.pylayer.testdata.index.FakeIndex;
import dev.pylayer.testdata.wheels.WheelBuilder;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoreMetadataTest {
    @TempDir
    Path cacheDir;
    @AutoClose
    final FakeIndex index = FakeIndex.start();

    /** A wheel of several megabytes of incompressible data with many entries before its dist-info. */
    static WheelBuilder largeWheel(String name, int entries) {
        byte[] blob = new byte[6 << 20];
        new Random(42).nextBytes(blob);
        WheelBuilder wheel = WheelBuilder.wheel(name, "2.0").tag("cp311-cp311-manylinux_2_17_x86_64")
                .requiresDist("numpy>=1.20").storedFile(name + "/_native.so", blob);
        for (int i = 0; i < entries; i++) {
            wheel.file(name + "/sub/module_with_a_long_name_" + i + ".py", "X = " + i + "\n");
        }
        return wheel;
    }

    private DistributionFile listed(IndexClient client, String url, String project) {
        return client.index(url).listProject(PackageName.of(project)).files().get(0);
    }

    @Test
    void readsMetadataOfALargeWheelWithASingleSuffixRangeRequest() {
        WheelBuilder wheel = largeWheel("big", 50);
        FakeIndex.File file = index.add(wheel);
        try (IndexClient client = TestClients.client(cacheDir)) {
            byte[] metadata = client.coreMetadata(listed(client, index.jsonApiUrl(), "big"));
            assertArrayEquals(wheel.metadata(), metadata);
        }
        assertEquals(1, index.requestsTo(file.path()));
        assertEquals(0, index.server().countRequestsMatching(
                getRequestedFor(urlPathEqualTo(file.path())).withoutHeader("Range").build()).getCount());
    }

    @Test
    void readsASmallWheelWholeInOneRequestThatAlsoFillsTheCache() {
        WheelBuilder wheel = WheelBuilder.wheel("small", "1.0").file("small/__init__.py", "X = 1\n");
        FakeIndex.File file = index.add(wheel);
        try (IndexClient client = TestClients.client(cacheDir)) {
            DistributionFile listed = listed(client, index.jsonApiUrl(), "small");
            assertTrue(listed.size().getAsLong() < DistributionFetcher.WHOLE_WHEEL_TAILS * HttpRangeChannel.DEFAULT_TAIL);
            assertArrayEquals(wheel.metadata(), client.coreMetadata(listed));
            client.wheel(listed);
        }
        assertEquals(1, index.requestsTo(file.path()));
        assertEquals(0, index.server().countRequestsMatching(
                getRequestedFor(urlPathEqualTo(file.path())).withHeader("Range", com.github.tomakehurst.wiremock.client.WireMock.matching(".*")).build()).getCount());
    }

    @Test
    void fetchesTheRestOfALargeCentralDirectoryInOneMoreRequest() {
        WheelBuilder wheel = largeWheel("many", 3000);
        FakeIndex.File file = index.add(wheel);
        try (IndexClient client = TestClients.builder(cacheDir).rangeTail(8 * 1024).build()) {
            assertArrayEquals(wheel.metadata(), client.coreMetadata(listed(client, index.jsonApiUrl(), "many")));
        }
        int requests = index.requestsTo(file.path());
        assertTrue(requests >= 2 && requests <= 3, "ranged requests: " + requests);
    }

    @Test
    void readsADirectoryLargerThanTheTailAndTheMetadataBeforeItInOneMoreRequest() {
        // botocore's shape: a directory of thousands of entries past the first suffix range, the dist-info just before it
        WheelBuilder wheel = largeWheel("wide", 8000);
        FakeIndex.File file = index.add(wheel);
        try (IndexClient client = TestClients.client(cacheDir)) {
            assertArrayEquals(wheel.metadata(), client.coreMetadata(listed(client, index.jsonApiUrl(), "wide")));
        }
        assertEquals(2, index.requestsTo(file.path()));
    }

    @Test
    void downloadsTheWholeWheelWhenTheServerIgnoresRange() {
        WheelBuilder wheel = largeWheel("plain", 5);
        index.rangeRequests(false);
        FakeIndex.File file = index.add(wheel);
        try (IndexClient client = TestClients.client(cacheDir)) {
            DistributionFile listed = listed(client, index.jsonApiUrl(), "plain");
            assertArrayEquals(wheel.metadata(), client.coreMetadata(listed));
            // the download went into the cache: asking for the wheel costs nothing more
            client.wheel(listed);
        }
        assertEquals(2, index.requestsTo(file.path()));
    }

    @Test
    void usesPep658MetadataWhenTheSimpleIndexAdvertisesIt() {
        WheelBuilder wheel = largeWheel("advertised", 5);
        FakeIndex.File file = index.add(wheel);
        try (IndexClient client = TestClients.client(cacheDir)) {
            DistributionFile listed = listed(client, index.simpleUrl(), "advertised");
            assertTrue(listed.coreMetadata().isPresent());
            assertArrayEquals(wheel.metadata(), client.coreMetadata(listed));
        }
        assertEquals(0, index.requestsTo(file.path()));
        assertEquals(1, index.requestsTo(file.path() + ".metadata"));
    }

    @Test
    void refusesPep658MetadataWhoseHashDiffers() {
        FakeIndex.File file = index.add(WheelBuilder.wheel("liar", "1.0"));
        index.server().stubFor(WireMock.get(urlPathEqualTo(file.path() + ".metadata"))
                .willReturn(WireMock.aResponse().withBody("Metadata-Version: 2.1\nName: liar\nVersion: 6.6.6\n")));
        try (IndexClient client = TestClients.client(cacheDir)) {
            DistributionFile listed = listed(client, index.simpleUrl(), "liar");
            HashMismatchException error = assertThrows(HashMismatchException.class, () -> client.coreMetadata(listed));
            assertEquals("liar-1.0-py3-none-any.whl.metadata", error.filename());
        }
    }

    @Test
    void fallsBackToRangeReadsWhenTheAdvertisedMetadataFileIsMissing() {
        WheelBuilder wheel = WheelBuilder.wheel("gone", "1.0");
        FakeIndex.File file = index.add(wheel);
        index.server().stubFor(WireMock.get(urlPathEqualTo(file.path() + ".metadata")).willReturn(WireMock.notFound()));
        try (IndexClient client = TestClients.client(cacheDir)) {
            assertArrayEquals(wheel.metadata(), client.coreMetadata(listed(client, index.simpleUrl(), "gone")));
        }
    }

    @Test
    void secondLookupComesFromTheMetadataCacheWithoutRequests() {
        WheelBuilder wheel = largeWheel("cached", 5);
        FakeIndex.File file = index.add(wheel);
        try (IndexClient client = TestClients.client(cacheDir)) {
            client.coreMetadata(listed(client, index.jsonApiUrl(), "cached"));
        }
        try (IndexClient client = TestClients.builder(cacheDir).offline(true).build()) {
            DistributionFile listed = listed(client, index.jsonApiUrl(), "cached");
            assertArrayEquals(wheel.metadata(), client.coreMetadata(listed));
        }
        assertEquals(1, index.requestsTo(file.path()));
    }

    @Test
    void aWheelWithoutMetadataIsADistributionError() {
        index.add(WheelBuilder.wheel("hollow", "1.0").withoutMetadata()).withoutHash();
        index.coreMetadata(false);
        try (IndexClient client = TestClients.client(cacheDir)) {
            DistributionFile listed = listed(client, index.simpleUrl(), "hollow");
            DistributionException error = assertThrows(DistributionException.class, () -> client.coreMetadata(listed));
            assertTrue(error.getMessage().contains("has no `*.dist-info/METADATA`"), error.getMessage());
        }
    }
}
