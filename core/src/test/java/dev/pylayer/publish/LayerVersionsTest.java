package dev.pylayer.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.pylayer.publish.AwsStubs.json;
import static dev.pylayer.publish.AwsStubs.layerVersion;
import static dev.pylayer.publish.AwsStubs.layerVersionArn;
import static dev.pylayer.publish.AwsStubs.listItem;
import static dev.pylayer.publish.AwsStubs.listPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Listing and pruning layer versions against WireMock stubs of the Lambda layers API. */
class LayerVersionsTest {
    private static final String VERSIONS = "/2018-10-31/layers/deps/versions";
    private static final long MB = 1024L * 1024;

    @AutoClose
    private final FakeAws aws = new FakeAws();
    private final WireMockServer server = aws.server;
    private final LayerPublisher publisher = LayerPublisher.builder(aws.lambda).build();

    /** Versions 1..5 on two pages, the second reached through NextMarker. */
    private void fiveVersions() {
        server.stubFor(get(urlPathEqualTo(VERSIONS)).withQueryParam("Marker", WireMock.absent()).willReturn(json(200,
                listPage("page-2", listItem("deps", 5, List.of("python3.12"), List.of("arm64")),
                        listItem("deps", 4, List.of("python3.12"), List.of("arm64")),
                        listItem("deps", 3, List.of("python3.12"), List.of("arm64"))))));
        server.stubFor(get(urlPathEqualTo(VERSIONS)).withQueryParam("Marker", WireMock.equalTo("page-2"))
                .willReturn(json(200, listPage(null, listItem("deps", 2, List.of("python3.11"), List.of("x86_64")),
                        listItem("deps", 1, List.of("python3.11"), List.of("x86_64"))))));
        LongStream.rangeClosed(1, 5).forEach(version -> server.stubFor(get(urlEqualTo(VERSIONS + "/" + version))
                .willReturn(json(200, layerVersion("deps", version, "sha-" + version, version * MB,
                        List.of("python3.12"), List.of("arm64"))))));
        server.stubFor(delete(urlMatching(VERSIONS + "/\\d+")).willReturn(json(204, "")));
    }

    private void functionUses(String name, String... layerVersionArns) {
        Object[] layers = new Object[layerVersionArns.length * 2];
        for (int i = 0; i < layerVersionArns.length; i++) {
            layers[2 * i] = layerVersionArns[i];
            layers[2 * i + 1] = MB;
        }
        server.stubFor(get(urlEqualTo("/2015-03-31/functions/" + name)).willReturn(json(200,
                AwsStubs.function(name, "python3.12", "arm64", MB, "Successful", null, layers))));
    }

    @Test
    void listsEveryVersionNewestFirstWithItsContentFacts() {
        fiveVersions();

        List<LayerVersionInfo> versions = publisher.list(LayerName.parse("deps"));

        assertEquals(List.of(5L, 4L, 3L, 2L, 1L), versions.stream().map(LayerVersionInfo::version).toList());
        assertEquals("sha-4", versions.get(1).codeSha256());
        assertEquals(4 * MB, versions.get(1).codeSize());
        assertEquals(List.of("arm64"), versions.get(1).compatibleArchitectures());
        assertEquals("2026-01-04T10:00:00.000+0000", versions.get(1).createdDate());
    }

    @Test
    void pruneKeepsTheNewestAndTheVersionsFunctionsUse() {
        fiveVersions();
        functionUses("api", layerVersionArn("other", 9), layerVersionArn("deps", 2));
        functionUses("worker", layerVersionArn("deps", 4));

        PruneResult result = publisher.prune(LayerName.parse("deps"), 2, List.of("api", "worker"), false);

        assertEquals(List.of(PruneResult.Decision.KEPT_NEWEST, PruneResult.Decision.KEPT_NEWEST,
                PruneResult.Decision.DELETED, PruneResult.Decision.KEPT_IN_USE, PruneResult.Decision.DELETED),
                result.decisions().stream().map(PruneResult.VersionDecision::decision).toList());
        assertEquals(List.of("api"), result.decisions().get(3).usedBy());
        server.verify(1, deleteRequestedFor(urlEqualTo(VERSIONS + "/3")));
        server.verify(1, deleteRequestedFor(urlEqualTo(VERSIONS + "/1")));
        server.verify(2, deleteRequestedFor(urlMatching(".*")));
    }

    @Test
    void dryRunDeletesNothing() {
        fiveVersions();

        PruneResult result = publisher.prune(LayerName.parse("deps"), 3, List.of(), true);

        assertEquals(List.of(2L, 1L), result.decisions().stream()
                .filter(d -> d.decision() == PruneResult.Decision.WOULD_DELETE).map(d -> d.version().version()).toList());
        server.verify(0, deleteRequestedFor(urlMatching(".*")));
    }

    @Test
    void aMissingFunctionStopsThePruneBeforeAnyDelete() {
        fiveVersions();
        server.stubFor(get(urlEqualTo("/2015-03-31/functions/gone")).willReturn(AwsStubs.lambdaError(404,
                "ResourceNotFoundException", "Function not found")));

        assertThrows(FunctionNotFoundException.class,
                () -> publisher.prune(LayerName.parse("deps"), 1, List.of("gone"), false));

        server.verify(0, deleteRequestedFor(urlMatching(".*")));
    }

    @Test
    void negativeKeepIsRefusedLocally() {
        assertThrows(InvalidPublishRequestException.class,
                () -> publisher.prune(LayerName.parse("deps"), -1, List.of(), false));
        server.verify(0, anyRequestedFor(urlMatching(".*")));
    }

    @Test
    void deniedDeleteNamesTheAction() {
        fiveVersions();
        server.stubFor(delete(urlMatching(VERSIONS + "/\\d+")).willReturn(AwsStubs.lambdaError(403,
                "AccessDeniedException", "not allowed")));

        MissingPermissionException error = assertThrows(MissingPermissionException.class,
                () -> publisher.prune(LayerName.parse("deps"), 4, List.of(), false));

        assertEquals("lambda:DeleteLayerVersion", error.action());
    }
}
