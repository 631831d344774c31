package dev.pylayer.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.pylayer.publish.AwsStubs.json;
import static dev.pylayer.publish.AwsStubs.layerVersion;
import static dev.pylayer.publish.AwsStubs.listItem;
import static dev.pylayer.publish.AwsStubs.listPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pylayer.runtime.Architecture;
import dev.pylayer.runtime.LambdaRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing against WireMock stubs of the Lambda and S3 REST APIs, checking the requests' shapes. */
class LayerPublisherTest {
    private static final String VERSIONS = "/2018-10-31/layers/deps/versions";

    @TempDir
    Path dir;
    @AutoClose
    private final FakeAws aws = new FakeAws();
    private final WireMockServer server = aws.server;
    private final LayerPublisher publisher = LayerPublisher.builder(aws.lambda).s3(aws.s3).partSize(5L * 1024 * 1024)
            .build();

    private Path smallLayer() {
        return LayerZips.zip().entry("python/lib/python3.12/site-packages/demo/__init__.py", "VALUE = 1\n")
                .writeTo(dir.resolve("layer.zip"));
    }

    private void noVersionsYet() {
        server.stubFor(get(urlPathEqualTo(VERSIONS)).willReturn(json(200, listPage(null))));
    }

    private void publishAnswers(long version, String sha, List<String> runtimes, List<String> architectures) {
        server.stubFor(post(urlEqualTo(VERSIONS))
                .willReturn(json(201, layerVersion("deps", version, sha, 1234, runtimes, architectures))));
    }

