package dev.pylayer.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.pylayer.cli.AwsCommandFixture.ARN_PREFIX;
import static dev.pylayer.cli.AwsCommandFixture.json;
import static dev.pylayer.cli.AwsCommandFixture.layerVersion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LayersCommandTest {
    private static final String VERSIONS = "/2018-10-31/layers/deps/versions";

    private AwsCommandFixture aws;

    @BeforeEach
    void start() {
        aws = new AwsCommandFixture();
        String page = "{\"LayerVersions\":[" + layerVersion("deps", 3, "c2hhMw==", List.of("python3.12"), List.of("arm64"))
                + "," + layerVersion("deps", 2, "c2hhMg==", List.of("python3.12"), List.of("arm64"))
                + "," + layerVersion("deps", 1, "c2hhMQ==", List.of("python3.11"), List.of("x86_64")) + "]}";
        aws.server.stubFor(get(urlPathEqualTo(VERSIONS)).willReturn(json(200, page)));
        for (int version = 1; version <= 3; version++) {
            aws.server.stubFor(get(urlEqualTo(VERSIONS + "/" + version)).willReturn(json(200, layerVersion("deps", version,
                    "c2hh" + version, List.of(version == 1 ? "python3.11" : "python3.12"),
                    List.of(version == 1 ? "x86_64" : "arm64")))));
        }
        aws.server.stubFor(delete(urlMatching(VERSIONS + "/\\d")).willReturn(json(204, "")));
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void listShowsOneRowPerVersionNewestFirst() {
        CommandRun run = aws.run("layers", "list", "deps");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(List.of("VERSION", "CREATED", "SIZE", "RUNTIMES", "ARCHITECTURES", "CODESHA256"),
                List.of(lines.get(0).split("\\s+")));
        assertEquals(List.of("3", "2026-02-03T08:00:00.000+0000", "4.5", "KB", "python3.12", "arm64", "c2hh3"),
                List.of(lines.get(1).split("\\s+")));
        assertEquals(4, lines.size());
    }

    @Test
    void listAsJson() {
        CommandRun run = aws.run("layers", "list", "deps", "--json");

        JsonNode versions = AwsCommandFixture.parse(run.out());
        assertEquals(3, versions.size());
        assertEquals("c2hh1", versions.get(2).get("codeSha256").asText());
        assertEquals(1536, versions.get(2).get("codeSize").asLong());
        assertEquals("[\"x86_64\"]", versions.get(2).get("compatibleArchitectures").toString());
    }

    @Test
    void pruneKeepsTheNewestAndWhatTheFunctionUses() {
        aws.server.stubFor(get(urlEqualTo("/2015-03-31/functions/api")).willReturn(json(200,
                AwsCommandFixture.function("api", "Successful", ARN_PREFIX + "layer:deps:1"))));

        CommandRun run = aws.run("layers", "prune", "deps", "--keep", "1", "--function", "api");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("kept (used by api)"), run.out());
        assertTrue(run.err().contains("deleted 1 of 3 versions of `deps`"), run.err());
        aws.server.verify(1, deleteRequestedFor(urlEqualTo(VERSIONS + "/2")));
        aws.server.verify(1, deleteRequestedFor(urlMatching(".*")));
    }

    @Test
    void pruneDryRunAsJsonDeletesNothing() {
        CommandRun run = aws.run("layers", "prune", "deps", "--keep", "2", "--dry-run", "--json");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode result = AwsCommandFixture.parse(run.out());
        assertEquals("would-delete", result.get("versions").get(2).get("decision").asText());
        assertTrue(result.get("dryRun").asBoolean());
        aws.server.verify(0, deleteRequestedFor(urlMatching(".*")));
    }

    @Test
    void pruneNeedsKeep() {
        assertEquals(ExitCodes.USAGE, aws.run("layers", "prune", "deps").exitCode());
    }
}
