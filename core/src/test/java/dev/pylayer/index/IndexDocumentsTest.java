package dev.pylayer.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.name.PackageName;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The three document shapes parsed as pip reads them: PyPI JSON API, PEP 691 JSON, PEP 503 HTML. */
class IndexDocumentsTest {
    static byte[] resource(String name) {
        try (InputStream in = IndexDocumentsTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void readsEveryFileOfEveryReleaseFromThePypiJsonApi() {
        List<DistributionFile> files = JsonApiDocument.listing(PackageName.of("sample-project"),
                resource("pypi-json-project.json"), "https://pypi.org/pypi/sample-project/json", "https://pypi.org/pypi")
                .files();
        assertEquals(List.of("sample_project-1.0.0.tar.gz", "sample_project-2.1.0-py3-none-any.whl", "sample_project-2.1.0.tar.gz"),
                files.stream().map(DistributionFile::filename).toList());
        DistributionFile old = files.get(0);
        assertTrue(old.yanked());
        assertEquals(Optional.of("Broken on Windows"), old.yankedReason());
        assertEquals(Optional.empty(), old.requiresPython());
        assertEquals(Optional.of("1f0e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"), old.sha256());
        assertEquals(Map.of("md5", "3f2c6f1d4c9b0a8e7d6c5b4a39281706", "sha256", old.sha256().get()), old.hashes());
        assertEquals(OptionalLong.of(48213), old.size());
        assertEquals(Optional.of(Instant.parse("2019-05-16T15:01:30.553374Z")), old.uploadTime());
        assertEquals(Optional.empty(), old.coreMetadata(), "sdists have no PEP 658 metadata");
        DistributionFile wheel = files.get(1);
        assertFalse(wheel.yanked());
        assertEquals(Optional.of(">=3.8"), wheel.requiresPython());
        assertTrue(wheel.coreMetadata().isPresent(), "files.pythonhosted.org serves .metadata for every wheel");
        assertEquals("https://pypi.org/pypi", wheel.index());
        assertEquals(Optional.empty(), files.get(2).requiresPython(), "an empty requires_python means none");
    }

    @Test
    void keepsInfoRequiresDistAsAHintOnlyAsFarAsItReads() {
        String json = "{\"info\": {\"requires_dist\": [\"idna>=2\", 7, null, \"certifi; extra == 'x'\"]}, "
                + "\"releases\": {}}";
        ProjectListing listing = JsonApiDocument.listing(PackageName.of("demo"),
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "https://pypi.org/pypi/demo/json", "pypi");
        assertEquals(List.of("idna>=2", "certifi; extra == 'x'"), listing.likelyRequirements());

        StringBuilder many = new StringBuilder("{\"info\": {\"requires_dist\": [");
        for (int i = 0; i < 1000; i++) {
            many.append(i == 0 ? "" : ",").append("\"p").append(i).append('"');
        }
        many.append("]}, \"releases\": {}}");
        ProjectListing capped = JsonApiDocument.listing(PackageName.of("demo"),
                many.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "https://pypi.org/pypi/demo/json", "pypi");
        assertEquals(JsonApiDocument.MAX_REQUIREMENT_HINTS, capped.likelyRequirements().size());
        assertEquals(List.of(), JsonApiDocument.listing(PackageName.of("demo"),
                "{\"info\": {\"requires_dist\": null}, \"releases\": {}}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "https://pypi.org/pypi/demo/json", "pypi").likelyRequirements());
    }

    @Test
    void aJsonApiWheelOnAnotherHostHasNoMetadataClaim() {
        String document = "{\"releases\":{\"1.0\":[{\"filename\":\"a-1.0-py3-none-any.whl\",\"url\":\"/files/a-1.0-py3-none-any.whl\","
                + "\"digests\":{},\"yanked\":false}]}}";
        DistributionFile file = JsonApiDocument.listing(PackageName.of("a"), document.getBytes(StandardCharsets.UTF_8),
                "https://private.example/pypi/a/json", "idx").files().get(0);
        assertEquals("https://private.example/files/a-1.0-py3-none-any.whl", file.url());
        assertEquals(Optional.empty(), file.coreMetadata());
        assertEquals(Optional.empty(), file.sha256());
    }

    @Test
    void readsThePep691Example() {
        List<DistributionFile> files = SimpleDocument.parse(resource("pep691-example.json"),
                Optional.of("application/vnd.pypi.simple.v1+json"), "https://example.com/simple/holygrail/", "idx");
        assertEquals(2, files.size());
        DistributionFile sdist = files.get(0);
        assertTrue(sdist.yanked());
        assertEquals(Optional.of("Had a vulnerability"), sdist.yankedReason());
        assertEquals(Optional.of(">=3.7"), sdist.requiresPython());
        assertEquals("https://example.com/files/holygrail-1.0.tar.gz", sdist.url());
        DistributionFile wheel = files.get(1);
        assertFalse(wheel.yanked());
        assertEquals(Optional.of(new DistributionFile.CoreMetadata(Map.of())), wheel.coreMetadata());
        assertEquals(Optional.of("0000000000000000000000000000000000000000000000000000000000000002"), wheel.sha256());
    }

    @Test
    void pep714CoreMetadataWinsOverTheOldKeyAndCarriesItsHash() {
        String document = "{\"meta\":{\"api-version\":\"1.1\"},\"name\":\"a\",\"files\":[{\"filename\":\"a-1.0-py3-none-any.whl\","
                + "\"url\":\"../../files/a-1.0-py3-none-any.whl\",\"hashes\":{},\"core-metadata\":{\"sha256\":\"ABC\"},"
                + "\"dist-info-metadata\":false,\"yanked\":true,\"size\":12,\"upload-time\":\"2024-01-02T03:04:05Z\"}]}";
        DistributionFile file = SimpleDocument.parse(document.getBytes(StandardCharsets.UTF_8), Optional.empty(),
                "https://host/simple/a/", "idx").get(0);
        assertEquals(Optional.of("abc"), file.coreMetadata().flatMap(DistributionFile.CoreMetadata::sha256));
        assertEquals("https://host/files/a-1.0-py3-none-any.whl", file.url());
        assertTrue(file.yanked());
        assertEquals(Optional.empty(), file.yankedReason());
        assertEquals(OptionalLong.of(12), file.size());
    }

    @Test
    void readsAPep503PageWithBaseHrefEntitiesAndDataAttributes() {
        List<DistributionFile> files = SimpleDocument.parse(resource("pep503-page.html"), Optional.of("text/html"),
                "https://index.example/simple/frobnicate/", "idx");
        assertEquals(List.of("frobnicate-1.0.tar.gz", "frobnicate-1.0-py3-none-any.whl",
                        "frobnicate-1.1+local-cp311-cp311-manylinux_2_17_x86_64.whl", "frobnicate-0.9-py3-none-any.whl",
                        "frobnicate-0.8.zip"),
                files.stream().map(DistributionFile::filename).toList());
        DistributionFile sdist = files.get(0);
        assertEquals("https://mirror.example/pkgs/frobnicate-1.0.tar.gz", sdist.url(), "<base href> and no fragment");
        assertEquals(Optional.of("abcdef0000000000000000000000000000000000000000000000000000000001"), sdist.sha256());
        assertEquals(Optional.of(">=3.8,<4"), sdist.requiresPython(), "HTML-unescaped");
        assertEquals("https://mirror.example/other/frobnicate-1.0-py3-none-any.whl", files.get(1).url());
        assertEquals(Map.of("md5", "0123456789abcdef0123456789abcdef"), files.get(1).hashes());
        assertEquals(Optional.of(new DistributionFile.CoreMetadata(Map.of())), files.get(1).coreMetadata(), "old attribute");
        DistributionFile yanked = files.get(2);
        assertTrue(yanked.yanked());
        assertEquals(Optional.empty(), yanked.yankedReason());
        assertEquals(Optional.of("1111111111111111111111111111111111111111111111111111111111111111"),
                yanked.coreMetadata().flatMap(DistributionFile.CoreMetadata::sha256), "data-core-metadata wins");
        DistributionFile withReason = files.get(3);
        assertEquals("https://mirror.example/frobnicate-0.9-py3-none-any.whl", withReason.url());
        assertEquals(Optional.of("Broken: \"import\" fails"), withReason.yankedReason());
        assertEquals(Optional.empty(), withReason.coreMetadata());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON at all       | application/vnd.pypi.simple.v1+json | {\"meta\": {\"api-version\": \"1.0\"}, \"files\": [",
            "JSON without files    | application/vnd.pypi.simple.v1+json | {\"meta\": {\"api-version\": \"1.0\"}}",
            "a future major API    | application/vnd.pypi.simple.v1+json | {\"meta\": {\"api-version\": \"2.0\"}, \"files\": []}",
            "HTML that is not HTML | text/html                           | \u0000\u0001garbage",
            "HTML of a future API  | text/html                           | <html><meta name=\"pypi:repository-version\" content=\"2.0\"></html>",
    })
    void refusesDocumentsThatAreNotProjectPages(String why, String contentType, String body) {
        assertThrows(MalformedDocumentException.class, () -> SimpleDocument.parse(body.getBytes(StandardCharsets.UTF_8),
                Optional.of(contentType), "https://host/simple/a/", "idx"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json         | {\"releases\": ",
            "no releases      | {\"info\": {}}",
            "an array         | []",
    })
    void refusesJsonApiDocumentsWithoutReleases(String why, String body) {
        assertThrows(MalformedDocumentException.class, () -> JsonApiDocument.listing(PackageName.of("a"),
                body.getBytes(StandardCharsets.UTF_8), "https://host/pypi/a/json", "idx"));
    }

    @ParameterizedTest
    @CsvSource({
            "https://h/f/numpy-2.0.0-cp311-cp311-manylinux_2_17_x86_64.whl#sha256=AB, numpy-2.0.0-cp311-cp311-manylinux_2_17_x86_64.whl",
            "https://h/f/torch-2.1.0%2Bcpu-cp311-cp311-linux_x86_64.whl, torch-2.1.0+cpu-cp311-cp311-linux_x86_64.whl",
            "https://h/f/pkg-1.0+local-py3-none-any.whl?token=x, pkg-1.0+local-py3-none-any.whl",
            "file:///opt/pypi/files/a%20b-1.0.tar.gz, a b-1.0.tar.gz",
    })
    void takesTheFileNameFromTheUrlPathDecoded(String url, String filename) {
        assertEquals(filename, Links.filename(url));
    }
}
