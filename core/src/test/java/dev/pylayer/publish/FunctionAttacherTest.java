package dev.pylayer.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.pylayer.publish.AwsStubs.function;
import static dev.pylayer.publish.AwsStubs.json;
import static dev.pylayer.publish.AwsStubs.layerVersionArn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Attaching a layer version to functions, against WireMock stubs of GetFunction and UpdateFunctionConfiguration. */
class FunctionAttacherTest {
    private static final String FUNCTION = "/2015-03-31/functions/fn";
    private static final String CONFIGURATION = FUNCTION + "/configuration";
    private static final long MB = 1024L * 1024;

    @AutoClose
    private final FakeAws aws = new FakeAws();
    private final WireMockServer server = aws.server;
    private final List<PublishEvent> events = new ArrayList<>();
    private final LayerPublisher publisher = LayerPublisher.builder(aws.lambda)
            .waiterConfiguration(AwsStubs.quickWaiter()).listener(events::add).build();

    private static LayerVersionInfo deps(long version, List<String> runtimes, List<String> architectures) {
        return new LayerVersionInfo(AwsStubs.layerArn("deps"), layerVersionArn("deps", version), version, "sha", 2 * MB,
                runtimes, architectures, null, null, "2026-01-01T00:00:00.000+0000");
    }

