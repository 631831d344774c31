package dev.pylayer.index;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.name.PackageName;
import dev.pylayer.testdata.index.FakeIndex;
import dev.pylayer.testdata.wheels.WheelBuilder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Project pages are cached and revalidated (ETag / Last-Modified), honour max-age, and serve offline builds. */
class RevalidationTest {
    @TempDir
    Path cacheDir;
    @AutoClose
    final FakeIndex index = FakeIndex.start();

    @BeforeEach
    void start() {
        index.add(WheelBuilder.wheel("demo", "1.0"));
    }

    private List<DistributionFile> list(IndexClient.Builder builder, String url, String project) {
        try (IndexClient client = builder.build()) {
            return client.index(url).listProject(PackageName.of(project)).files();
        }
    }

    @Test
    void revalidatesWithTheEtagAndUsesTheCachedBodyOn304() {
        list(TestClients.builder(cacheDir), index.simpleUrl(), "demo");
        List<DistributionFile> again = list(TestClients.builder(cacheDir), index.simpleUrl(), "demo");
        assertEquals(1, again.size());
        index.server().verify(1, getRequestedFor(urlPathEqualTo("/simple/demo/")).withHeader("If-None-Match", equalTo(
                index.server().getAllServeEvents().get(1).getResponse().getHeaders().getHeader("ETag").firstValue())));
        assertEquals(304, index.server().getAllServeEvents().get(0).getResponse().getStatus());
    }

    @Test
    void aChangedPageReplacesTheCachedOne() {
        list(TestClients.builder(cacheDir), index.jsonApiUrl(), "demo");
        index.add(WheelBuilder.wheel("demo", "2.0"));
        assertEquals(2, list(TestClients.builder(cacheDir), index.jsonApiUrl(), "demo").size());
    }

    @Test
    void anUnchangedAnswerIsNotWrittenBackButAChangedOneIs() throws java.io.IOException {
        list(TestClients.builder(cacheDir), index.jsonApiUrl(), "demo");
        Object stored = storedDocumentIdentity();
        list(TestClients.builder(cacheDir), index.jsonApiUrl(), "demo");
        assertEquals(stored, storedDocumentIdentity(), "the same answer was written to the cache again");
        index.add(WheelBuilder.wheel("demo", "2.0"));
        list(TestClients.builder(cacheDir), index.jsonApiUrl(), "demo");
        assertNotEquals(stored, storedDocumentIdentity(), "a changed answer was not stored");
    }

    @Test
    void anAnswerWithMaxAgeIsWrittenBackToRestartItsFreshness() throws java.io.IOException {
        index.server().stubFor(get(urlPathEqualTo("/simple/fresh/")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "text/html").withHeader("Cache-Control", "max-age=0")
                .withBody("<html><body><a href=\"/files/fresh-1.0.tar.gz\">fresh</a></body></html>")));
        list(TestClients.builder(cacheDir), index.simpleUrl(), "fresh");
        Object stored = storedDocumentIdentity();
        list(TestClients.builder(cacheDir), index.simpleUrl(), "fresh");
        assertNotEquals(stored, storedDocumentIdentity());
    }

    /** The one cached document's file identity (inode on POSIX): entries are replaced by rename, never edited. */
    private Object storedDocumentIdentity() throws java.io.IOException {
        try (var files = java.nio.file.Files.walk(cacheDir.resolve("documents"))) {
            List<Path> documents = files.filter(java.nio.file.Files::isRegularFile).toList();
            assertEquals(1, documents.size(), documents.toString());
            var attributes = java.nio.file.Files.readAttributes(documents.get(0),
                    java.nio.file.attribute.BasicFileAttributes.class);
            return attributes.fileKey() != null ? attributes.fileKey() : attributes.lastModifiedTime();
        }
    }

    @Test
    void revalidatesWithLastModified() {
        String date = "Tue, 02 Jan 2024 03:04:05 GMT";
        String page = "<html><body><a href=\"/files/demo-1.0.tar.gz\">demo</a></body></html>";
        index.server().stubFor(get(urlPathEqualTo("/simple/dated/")).withHeader("If-Modified-Since", equalTo(date))
                .atPriority(1).willReturn(aResponse().withStatus(304)));
        index.server().stubFor(get(urlPathEqualTo("/simple/dated/")).atPriority(2).willReturn(aResponse()
                .withHeader("Content-Type", "text/html").withHeader("Last-Modified", date).withBody(page)));
        list(TestClients.builder(cacheDir), index.simpleUrl(), "dated");
        assertEquals(1, list(TestClients.builder(cacheDir), index.simpleUrl(), "dated").size());
        assertEquals(304, index.server().getAllServeEvents().get(0).getResponse().getStatus());
    }

    @Test
    void aFreshPageIsReusedWithoutAsking() {
        String page = "<html><body><a href=\"/files/demo-1.0.tar.gz\">demo</a></body></html>";
        index.server().stubFor(get(urlPathEqualTo("/simple/fresh/")).willReturn(aResponse()
                .withHeader("Content-Type", "text/html").withHeader("Cache-Control", "max-age=600, public").withBody(page)));
        list(TestClients.builder(cacheDir), index.simpleUrl(), "fresh");
        list(TestClients.builder(cacheDir), index.simpleUrl(), "fresh");
        assertEquals(1, index.requestsTo("/simple/fresh/"));
    }

    @Test
    void offlineListsFromTheCacheIncludingProjectsAnIndexDoesNotHave() {
        list(TestClients.builder(cacheDir), index.simpleUrl(), "demo");
        list(TestClients.builder(cacheDir), index.simpleUrl(), "absent");
        int served = index.server().getAllServeEvents().size();
        assertEquals(1, list(TestClients.builder(cacheDir).offline(true), index.simpleUrl(), "demo").size());
        assertTrue(list(TestClients.builder(cacheDir).offline(true), index.simpleUrl(), "absent").isEmpty());
        assertEquals(served, index.server().getAllServeEvents().size());
    }

    @Test
    void offlineWithoutACachedPageSaysWhatIsMissing() {
        OfflineException error = assertThrows(OfflineException.class,
                () -> list(TestClients.builder(cacheDir).offline(true), index.jsonApiUrl(), "demo"));
        assertTrue(error.getMessage().contains("project document for `demo`"), error.getMessage());
        assertEquals(index.jsonApiUrl() + "/demo/json", error.url());
        assertTrue(error.hints().get(0).contains("without `--offline`"));
        assertEquals(0, index.server().getAllServeEvents().size());
    }
}
