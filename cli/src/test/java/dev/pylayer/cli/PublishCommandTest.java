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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishCommandTest {
    private static final String VERSIONS = "/2018-10-31/layers/deps/versions";

    @TempDir
    Path dir;
    private AwsCommandFixture aws;
    private Path zip;
    private String sha;

    @BeforeEach
    void start() throws Exception {
        aws = new AwsCommandFixture();
        zip = AwsCommandFixture.layerZip(dir.resolve("layer.zip"), "python/lib/python3.12/site-packages/d.py", "D = 1\n");
        sha = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip)));
        aws.server.stubFor(get(urlPathEqualTo(VERSIONS)).willReturn(json(200, "{\"LayerVersions\":[]}")));
        aws.server.stubFor(post(urlEqualTo(VERSIONS)).willReturn(json(201,
                layerVersion("deps", 1, sha, List.of("python3.12"), List.of("x86_64", "arm64")))));
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void printsTheLayerVersionArnOnStdout() {
        CommandRun run = aws.run("publish", zip.toString(), "--name", "deps", "--description", "deps of api");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(ARN_PREFIX + "layer:deps:1" + System.lineSeparator(), run.out());
        assertTrue(run.err().contains("published version 1"), run.err());
        JsonNode body = AwsCommandFixture.parse(aws.server.findAll(postRequestedFor(urlEqualTo(VERSIONS))).get(0)
                .getBodyAsString());
        assertEquals("deps of api", body.get("Description").asText());
        assertEquals("[\"python3.12\"]", body.get("CompatibleRuntimes").toString());
    }

    @Test
    void saysSoWhenItReusesTheUnchangedVersion() {
        aws.server.stubFor(get(urlPathEqualTo(VERSIONS)).willReturn(json(200, "{\"LayerVersions\":["
                + layerVersion("deps", 3, sha, List.of("python3.12"), List.of("x86_64", "arm64")) + "]}")));
        aws.server.stubFor(get(urlEqualTo(VERSIONS + "/3")).willReturn(json(200,
                layerVersion("deps", 3, sha, List.of("python3.12"), List.of("x86_64", "arm64")))));

        CommandRun run = aws.run("publish", zip.toString(), "--name", "deps");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(ARN_PREFIX + "layer:deps:3" + System.lineSeparator(), run.out());
        assertTrue(run.err().contains("unchanged: reusing version 3"), run.err());
        aws.server.verify(0, postRequestedFor(urlEqualTo(VERSIONS)));
    }

    @Test
    void attachesAndPrintsTheWholeResultAsJson() {
        String function = "/2015-03-31/functions/api";
        aws.server.stubFor(get(urlEqualTo(function)).inScenario("f").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, AwsCommandFixture.function("api", "Successful", ARN_PREFIX + "layer:deps:0"))));
        aws.server.stubFor(put(urlEqualTo(function + "/configuration")).inScenario("f").willReturn(json(200, "{}"))
                .willSetStateTo("updated"));
        aws.server.stubFor(get(urlEqualTo(function)).inScenario("f").whenScenarioStateIs("updated")
                .willReturn(json(200, AwsCommandFixture.function("api", "Successful", ARN_PREFIX + "layer:deps:1"))));

        CommandRun run = aws.run("publish", zip.toString(), "--name", "deps", "--attach", "api", "--json");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode result = AwsCommandFixture.parse(run.out());
        assertEquals(ARN_PREFIX + "layer:deps:1", result.get("layerVersionArn").asText());
        assertEquals("published", result.get("outcome").asText());
        assertEquals("direct", result.get("upload").asText());
        assertEquals(sha, result.get("codeSha256").asText());
        JsonNode attachment = result.get("attachments").get(0);
        assertEquals("replaced", attachment.get("outcome").asText());
        assertEquals(ARN_PREFIX + "layer:deps:0", attachment.get("replacedLayerVersionArn").asText());
        assertTrue(run.err().contains("attached to `api`, replacing"), run.err());
        aws.server.verify(1, putRequestedFor(urlEqualTo(function + "/configuration")));
    }

    @Test
    void badInputFailsBeforeAnyAwsCall() {
        CommandRun runtime = aws.run("publish", zip.toString(), "--name", "deps", "--runtime", "python2.7");
        CommandRun name = aws.run("publish", zip.toString(), "--name", "my.layer");
        CommandRun description = aws.run("publish", zip.toString(), "--name", "deps", "--description",
                "x".repeat(257));
        CommandRun permission = aws.run("publish", zip.toString(), "--name", "deps", "--permission", "everyone");

        assertEquals(ExitCodes.USAGE, runtime.exitCode());
        assertTrue(runtime.err().startsWith("error: Invalid value for option '--runtime'"), runtime.err());
        assertTrue(runtime.err().contains("`python2.7` is not a Lambda Python runtime"), runtime.err());
        assertTrue(name.err().startsWith("error: `my.layer` is not a valid layer name"), name.err());
        assertTrue(description.err().contains("Lambda allows at most 256"), description.err());
        assertTrue(permission.err().contains("hint: use `account=123456789012`"), permission.err());
        aws.server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aZipTooBigForDirectUploadAsksForABucket() throws Exception {
        Path big = dir.resolve("big.zip");
        byte[] noise = new byte[51 * 1024 * 1024];
        new java.util.Random(3).nextBytes(noise);
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(big))) {
            out.setLevel(java.util.zip.Deflater.NO_COMPRESSION);
            out.putNextEntry(new java.util.zip.ZipEntry("python/blob.bin"));
            out.write(noise);
            out.closeEntry();
        }

        CommandRun run = aws.run("publish", big.toString(), "--name", "deps");

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("use --s3-bucket"), run.err());
        aws.server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void uploadsThroughTheBucketWithPathStyleAddressingOnTheEndpoint() {
        aws.server.stubFor(put(urlEqualTo("/artifacts/layers/deps.zip"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                        .withHeader("ETag", "\"e\"")));

        CommandRun run = aws.run("publish", zip.toString(), "--name", "deps", "--s3-bucket", "artifacts",
                "--s3-key", "layers/deps.zip");

        assertEquals(0, run.exitCode(), run.err());
        aws.server.verify(1, putRequestedFor(urlEqualTo("/artifacts/layers/deps.zip")));
        JsonNode body = AwsCommandFixture.parse(aws.server.findAll(postRequestedFor(urlEqualTo(VERSIONS))).get(0)
                .getBodyAsString());
        assertEquals("artifacts", body.at("/Content/S3Bucket").asText());
        assertTrue(run.err().contains("via s3://artifacts/layers/deps.zip"), run.err());
    }

    @Test
    void theNameIsRequired() {
        CommandRun run = aws.run("publish", zip.toString());

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("--name"), run.err());
    }
}
