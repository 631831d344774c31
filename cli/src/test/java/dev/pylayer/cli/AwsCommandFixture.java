package dev.pylayer.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Runs pylayer commands against a WireMock stand-in for Lambda and S3 (through {@code --endpoint-url}), with
 * keys from the SDK's default chain (its {@code aws.accessKeyId} system properties).
 */
final class AwsCommandFixture implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ARN_PREFIX = "arn:aws:lambda:us-east-1:123456789012:";


    final WireMockServer server = new WireMockServer(options().dynamicPort());

    AwsCommandFixture() {
        server.start();
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "secret");
    }

    CommandRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--region", "us-east-1", "--endpoint-url", server.baseUrl()));
        return CommandRun.of(all);
    }

    @Override
    public void close() {
        server.stop();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    static Path layerZip(Path file, String entry, String content) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static ObjectNode layerVersion(String name, long version, String sha, List<String> runtimes, List<String> arches) {
        ObjectNode node = JSON.createObjectNode();
        node.put("LayerArn", ARN_PREFIX + "layer:" + name).put("LayerVersionArn", ARN_PREFIX + "layer:" + name + ":" + version)
                .put("Version", version).put("CreatedDate", "2026-02-0" + version + "T08:00:00.000+0000");
        node.putObject("Content").put("CodeSha256", sha).put("CodeSize", 1536 * version);
        runtimes.forEach(node.putArray("CompatibleRuntimes")::add);
        arches.forEach(node.putArray("CompatibleArchitectures")::add);
        return node;
    }

    static String function(String name, String status, String... layerArns) {
        ObjectNode response = JSON.createObjectNode();
        ObjectNode config = response.putObject("Configuration");
        config.put("FunctionName", name).put("FunctionArn", ARN_PREFIX + "function:" + name).put("Runtime", "python3.12")
                .put("CodeSize", 1000).put("RevisionId", "rev").put("LastUpdateStatus", status).put("PackageType", "Zip");
        config.putArray("Architectures").add("x86_64");
        var layers = config.putArray("Layers");
        for (String arn : layerArns) {
            layers.addObject().put("Arn", arn).put("CodeSize", 1000);
        }
        return response.toString();
    }

    static ResponseDefinitionBuilder json(int status, Object body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body.toString());
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
