package dev.pylayer.cli;

import static dev.pylayer.testdata.files.Folders.names;
import static dev.pylayer.testdata.wheels.WheelBuilder.wheel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pylayer.testdata.index.FakeIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pylayer build} as a user meets it: exit codes, what lands on stdout/stderr, and what lands on disk. */
class BuildCommandTest {

    @TempDir
    Path temp;
    @AutoClose
    final FakeIndex index = FakeIndex.start();
    Path out;

    @BeforeEach
    void start() throws IOException {
        out = Files.createDirectories(temp.resolve("out"));
        index.add(wheel("requests", "2.32.3").requiresDist("idna>=2").file("requests/__init__.py", "\n"));
        index.add(wheel("idna", "3.7").file("idna/__init__.py", "\n"));
        index.add(wheel("six", "1.16.0").file("six.py", "\n"));
        index.add(wheel("numpy", "2.1.0").tag("cp311-cp311-manylinux_2_28_x86_64").file("numpy/__init__.py", "\n"));
        index.add(wheel("numpy", "2.1.0").tag("cp312-cp312-manylinux_2_28_x86_64").file("numpy/__init__.py", "\n"));
    }

    /**
     * Runs {@code pylayer build ARGS} in this JVM with a test cache folder (and python3.11 unless ARGS name a
     * runtime); the index is the caller's to give.
     */
    private CommandRun build(String... args) {
        List<String> all = new ArrayList<>(List.of("build", "--cache-dir", temp.resolve("cache").toString()));
        if (!List.of(args).contains("--runtime")) {
            all.addAll(List.of("--runtime", "python3.11"));
        }
        all.addAll(List.of(args));
        return CommandRun.of(all);
    }

    @Test
    void buildsTheLayerAndSummarizesIt() throws IOException {
        Path zip = out.resolve("layer.zip");
        CommandRun run = build("requests", "--index-url", index.jsonApiUrl(), "-o", zip.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.out(), "stdout is kept for what scripts read (the ARN with --publish)");
        assertTrue(run.err().startsWith("Built " + zip + " for python3.11/x86_64: 2 packages (1 requested)"), run.err());
        assertTrue(run.err().contains("sha256 "), run.err());
        assertFalse(run.err().contains("\r"), "no live progress when stderr is not a terminal");
        assertEquals(List.of("layer.zip"), names(out));
    }