    /** GetFunction answers {@code before}, the update moves the function to InProgress, then it settles. */
    private void functionUpdates(String before, String updating, String after) {
        server.stubFor(get(urlEqualTo(FUNCTION)).inScenario("update").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, before)));
        server.stubFor(put(urlEqualTo(CONFIGURATION)).inScenario("update").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, "{}")).willSetStateTo("updating"));
        server.stubFor(get(urlEqualTo(FUNCTION)).inScenario("update").whenScenarioStateIs("updating")
                .willReturn(json(200, updating)).willSetStateTo("settled"));
        server.stubFor(get(urlEqualTo(FUNCTION)).inScenario("update").whenScenarioStateIs("settled")
                .willReturn(json(200, after)));
    }

    private JsonNode onlyUpdate() {
        var updates = server.findAll(putRequestedFor(urlEqualTo(CONFIGURATION)));
        assertEquals(1, updates.size());
        return AwsStubs.body(updates.get(0).getBodyAsString());
    }

    @Test
    void replacesOlderVersionInPlaceAndKeepsTheOtherLayersOrder() {
        String before = function("fn", "python3.12", "arm64", MB, "Successful", null,
                layerVersionArn("first", 1), MB, layerVersionArn("deps", 2), MB, layerVersionArn("last", 7), MB);
        functionUpdates(before, function("fn", "python3.12", "arm64", MB, "InProgress", null),
                function("fn", "python3.12", "arm64", MB, "Successful", null));

        AttachResult result = publisher.attach("fn", deps(3, List.of("python3.12"), List.of("arm64")));

        JsonNode update = onlyUpdate();
        assertEquals("[\"" + layerVersionArn("first", 1) + "\",\"" + layerVersionArn("deps", 3) + "\",\""
                + layerVersionArn("last", 7) + "\"]", update.get("Layers").toString());
        assertEquals("rev-1", update.get("RevisionId").asText(), "guards against a concurrent change");
        assertEquals(AttachResult.Outcome.REPLACED, result.outcome());
        assertEquals(layerVersionArn("deps", 2), result.replacedLayerVersionArn());
        assertEquals(AwsStubs.functionArn("fn"), result.functionArn());
        assertTrue(result.warnings().isEmpty(), result.warnings().toString());
        assertTrue(events.contains(new PublishEvent.WaitingForFunction("fn")));
    }

    @Test
    void appendsALayerTheFunctionDoesNotHaveYet() {
        String before = function("fn", "python3.12", "x86_64", MB, "Successful", null, layerVersionArn("first", 1), MB);
        functionUpdates(before, before, before);

        AttachResult result = publisher.attach("fn", deps(3, List.of(), List.of()));

        assertEquals(List.of(layerVersionArn("first", 1), layerVersionArn("deps", 3)), result.layersAfter());
        assertEquals(AttachResult.Outcome.ADDED, result.outcome());
        assertNull(result.replacedLayerVersionArn());
    }

    @Test
    void leavesTheFunctionAloneWhenItAlreadyUsesThisVersion() {
        server.stubFor(get(urlEqualTo(FUNCTION)).willReturn(json(200, function("fn", "python3.12", "x86_64", MB,
                "Successful", null, layerVersionArn("deps", 3), MB))));

        AttachResult result = publisher.attach("fn", deps(3, List.of(), List.of()));

        assertEquals(AttachResult.Outcome.UNCHANGED, result.outcome());
        server.verify(0, putRequestedFor(urlEqualTo(CONFIGURATION)));
    }

    @Test
    void refusesASixthLayerBeforeUpdating() {
        server.stubFor(get(urlEqualTo(FUNCTION)).willReturn(json(200, function("fn", "python3.12", "x86_64", MB,
                "Successful", null, layerVersionArn("a", 1), MB, layerVersionArn("b", 1), MB, layerVersionArn("c", 1), MB,
                layerVersionArn("d", 1), MB, layerVersionArn("e", 1), MB))));

        TooManyLayersException error = assertThrows(TooManyLayersException.class,
                () -> publisher.attach("fn", deps(3, List.of(), List.of())));

        assertTrue(error.getMessage().contains("`fn` already has 5 layers"), error.getMessage());
        server.verify(0, putRequestedFor(urlEqualTo(CONFIGURATION)));
    }

    @Test
    void replacingCountsAsNoExtraLayerAtTheLimit() {
        String before = function("fn", "python3.12", "x86_64", MB, "Successful", null,
                layerVersionArn("a", 1), MB, layerVersionArn("b", 1), MB, layerVersionArn("deps", 1), MB,
                layerVersionArn("d", 1), MB, layerVersionArn("e", 1), MB);
        functionUpdates(before, before, before);

        AttachResult result = publisher.attach("fn", deps(3, List.of(), List.of()));

        assertEquals(5, result.layersAfter().size());
        assertEquals(layerVersionArn("deps", 3), result.layersAfter().get(2));
    }

    @Test
    void refusesWhenFunctionCodeAndLayersWouldPass250Mb() {
        // 100 MB of code, 149 MB of another layer (zipped: at least as much unzipped), 2 MB for this one.
        server.stubFor(get(urlEqualTo(FUNCTION)).willReturn(json(200, function("fn", "python3.12", "x86_64", 100 * MB,
                "Successful", null, layerVersionArn("big", 1), 149 * MB, layerVersionArn("deps", 1), 200 * MB))));

        LayerTooLargeException error = assertThrows(LayerTooLargeException.class,
                () -> publisher.attach("fn", deps(3, List.of(), List.of())));

        assertTrue(error.getMessage().contains("`fn`"), error.getMessage());
        server.verify(0, putRequestedFor(urlEqualTo(CONFIGURATION)));
    }

    @Test
    void theReplacedVersionDoesNotCountTowardsTheSize() {
        String before = function("fn", "python3.12", "x86_64", 100 * MB, "Successful", null,
                layerVersionArn("deps", 1), 200 * MB);
        functionUpdates(before, before, before);

        assertEquals(AttachResult.Outcome.REPLACED, publisher.attach("fn", deps(3, List.of(), List.of())).outcome());
    }

    @Test
    void waitsForAnEarlierUpdateAndUsesTheRevisionAfterIt() {
        server.stubFor(get(urlEqualTo(FUNCTION)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, function("fn", "python3.12", "x86_64", MB, "InProgress", null)))
                .willSetStateTo("idle"));
        server.stubFor(get(urlEqualTo(FUNCTION)).inScenario("busy").whenScenarioStateIs("idle")
                .willReturn(json(200, function("fn", "python3.12", "x86_64", MB, "Successful", null)
                        .replace("rev-1", "rev-2"))));
        server.stubFor(put(urlEqualTo(CONFIGURATION)).willReturn(json(200, "{}")));

        publisher.attach("fn", deps(3, List.of(), List.of()));

        assertEquals("rev-2", onlyUpdate().get("RevisionId").asText());
    }

    @Test
    void reportsAFailedUpdateWithLambdasReason() {
        String before = function("fn", "python3.12", "x86_64", MB, "Successful", null);
        String failed = function("fn", "python3.12", "x86_64", MB, "Failed", "Layer conflict: /opt/python too large");
        functionUpdates(before, failed, failed);

        FunctionUpdateFailedException error = assertThrows(FunctionUpdateFailedException.class,
                () -> publisher.attach("fn", deps(3, List.of(), List.of())));

        assertTrue(error.getMessage().contains("Layer conflict: /opt/python too large"), error.getMessage());
    }

    @Test
    void missingFunctionIsNamed() {
        server.stubFor(get(urlEqualTo("/2015-03-31/functions/nope")).willReturn(AwsStubs.lambdaError(404,
                "ResourceNotFoundException", "Function not found: " + AwsStubs.functionArn("nope"))));

        FunctionNotFoundException error = assertThrows(FunctionNotFoundException.class,
                () -> publisher.attach("nope", deps(3, List.of(), List.of())));

        assertEquals("function `nope` not found in us-east-1", error.getMessage());
    }

    @Test
    void containerImageFunctionsTakeNoLayers() {
        server.stubFor(get(urlEqualTo(FUNCTION)).willReturn(json(200, function("fn", "python3.12", "x86_64", 0,
                "Successful", null).replace("\"Zip\"", "\"Image\""))));

        assertThrows(FunctionNotAttachableException.class, () -> publisher.attach("fn", deps(3, List.of(), List.of())));
    }

    @Test
    void warnsWhenRuntimeOrArchitectureDoNotMatchTheFunction() {
        String before = function("fn", "python3.12", "arm64", MB, "Successful", null);
        functionUpdates(before, before, before);

        AttachResult result = publisher.attach("fn", deps(3, List.of("python3.11"), List.of("x86_64")));

        assertEquals(2, result.warnings().size(), result.warnings().toString());
        assertTrue(result.warnings().get(0).contains("runs python3.12"), result.warnings().get(0));
        assertTrue(result.warnings().get(1).contains("runs on arm64"), result.warnings().get(1));
        assertTrue(events.contains(new PublishEvent.Warning(result.warnings().get(0))));
    }
}
