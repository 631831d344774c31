package dev.pylayer.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.pylayer.cli.AwsCommandFixture.ARN_PREFIX;
import static dev.pylayer.cli.AwsCommandFixture.json;
import static dev.pylayer.cli.AwsCommandFixture.layerVersion;
import static dev.pylayer.testdata.wheels.WheelBuilder.wheel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.pylayer.testdata.index.FakeIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 4: {@code pylayer build … --publish NAME --attach FN} builds, publishes the zip it wrote and attaches it. */
class BuildPublishCommandTest {
    private static final String VERSIONS = "/2018-10-31/layers/deps/versions";
    private static final String FUNCTION = "/2015-03-31/functions/api";

    @TempDir
    Path dir;
    private AwsCommandFixture aws;
    @AutoClose
    private final FakeIndex index = FakeIndex.start();

    @BeforeEach
    void start() {
        aws = new AwsCommandFixture();
        index.add(wheel("requests", "2.32.3").requiresDist("idna>=2").file("requests/__init__.py", "\n"));
        index.add(wheel("idna", "3.7").file("idna/__init__.py", "\n"));
        aws.server.stubFor(get(urlPathEqualTo(VERSIONS)).willReturn(json(200, "{\"LayerVersions\":[]}")));
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void publishesTheBuiltZipForTheBuildsRuntimeAndAttachesIt() throws Exception {
        Path zip = dir.resolve("layer.zip");
        aws.server.stubFor(post(urlEqualTo(VERSIONS)).willReturn(json(201,
                layerVersion("deps", 1, "c2hh", List.of("python3.11"), List.of("x86_64", "arm64")))));
        aws.server.stubFor(get(urlEqualTo(FUNCTION)).inScenario("f").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, AwsCommandFixture.function("api", "Successful"))));
        aws.server.stubFor(put(urlEqualTo(FUNCTION + "/configuration")).inScenario("f").willReturn(json(200, "{}"))
                .willSetStateTo("updated"));
        aws.server.stubFor(get(urlEqualTo(FUNCTION)).inScenario("f").whenScenarioStateIs("updated")
                .willReturn(json(200, AwsCommandFixture.function("api", "Successful", ARN_PREFIX + "layer:deps:1"))));

        CommandRun run = aws.run("build", "requests", "--runtime", "python3.11", "--index-url",
                index.jsonApiUrl(), "--cache-dir", dir.resolve("cache").toString(), "-o", zip.toString(),
                "--publish", "deps", "--attach", "api");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(ARN_PREFIX + "layer:deps:1" + System.lineSeparator(), run.out());
        JsonNode body = AwsCommandFixture.parse(aws.server.findAll(postRequestedFor(urlEqualTo(VERSIONS))).get(0)
                .getBodyAsString());
        assertEquals("[\"python3.11\"]", body.get("CompatibleRuntimes").toString());
        String uploaded = body.get("Content").get("ZipFile").asText();
        assertEquals(Base64.getEncoder().encodeToString(Files.readAllBytes(zip)), uploaded, "the zip the build wrote");
        assertTrue(run.err().contains("attached to `api`"), run.err());
        aws.server.verify(1, putRequestedFor(urlEqualTo(FUNCTION + "/configuration")));
    }

    @Test
    void aFailedBuildCallsNoAwsApi() {
        CommandRun run = aws.run("build", "no-such-project", "--runtime", "python3.11", "--index-url",
                index.jsonApiUrl(), "--cache-dir", dir.resolve("cache").toString(), "-o", dir.resolve("x.zip").toString(),
                "--publish", "deps");

        assertEquals(ExitCodes.FAILURE, run.exitCode());
        assertTrue(run.err().startsWith("error: "), run.err());
        aws.server.verify(0, anyRequestedFor(anyUrl()));
    }
}
