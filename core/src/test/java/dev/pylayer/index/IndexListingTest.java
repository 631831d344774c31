package dev.pylayer.index;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.pylayer.name.PackageName;
import dev.pylayer.testdata.index.FakeIndex.SimpleFormat;
import dev.pylayer.testdata.index.FakeIndex;
import dev.pylayer.testdata.wheels.WheelBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IndexListingTest {
    @TempDir
    Path temp;
    @AutoClose
    final FakeIndex index = FakeIndex.start();
    IndexClient client;

    @BeforeEach
    void start() {
        client = TestClients.client(temp.resolve("cache"));
    }

    @AfterEach
    void stop() {
        client.close();
    }

    private void world() {
        index.add(WheelBuilder.wheel("Demo_Pkg", "1.0").requiresPython(">=3.8,<4"));
        index.add(WheelBuilder.wheel("Demo_Pkg", "1.1")).yanked("bad build");
        index.addSdist("demo-pkg", "1.1", "sdist bytes".getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> flavours() {
        return Stream.of(
                Arguments.of("JSON API", (java.util.function.Function<FakeIndex, String>) FakeIndex::jsonApiUrl, SimpleFormat.values()),
                Arguments.of("PEP 691 JSON", (java.util.function.Function<FakeIndex, String>) FakeIndex::simpleUrl, new SimpleFormat[] {SimpleFormat.JSON}),
                Arguments.of("PEP 503 HTML", (java.util.function.Function<FakeIndex, String>) FakeIndex::simpleUrl, new SimpleFormat[] {SimpleFormat.HTML}),
                Arguments.of("negotiated", (java.util.function.Function<FakeIndex, String>) FakeIndex::simpleUrl, SimpleFormat.values()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void listsEveryFileWithItsFacts(String flavour, java.util.function.Function<FakeIndex, String> url, SimpleFormat[] formats) {
        world();
        index.simpleFormats(formats);
        ProjectListing listing = client.index(url.apply(index)).listProject(PackageName.of("demo.pkg"));
        assertEquals(List.of("demo_pkg-1.0-py3-none-any.whl", "demo_pkg-1.1-py3-none-any.whl", "demo-pkg-1.1.tar.gz"),
                listing.files().stream().map(DistributionFile::filename).toList());
        DistributionFile first = listing.files().get(0);
        assertEquals(index.fileUrl(first.filename()), first.url(), "relative links resolved against the page");
        assertEquals(Optional.of(index.files("demo-pkg").get(0).sha256()), first.sha256());
        assertEquals(Optional.of(">=3.8,<4"), first.requiresPython());
        DistributionFile yanked = listing.files().get(1);
        assertTrue(yanked.yanked());
        assertEquals(Optional.of("bad build"), yanked.yankedReason());
    }

    @Test
    void negotiatesJsonFromASimpleIndexThatOffersBoth() {
        world();
        client.index(index.simpleUrl()).listProject(PackageName.of("demo-pkg"));
        index.server().verify(getRequestedFor(urlPathEqualTo("/simple/demo-pkg/"))
                .withHeader("Accept", WireMock.equalTo(SimpleDocument.ACCEPT))
                .withHeader("User-Agent", WireMock.matching("pylayer/.*")));
    }

    @ParameterizedTest
    @MethodSource("flavours")
    void aProjectTheIndexDoesNotHaveIsAnEmptyListing(String flavour, java.util.function.Function<FakeIndex, String> url, SimpleFormat[] formats) {
        assertTrue(client.index(url.apply(index)).listProject(PackageName.of("nothing-here")).isEmpty());
    }

    @Test
    void mergesIndexesExtraIndexesAndFindLinksFirstSourceWinningAFileName() throws IOException {
        world();
        FakeIndex extra = FakeIndex.start();
        try {
            extra.add(WheelBuilder.wheel("demo-pkg", "1.0").file("other.py", "different bytes"));
            extra.add(WheelBuilder.wheel("demo-pkg", "2.0"));
            Path folder = Files.createDirectories(temp.resolve("links"));
            WheelBuilder.wheel("demo_pkg", "3.0").writeTo(folder);
            WheelBuilder.wheel("demo_pkg_extra", "9.0").writeTo(folder);
            PackageIndex merged = client.index(IndexOptions.of(index.simpleUrl())
                    .withExtraIndexUrls(List.of(extra.jsonApiUrl()))
                    .withFindLinks(List.of(folder.toString())));
            List<DistributionFile> files = merged.listProject(PackageName.of("demo-pkg")).files();
            assertEquals(List.of("demo_pkg-1.0-py3-none-any.whl", "demo_pkg-1.1-py3-none-any.whl", "demo-pkg-1.1.tar.gz",
                            "demo_pkg-2.0-py3-none-any.whl", "demo_pkg-3.0-py3-none-any.whl"),
                    files.stream().map(DistributionFile::filename).toList());
            assertEquals(index.simpleUrl(), files.get(0).index());
            assertEquals(extra.jsonApiUrl(), files.get(3).index());
            assertTrue(files.get(4).isLocal());
        } finally {
            extra.close();
        }
    }

    @Test
    void readsAFileSimpleIndexWithRelativeLinks() throws IOException {
        Path root = temp.resolve("mirror");
        Path simple = Files.createDirectories(root.resolve("simple").resolve("demo-pkg"));
        Path wheel = WheelBuilder.wheel("demo_pkg", "1.0").writeTo(root.resolve("files"));
        String sha = dev.pylayer.cache.ContentDigest.sha256Hex(wheel);
        Files.writeString(simple.resolve("index.html"), "<!DOCTYPE html><html><body>\n<a href=\"../../files/"
                + wheel.getFileName() + "#sha256=" + sha + "\" data-requires-python=\"&gt;=3.9\">x</a>\n</body></html>");
        PackageIndex local = client.index(root.resolve("simple").toUri().toString());
        DistributionFile file = local.listProject(PackageName.of("Demo.Pkg")).files().get(0);
        assertEquals(wheel.toUri().toString(), file.url());
        assertEquals(Optional.of(sha), file.sha256());
        assertEquals(Optional.of(">=3.9"), file.requiresPython());
        assertTrue(local.listProject(PackageName.of("absent")).isEmpty());
        assertEquals(wheel, client.wheel(file), "local wheels are used in place");
        assertTrue(new String(client.coreMetadata(file), StandardCharsets.UTF_8).contains("Version: 1.0"));
    }

    @Test
    void readsAFindLinksPageOverHttp() {
        world();
        String page = "<html><body><a href=\"files/demo_pkg-1.0-py3-none-any.whl\">a</a>"
                + "<a href=\"files/other-1.0-py3-none-any.whl\">b</a><a href=\"files/demo-pkg-1.1.tar.gz\">c</a></body></html>";
        index.server().stubFor(WireMock.get(urlPathEqualTo("/links.html"))
                .willReturn(WireMock.aResponse().withHeader("Content-Type", "text/html").withBody(page)));
        PackageIndex links = client.findLinks(index.baseUrl() + "/links.html");
        assertEquals(List.of("demo_pkg-1.0-py3-none-any.whl", "demo-pkg-1.1.tar.gz"),
                links.listProject(PackageName.of("demo-pkg")).files().stream().map(DistributionFile::filename).toList());
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "demo_pkg-1.0-py3-none-any.whl, demo-pkg, true",
            "Demo.Pkg-1.0-py3-none-any.whl, demo-pkg, true",
            "demo_pkg_extra-1.0-py3-none-any.whl, demo-pkg, false",
            "demo-pkg-1.0.tar.gz, demo-pkg, true",
            "demo-pkg-extra-1.0.tar.gz, demo-pkg, false",
            "demo-pkg-extra-1.0.tar.gz, demo-pkg-extra, true",
            "demo_pkg-2.0rc1.zip, demo.pkg, true",
            "demo-pkg-docs.tar.gz, demo-pkg, false",
    })
    void matchesFindLinksFilesByTheirNormalizedNamePrefix(String filename, String project, boolean belongs) {
        assertEquals(belongs, FindLinks.belongsTo(filename, PackageName.of(project)));
    }

    @Test
    void refusesAFileIndexThatIsNotASimpleFolder() {
        InvalidIndexUrlException error = assertThrows(InvalidIndexUrlException.class,
                () -> client.index(temp.toUri().toString()));
        assertTrue(error.hints().stream().anyMatch(hint -> hint.contains("--find-links")));
        assertThrows(InvalidIndexUrlException.class, () -> client.index(temp.resolve("nope/simple").toString()));
        assertThrows(InvalidIndexUrlException.class, () -> client.findLinks(temp.resolve("missing").toString()));
        assertThrows(InvalidIndexUrlException.class, () -> client.index(IndexOptions.defaults().withoutIndex()));
    }
}
