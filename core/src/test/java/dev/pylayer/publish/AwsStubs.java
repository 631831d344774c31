package dev.pylayer.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * SDK clients pointed at a WireMock server, and the JSON shapes of the Lambda REST API (2015-03-31 functions,
 * 2018-10-31 layers) for its stubs.
 */
final class AwsStubs {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";

    private AwsStubs() {
    }

    static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));
    }

    static LambdaClient lambda(WireMockServer server) {
        return LambdaClient.builder().endpointOverride(URI.create(server.baseUrl())).region(Region.of(REGION))
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    static S3Client s3(WireMockServer server) {
        return S3Client.builder().endpointOverride(URI.create(server.baseUrl())).region(Region.of(REGION))
                .forcePathStyle(true).credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Polls every 10 ms, at most 50 times, so waiting tests stay fast. */
    static WaiterOverrideConfiguration quickWaiter() {
        return WaiterOverrideConfiguration.builder().maxAttempts(50)
                .backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(10))).build();
    }

    static String layerArn(String name) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":layer:" + name;
    }

    static String layerVersionArn(String name, long version) {
        return layerArn(name) + ":" + version;
    }

    static String functionArn(String name) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + name;
    }

    /** A GetLayerVersion / PublishLayerVersion answer. */
    static String layerVersion(String name, long version, String codeSha256, long codeSize, List<String> runtimes,
            List<String> architectures) {
        ObjectNode node = listItem(name, version, runtimes, architectures);
        node.put("LayerArn", layerArn(name));
        node.putObject("Content").put("Location", "https://awslambda.example/snapshots/" + name)
                .put("CodeSha256", codeSha256).put("CodeSize", codeSize);
        return node.toString();
    }

    static ObjectNode listItem(String name, long version, List<String> runtimes, List<String> architectures) {
        ObjectNode node = JSON.createObjectNode();
        node.put("LayerVersionArn", layerVersionArn(name, version)).put("Version", version)
                .put("CreatedDate", "2026-01-0" + Math.min(9, version) + "T10:00:00.000+0000").put("Description", "v" + version);
        runtimes.forEach(node.putArray("CompatibleRuntimes")::add);
        architectures.forEach(node.putArray("CompatibleArchitectures")::add);
        return node;
    }

    /** A ListLayerVersions page; {@code nextMarker} may be null. */
    static String listPage(String nextMarker, ObjectNode... items) {
        ObjectNode page = JSON.createObjectNode();
        ArrayNode versions = page.putArray("LayerVersions");
        for (ObjectNode item : items) {
            versions.add(item);
        }
        if (nextMarker != null) {
            page.put("NextMarker", nextMarker);
        }
        return page.toString();
    }

    /** A GetFunction answer for a zip function. */
    static String function(String name, String runtime, String architecture, long codeSize, String lastUpdateStatus,
            String reason, Object... layerArnsAndSizes) {
        ObjectNode response = JSON.createObjectNode();
        ObjectNode config = response.putObject("Configuration");
        config.put("FunctionName", name).put("FunctionArn", functionArn(name)).put("Runtime", runtime)
                .put("CodeSize", codeSize).put("RevisionId", "rev-1").put("State", "Active")
                .put("LastUpdateStatus", lastUpdateStatus).put("PackageType", "Zip");
        if (reason != null) {
            config.put("LastUpdateStatusReason", reason);
        }
        config.putArray("Architectures").add(architecture);
        ArrayNode layers = config.putArray("Layers");
        for (int i = 0; i < layerArnsAndSizes.length; i += 2) {
            layers.addObject().put("Arn", (String) layerArnsAndSizes[i]).put("CodeSize", (Long) layerArnsAndSizes[i + 1]);
        }
        response.putObject("Code").put("RepositoryType", "S3").put("Location", "https://awslambda.example/fn");
        return response.toString();
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** A Lambda error as the service sends it: the type in x-amzn-ErrorType, the message in the body. */
    static ResponseDefinitionBuilder lambdaError(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", type)
                .withBody(JSON.createObjectNode().put("Type", "User").put("message", message).toString());
    }

    static ResponseDefinitionBuilder s3Error(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/xml")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                        + "</Message><RequestId>R1</RequestId></Error>");
    }

    static JsonNode body(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