    @Test
    void quietPrintsNothing() {
        CommandRun run = build("six", "-q", "--index-url", index.jsonApiUrl(),
                "-o", out.resolve("layer.zip").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
    }

    @Test
    void aFailureIsOneParagraphOnStderrAndLeavesNoFile() throws IOException {
        CommandRun run = build("requests", "nope", "--index-url", index.jsonApiUrl(),
                "-o", out.resolve("layer.zip").toString());
        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("error: `nope` was not found on " + index.jsonApiUrl()), run.err());
        assertTrue(run.err().contains(System.lineSeparator() + "hint: check the spelling"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace without --verbose:\n" + run.err());
        assertFalse(run.err().strip().contains(System.lineSeparator() + System.lineSeparator()), "one paragraph");
        assertEquals(List.of(), names(out), "neither the zip nor a temporary file");
    }

    @Test
    void aFailureLeavesAnExistingOutputUntouched() throws IOException {
        Path existing = Files.writeString(out.resolve("layer.zip"), "yesterday's layer");
        CommandRun run = build("numpy", "--index-url", index.jsonApiUrl(), "-o", existing.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("error: no version of `numpy` can be installed for python3.11"), run.err());
        assertTrue(run.err().contains("glibc 2.28"), run.err());
        assertTrue(run.err().contains("hint: use --runtime python3.12"), run.err());
        assertEquals(List.of("layer.zip"), names(out));
        assertEquals("yesterday's layer", Files.readString(existing));
    }

    @Test
    void verboseAddsTheStackTrace() {
        CommandRun run = build("nope", "--verbose", "--index-url", index.jsonApiUrl(),
                "-o", out.resolve("layer.zip").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("error: `nope` was not found"), run.err());
        assertTrue(run.err().contains("\tat dev.pylayer."), run.err());
    }

    @Test
    void writesTheReport() throws IOException {
        Path report = out.resolve("report.json");
        CommandRun run = build("requests", "--index-url", index.simpleUrl(), "-o", out.resolve("layer.zip").toString(),
                "--report", report.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertEquals("python3.11", json.get("runtime").asText());
        assertEquals("x86_64", json.get("arch").asText());
        assertEquals(2, json.get("packages").size());
        JsonNode idna = json.get("packages").get(0);
        for (String field : List.of("name", "version", "filename", "url", "sha256", "size")) {
            assertTrue(idna.has(field), field + " in " + idna);
        }
        assertEquals("idna", idna.get("name").asText());
        assertEquals(index.fileUrl("idna-3.7-py3-none-any.whl"), idna.get("url").asText());
        assertEquals(Files.size(out.resolve("layer.zip")), json.get("layer").get("size").asLong());
        for (String field : List.of("sha256", "size", "uncompressed_size", "files")) {
            assertTrue(json.get("layer").has(field), field);
        }
        assertEquals(List.of("layer.zip", "report.json"), names(out));
    }

    @Test
    void readsARequirementsFileWithItsOwnIndexUrl() throws IOException {
        Path requirements = Files.writeString(temp.resolve("requirements.txt"),
                "# the layer\n--index-url " + index.simpleUrl() + "\nrequests  # with idna\n", StandardCharsets.UTF_8);
        CommandRun run = build("-r", requirements.toString(), "-o", out.resolve("layer.zip").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("2 packages (1 requested)"), run.err());
        assertTrue(index.requestsTo("/simple/requests/") > 0);
    }

    @Test
    void buildsFromAFolderOfWheelsWithoutAnIndex() throws IOException {
        Path wheels = temp.resolve("wheels");
        wheel("local", "1.0").file("local.py", "\n").writeTo(wheels);
        CommandRun run = build("local", "--no-index", "-f", wheels.toString(),
                "-o", out.resolve("layer.zip").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("1 packages (1 requested)"), run.err());
    }

    @Test
    void attachWithoutPublishIsAUsageError() {
        CommandRun run = build("six", "--attach", "my-function", "--index-url", index.jsonApiUrl(),
                "-o", out.resolve("layer.zip").toString());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("--attach needs --publish"), run.err());
        assertEquals(0, index.requestsTo("/pypi/six/json"), "nothing is built");
    }

    @Test
    void anUnknownRuntimeNamesTheSupportedOnes() {
        CommandRun run = build("six", "--runtime", "python2.7", "--index-url", index.jsonApiUrl());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("error: "), run.err());
        assertTrue(run.err().contains("python3.12"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void requirementsInAnotherOrderGiveTheSameBytes() throws IOException {
        assertEquals(0, build("six", "requests", "--index-url", index.jsonApiUrl(), "-o", out.resolve("a.zip").toString())
                .exitCode());
        assertEquals(0, build("requests", "six", "--no-cache", "--index-url", index.simpleUrl(),
                "-o", out.resolve("b.zip").toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(out.resolve("a.zip")), Files.readAllBytes(out.resolve("b.zip")));
    }

    /** picocli reads {@code ${env:PYLAYER_INDEX_URL}}; an environment can only be given to a new process. */
    @Test
    void takesTheIndexFromPylayerIndexUrl() throws Exception {
        Path zip = out.resolve("layer.zip");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "build", "six", "--runtime",
                "python3.11", "-o", zip.toString()).redirectErrorStream(true);
        builder.environment().put("PYLAYER_INDEX_URL", index.jsonApiUrl());
        builder.environment().put("PYLAYER_CACHE_DIR", temp.resolve("env-cache").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, process.exitValue(), output);
        assertTrue(Files.isRegularFile(zip));
        assertTrue(index.requestsTo("/pypi/six/json") > 0, "the index came from the environment");
        assertTrue(Files.isDirectory(temp.resolve("env-cache")), "and the cache folder too");
    }
}
