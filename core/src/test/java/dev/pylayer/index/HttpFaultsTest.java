package dev.pylayer.index;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.pylayer.testdata.files.Folders.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.pylayer.name.PackageName;
import dev.pylayer.testdata.index.FakeIndex;
import dev.pylayer.testdata.wheels.WheelBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 6: every network fault is retried a bounded number of times, then named with its URL. */
class HttpFaultsTest {
    private static final String PAGE = "/simple/demo/";

    @TempDir
    Path cacheDir;
    @AutoClose
    final FakeIndex index = FakeIndex.start();
    IndexClient client;

    @BeforeEach
    void start() {
        index.add(WheelBuilder.wheel("demo", "1.0"));
        client = TestClients.impatient(cacheDir);
    }

    @AfterEach
    void stop() {
        client.close();
    }

    private ProjectListing list() {
        return client.index(index.simpleUrl()).listProject(PackageName.of("demo"));
    }

    private void always(ResponseDefinitionBuilder response) {
        index.server().stubFor(get(urlPathEqualTo(PAGE)).willReturn(response));
    }

    static Stream<Arguments> networkFaults() {
        return Stream.of(
                Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
                Arguments.of("empty response", aResponse().withFault(Fault.EMPTY_RESPONSE)),
                Arguments.of("garbage then close", aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)),
                Arguments.of("broken chunk", aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)),
                Arguments.of("timed out", aResponse().withStatus(200).withBody("<html></html>").withFixedDelay(1500)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networkFaults")
    void retriesNetworkFaultsThenNamesTheUrl(String fault, ResponseDefinitionBuilder response) {
        always(response);
        IndexUnreachableException error = assertThrows(IndexUnreachableException.class, this::list);
        assertEquals(index.simpleUrl() + "/demo/", error.url());
        assertTrue(error.getMessage().contains("`" + index.simpleUrl() + "/demo/`"), error.getMessage());
        assertEquals(TestClients.FAST.maxAttempts(), error.attempts());
        assertTrue(index.requestsTo(PAGE) >= TestClients.FAST.maxAttempts(), "requests: " + index.requestsTo(PAGE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networkFaults")
    void recoversWhenTheFaultPasses(String fault, ResponseDefinitionBuilder response) {
        index.server().stubFor(get(urlPathEqualTo(PAGE)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(response).willSetStateTo("healed"));
        assertEquals(1, list().files().size());
    }

    @Test
    void retries5xxThenSucceeds() {
        index.server().stubFor(get(urlPathEqualTo(PAGE)).inScenario("5xx").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("one"));
        index.server().stubFor(get(urlPathEqualTo(PAGE)).inScenario("5xx").whenScenarioStateIs("one")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("healed"));
        assertEquals(1, list().files().size());
        assertEquals(3, index.requestsTo(PAGE));
    }

    @Test
    void gives5xxUpAfterTheLastAttemptWithTheStatus() {
        always(aResponse().withStatus(500));
        IndexResponseException error = assertThrows(IndexResponseException.class, this::list);
        assertEquals(500, error.status());
        assertEquals(3, index.requestsTo(PAGE));
        assertTrue(error.getMessage().contains("HTTP 500 (3 attempts)"), error.getMessage());
    }

    @Test
    void honoursRetryAfterOn429() {
        index.server().stubFor(get(urlPathEqualTo(PAGE)).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ok"));
        long start = System.nanoTime();
        assertEquals(1, list().files().size());
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        // Retry-After: 1 is capped by the test policy's maxRetryAfter (200 ms); plain backoff would be ≤ 5 ms
        assertTrue(waitedMillis >= 190, "waited " + waitedMillis + " ms");
    }

    @Test
    void doesNotRetryAClientError() {
        always(aResponse().withStatus(403));
        IndexResponseException error = assertThrows(IndexResponseException.class, this::list);
        assertEquals(403, error.status());
        assertEquals(1, index.requestsTo(PAGE));
        assertTrue(error.hints().get(0).contains("~/.netrc"), error.hints().toString());
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "invalid JSON | application/vnd.pypi.simple.v1+json | {\"meta\": {\"api-version\": \"1.0\"}, \"files\": [{",
            "invalid HTML | text/html                           | Service temporarily unavailable, try later",
    })
    void retriesAnUnparsableBodyThenSaysWhatWasExpected(String why, String contentType, String body) {
        always(aResponse().withHeader("Content-Type", contentType).withBody(body));
        IndexResponseException error = assertThrows(IndexResponseException.class, this::list);
        assertEquals(3, index.requestsTo(PAGE));
        assertTrue(error.getMessage().startsWith("`" + index.simpleUrl() + "/demo/` did not return a valid PEP 503/691 project page"),
                error.getMessage());
    }

    @Test
    void retriesAnInvalidJsonApiDocument() {
        index.server().stubFor(get(urlPathEqualTo("/pypi/demo/json")).inScenario("bad").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withBody("<html>proxy error</html>")).willSetStateTo("ok"));
        assertEquals(1, client.index(index.jsonApiUrl()).listProject(PackageName.of("demo")).files().size());
        assertEquals(2, index.requestsTo("/pypi/demo/json"));
    }

    @Test
    void retriesATruncatedPageThenGivesUp() throws IOException {
        byte[] body = "<html><body><a href=\"demo-1.0.tar.gz\">".getBytes(StandardCharsets.UTF_8);
        try (TruncatingServer server = new TruncatingServer("text/html", body, 4000, 10)) {
            String simple = server.url("/simple");
            IndexUnreachableException error = assertThrows(IndexUnreachableException.class,
                    () -> client.index(simple).listProject(PackageName.of("demo")));
            assertTrue(error.getMessage().contains("truncated"), error.getMessage());
            assertEquals(3, server.requests());
        }
    }

    @Test
    void aTruncatedWheelDownloadLeavesNothingInTheCache() throws IOException {
        byte[] wheel = WheelBuilder.wheel("demo", "1.0").toBytes();
        byte[] half = java.util.Arrays.copyOf(wheel, wheel.length / 2);
        try (TruncatingServer server = new TruncatingServer("application/octet-stream", half, wheel.length, 10)) {
            DistributionFile file = new DistributionFile("demo-1.0-py3-none-any.whl", server.url("/demo-1.0-py3-none-any.whl"),
                    java.util.Map.of("sha256", WheelBuilder.sha256Hex(wheel)), java.util.Optional.empty(), false,
                    java.util.Optional.empty(), java.util.OptionalLong.empty(), java.util.Optional.empty(),
                    java.util.Optional.empty(), "test");
            java.util.concurrent.atomic.AtomicLong progress = new java.util.concurrent.atomic.AtomicLong();
            assertThrows(IndexUnreachableException.class, () -> client.wheel(file, java.util.List.of(), progress::addAndGet));
            assertEquals(3, server.requests());
            assertEquals(0, progress.get(), "failed attempts are taken back from the progress count");
            assertFalse(client.cache().wheel(WheelBuilder.sha256Hex(wheel)).isPresent());
            assertEquals(List.of(), names(client.cache().root().resolve("tmp")));
        }
    }
}