    private JsonNode onlyPublishBody() {
        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo(VERSIONS)));
        assertEquals(1, requests.size());
        return AwsStubs.body(requests.get(0).getBodyAsString());
    }

    @Test
    void publishesSmallZipInsideTheRequestWithTargetsReadFromTheLayer() throws Exception {
        Path zip = smallLayer();
        noVersionsYet();
        publishAnswers(1, LayerZips.codeSha256(zip), List.of("python3.12"), List.of("x86_64", "arm64"));

        PublishResult result = publisher.publish(PublishRequest.builder(zip, LayerName.parse("deps"))
                .description("demo deps").licenseInfo("MIT").build());

        JsonNode body = onlyPublishBody();
        assertEquals(Base64.getEncoder().encodeToString(Files.readAllBytes(zip)), body.at("/Content/ZipFile").asText());
        assertEquals("[\"python3.12\"]", body.get("CompatibleRuntimes").toString());
        // Pure Python: both architectures, so the layer shows up for functions of either.
        assertEquals("[\"x86_64\",\"arm64\"]", body.get("CompatibleArchitectures").toString());
        assertEquals("demo deps", body.get("Description").asText());
        assertEquals("MIT", body.get("LicenseInfo").asText());
        assertFalse(body.has("LayerName"), "the name travels in the path");
        assertEquals(PublishResult.Outcome.PUBLISHED, result.outcome());
        assertEquals(PublishResult.Upload.DIRECT, result.upload());
        assertEquals(AwsStubs.layerVersionArn("deps", 1), result.layerVersion().layerVersionArn());
    }

    @Test
    void namedRuntimesAndArchitecturesReplaceDetectedOnes() {
        Path zip = smallLayer();
        noVersionsYet();
        publishAnswers(1, LayerZips.codeSha256(zip), List.of("python3.11", "python3.13"), List.of("arm64"));

        publisher.publish(PublishRequest.builder(zip, LayerName.parse("deps"))
                .runtimes(List.of(LambdaRuntime.PYTHON_3_13, LambdaRuntime.PYTHON_3_11))
                .architectures(List.of(Architecture.ARM64)).build());

        JsonNode body = onlyPublishBody();
        assertEquals("[\"python3.11\",\"python3.13\"]", body.get("CompatibleRuntimes").toString());
        assertEquals("[\"arm64\"]", body.get("CompatibleArchitectures").toString());
    }

    @Test
    void reusesNewestVersionWhenContentAndTargetsAreUnchanged() {
        Path zip = smallLayer();
        // Listed oldest first on purpose: the newest is found by number, not by position.
        server.stubFor(get(urlPathEqualTo(VERSIONS)).willReturn(json(200, listPage(null,
                listItem("deps", 2, List.of("python3.12"), List.of("x86_64", "arm64")),
                listItem("deps", 3, List.of("python3.12"), List.of("arm64", "x86_64"))))));
        server.stubFor(get(urlEqualTo(VERSIONS + "/3")).willReturn(json(200, layerVersion("deps", 3,
                LayerZips.codeSha256(zip), 1234, List.of("python3.12"), List.of("arm64", "x86_64")))));

        PublishResult result = publisher.publish(PublishRequest.builder(zip, LayerName.parse("deps")).build());

        assertEquals(PublishResult.Outcome.REUSED, result.outcome());
        assertEquals(3, result.layerVersion().version());
        assertEquals(PublishResult.Upload.NONE, result.upload());
        server.verify(0, postRequestedFor(urlEqualTo(VERSIONS)));
    }

    @Test
    void publishesAgainWhenOnlyTheTargetsChanged() {
        Path zip = smallLayer();
        server.stubFor(get(urlPathEqualTo(VERSIONS)).willReturn(json(200, listPage(null,
                listItem("deps", 3, List.of("python3.11"), List.of("x86_64", "arm64"))))));
        server.stubFor(get(urlEqualTo(VERSIONS + "/3")).willReturn(json(200, layerVersion("deps", 3,
                LayerZips.codeSha256(zip), 1234, List.of("python3.11"), List.of("x86_64", "arm64")))));
        publishAnswers(4, LayerZips.codeSha256(zip), List.of("python3.12"), List.of("x86_64", "arm64"));

        PublishResult result = publisher.publish(PublishRequest.builder(zip, LayerName.parse("deps")).build());

        assertEquals(PublishResult.Outcome.PUBLISHED, result.outcome());
        assertEquals(4, result.layerVersion().version());
    }

    @Test
    void forcePublishesWithoutLookingAtExistingVersions() {
        Path zip = smallLayer();
        publishAnswers(5, LayerZips.codeSha256(zip), List.of("python3.12"), List.of("x86_64", "arm64"));

        PublishResult result = publisher.publish(PublishRequest.builder(zip, LayerName.parse("deps")).force(true).build());

        assertEquals(PublishResult.Outcome.PUBLISHED, result.outcome());
        server.verify(0, getRequestedFor(urlPathEqualTo(VERSIONS)));
    }

    @Test
    void uploadsBigZipThroughS3InPartsThenPublishesFromTheObject() throws Exception {
        Path zip = LayerZips.zip().random("python/blob.bin", 12L * 1024 * 1024, 7).writeTo(dir.resolve("big.zip"));
        noVersionsYet();
        String key = "pylayer/deps/" + LayerArchive.read(zip).sha256Hex() + ".zip";
        server.stubFor(post(urlEqualTo("/artifacts/" + key + "?uploads")).willReturn(aResponse().withStatus(200)
                .withBody("<InitiateMultipartUploadResult><Bucket>artifacts</Bucket><Key>" + key
                        + "</Key><UploadId>U1</UploadId></InitiateMultipartUploadResult>")));
        server.stubFor(put(urlPathEqualTo("/artifacts/" + key))
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"etag-part\"")));
        server.stubFor(post(urlEqualTo("/artifacts/" + key + "?uploadId=U1")).willReturn(aResponse().withStatus(200)
                .withBody("<CompleteMultipartUploadResult><Bucket>artifacts</Bucket><Key>" + key
                        + "</Key><ETag>\"whole\"</ETag></CompleteMultipartUploadResult>")));
        publishAnswers(1, LayerZips.codeSha256(zip), List.of(), List.of("x86_64", "arm64"));

        PublishResult result = publisher.publish(PublishRequest.builder(zip, LayerName.parse("deps"))
                .s3("artifacts", null).build());

        List<LoggedRequest> parts = server.findAll(putRequestedFor(urlPathEqualTo("/artifacts/" + key)));
        assertEquals(List.of("1", "2", "3"), parts.stream().map(part -> part.queryParameter("partNumber").firstValue()).toList());
        assertTrue(parts.stream().allMatch(part -> part.queryParameter("uploadId").firstValue().equals("U1")));
        String complete = server.findAll(postRequestedFor(urlEqualTo("/artifacts/" + key + "?uploadId=U1")))
                .get(0).getBodyAsString();
        assertTrue(complete.contains("<PartNumber>3</PartNumber>"), complete);
        JsonNode body = onlyPublishBody();
        assertEquals("artifacts", body.at("/Content/S3Bucket").asText());
        assertEquals(key, body.at("/Content/S3Key").asText());
        assertFalse(body.get("Content").has("ZipFile"));
        assertFalse(body.has("CompatibleRuntimes"), "no python/lib/pythonX.Y folder: no runtimes declared");
        assertEquals(PublishResult.Upload.S3, result.upload());
        assertEquals("s3://artifacts/" + key, result.s3Location());
    }

    @Test
    void putsSmallZipInOneRequestUnderTheKeyGiven() {
        Path zip = smallLayer();
        noVersionsYet();
        server.stubFor(put(urlEqualTo("/artifacts/layers/deps.zip"))
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"e\"")));
        publishAnswers(1, LayerZips.codeSha256(zip), List.of("python3.12"), List.of("x86_64", "arm64"));

        publisher.publish(PublishRequest.builder(zip, LayerName.parse("deps")).s3("artifacts", "layers/deps.zip").build());

        server.verify(1, putRequestedFor(urlEqualTo("/artifacts/layers/deps.zip")));
        assertEquals("layers/deps.zip", onlyPublishBody().at("/Content/S3Key").asText());
    }

    @Test
    void refusesZipTooBigForDirectUploadBeforeAnyCall() {
        Path zip = LayerZips.zip().random("python/blob.bin", 51L * 1024 * 1024, 1).writeTo(dir.resolve("big.zip"));

        S3BucketRequiredException error = assertThrows(S3BucketRequiredException.class,
                () -> publisher.publish(PublishRequest.builder(zip, LayerName.parse("deps")).build()));

        assertTrue(error.getMessage().contains("use --s3-bucket"), error.getMessage());
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesLayerOver250MbUnzippedBeforeAnyUpload() {
        Path zip = LayerZips.zip().zeros("python/zeros.bin", 250L * 1024 * 1024 + 1).writeTo(dir.resolve("huge.zip"));

        LayerTooLargeException error = assertThrows(LayerTooLargeException.class, () -> publisher.publish(
                PublishRequest.builder(zip, LayerName.parse("deps")).s3("artifacts", null).build()));

        assertTrue(error.getMessage().contains("262144000 bytes"), error.getMessage());
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void grantsEachPermissionOnTheNewVersionAndToleratesExistingGrants() {
        Path zip = smallLayer();
        noVersionsYet();
        publishAnswers(4, LayerZips.codeSha256(zip), List.of("python3.12"), List.of("x86_64", "arm64"));
        String policy = VERSIONS + "/4/policy";
        server.stubFor(post(urlEqualTo(policy)).willReturn(json(201, "{\"Statement\":\"{}\",\"RevisionId\":\"r\"}")));
        server.stubFor(post(urlEqualTo(policy)).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
                .matchingJsonPath("$.StatementId", com.github.tomakehurst.wiremock.client.WireMock.equalTo("pylayer-public")))
                .willReturn(AwsStubs.lambdaError(409, "ResourceConflictException",
                        "The statement id (pylayer-public) provided already exists.")));

        PublishResult result = publisher.publish(PublishRequest.builder(zip, LayerName.parse("deps"))
                .permissions(List.of(LayerPermission.parse("account=210987654321"),
                        LayerPermission.parse("org=o-abcdefghij"), LayerPermission.parse("public"))).build());

        List<JsonNode> bodies = server.findAll(postRequestedFor(urlEqualTo(policy))).stream()
                .map(request -> AwsStubs.body(request.getBodyAsString())).toList();
        assertEquals(3, bodies.size());
        assertEquals("{\"StatementId\":\"pylayer-account-210987654321\",\"Action\":\"lambda:GetLayerVersion\","
                + "\"Principal\":\"210987654321\"}", bodies.get(0).toString());
        assertEquals("{\"StatementId\":\"pylayer-org-o-abcdefghij\",\"Action\":\"lambda:GetLayerVersion\","
                + "\"Principal\":\"*\",\"OrganizationId\":\"o-abcdefghij\"}", bodies.get(1).toString());
        assertEquals(List.of(false, false, true),
                result.permissions().stream().map(PermissionGrant::alreadyGranted).toList());
    }

    @Test
    void namesTheDeniedActionFromAwsMessage() {
        Path zip = smallLayer();
        noVersionsYet();
        server.stubFor(post(urlEqualTo(VERSIONS)).willReturn(AwsStubs.lambdaError(403, "AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: lambda:PublishLayerVersion on "
                        + "resource: arn:aws:lambda:us-east-1:123456789012:layer:deps because no identity-based policy "
                        + "allows the lambda:PublishLayerVersion action")));

        MissingPermissionException error = assertThrows(MissingPermissionException.class,
                () -> publisher.publish(PublishRequest.builder(zip, LayerName.parse("deps")).build()));

        assertEquals("lambda:PublishLayerVersion", error.action());
        assertTrue(error.hints().get(0).contains("`lambda:PublishLayerVersion`"), error.hints().toString());
    }

    @Test
    void namesTheCalledActionWhenS3DeniesWithoutSaying() {
        Path zip = smallLayer();
        noVersionsYet();
        server.stubFor(put(urlPathEqualTo("/artifacts/k.zip")).willReturn(AwsStubs.s3Error(403, "AccessDenied",
                "Access Denied")));

        MissingPermissionException error = assertThrows(MissingPermissionException.class, () -> publisher.publish(
                PublishRequest.builder(zip, LayerName.parse("deps")).s3("artifacts", "k.zip").build()));

        assertEquals("s3:PutObject", error.action());
        assertTrue(error.getMessage().contains("arn:aws:s3:::artifacts/k.zip"), error.getMessage());
    }

    @Test
    void sdkRetriesThrottledCalls() {
        Path zip = smallLayer();
        server.stubFor(get(urlPathEqualTo(VERSIONS)).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(AwsStubs.lambdaError(429, "TooManyRequestsException", "Rate exceeded"))
                .willSetStateTo("calm"));
        server.stubFor(get(urlPathEqualTo(VERSIONS)).inScenario("throttle").whenScenarioStateIs("calm")
                .willReturn(json(200, listPage(null))));
        publishAnswers(1, LayerZips.codeSha256(zip), List.of("python3.12"), List.of("x86_64", "arm64"));

        publisher.publish(PublishRequest.builder(zip, LayerName.parse("deps")).build());

        server.verify(2, getRequestedFor(urlPathEqualTo(VERSIONS)));
    }

    @Test
    void rejectedCredentialsAreAConfigurationProblem() {
        Path zip = smallLayer();
        server.stubFor(any(anyUrl()).willReturn(AwsStubs.lambdaError(403, "UnrecognizedClientException",
                "The security token included in the request is invalid.")));

        AwsConfigurationException error = assertThrows(AwsConfigurationException.class,
                () -> publisher.publish(PublishRequest.builder(zip, LayerName.parse("deps")).build()));

        assertTrue(error.getMessage().contains("UnrecognizedClientException"), error.getMessage());
    }
}
