package dev.pylayer.cli;

import static dev.pylayer.testdata.wheels.WheelBuilder.wheel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pylayer.testdata.index.FakeIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `pylayer build` with --slim, --slim-stubs, --exclude and --exclude-runtime-provided: options in, report out. */
class BuildSizeOptionsCommandTest {
    @TempDir
    Path dir;
    @AutoClose
    final FakeIndex index = FakeIndex.start();


    @BeforeEach
    void start() {
        index.add(wheel("mylib", "1.0").requiresDist("six")
                .file("mylib/__init__.py", "").file("mylib/core.pyi", "x: int\n")
                .file("mylib/tests/__init__.py", "").file("mylib/tests/test_x.py", "def test(): pass\n")
                .file("mylib/data/big.csv", "a,b\n".repeat(1000)));
        index.add(wheel("six", "1.16.0").file("six.py", "# six\n"));
    }

    private CommandRun run(String... options) {
        List<String> args = new ArrayList<>(List.of("build", "mylib", "--runtime", "python3.11", "--index-url",
                index.jsonApiUrl(), "--cache-dir", dir.resolve("cache").toString(), "-o", dir.resolve("layer.zip").toString()));
        args.addAll(List.of(options));
        return CommandRun.of(args);
    }

    @Test
    void leavesOutWhatTheOptionsSayAndReportsIt() throws IOException {
        Path report = dir.resolve("report.json");
        CommandRun run = run("--slim", "--slim-stubs", "--exclude", "mylib/data/**",
                "--exclude", "*.dist-info/INSTALLER",
                "--exclude-runtime-provided", "--report", report.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.err().contains("warning: left out six 1.16.0: the python3.11 runtime ships it"), run.err());
        assertTrue(run.err().matches("(?s).*Built .*layer\\.zip for python3\\.11/x86_64: 1 packages \\(1 requested\\), .*"
                + " zipped, .* unzipped \\(left out \\d+ files, .*\\), \\d+ files, in .*"), run.err());
        JsonNode excluded = new ObjectMapper().readTree(report.toFile()).get("excluded");
        assertEquals(List.of("runtime-provided", "exclude", "exclude", "slim", "slim-stubs"),
                excluded.get("rules").findValuesAsText("rule"));
        List<Integer> files = excludedFiles(excluded);
        assertTrue(files.get(0) >= 4, files.toString()); // six.py and six's dist-info
        assertEquals(List.of(1, 1, 2, 1), files.subList(1, 5));
        assertEquals(List.of("six"), excluded.get("packages").findValuesAsText("name"));
    }

    private static List<Integer> excludedFiles(JsonNode excluded) {
        List<Integer> files = new ArrayList<>();
        excluded.get("rules").forEach(rule -> files.add(rule.get("files").asInt()));
        return files;
    }

    @Test
    void aMalformedOrDangerousGlobIsAnErrorWithAHint() {
        CommandRun malformed = run("--exclude", "/abs/**");
        assertEquals(ExitCodes.FAILURE, malformed.exitCode());
        assertTrue(malformed.err().startsWith("error: the exclude pattern `/abs/**` cannot be used: it is absolute"),
                malformed.err());
        assertTrue(malformed.err().contains("hint: patterns are globs over paths relative to site-packages"),
                malformed.err());

        CommandRun dangerous = run("--exclude", "*.dist-info/**");
        assertEquals(ExitCodes.FAILURE, dangerous.exitCode());
        assertTrue(dangerous.err().contains("error: the exclude pattern `*.dist-info/**` would remove"
                + " `mylib-1.0.dist-info/METADATA`"), dangerous.err());
        assertFalse(Files.exists(dir.resolve("layer.zip")));
    }
}
