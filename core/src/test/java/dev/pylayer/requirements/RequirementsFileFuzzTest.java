package dev.pylayer.requirements;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pylayer.FuzzInputs;
import dev.pylayer.requirement.MarkerEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Requirements-file lines: any content either reads or fails with a {@link RequirementsFileException} that
 * names the line. Includes point into a folder that does not exist, so the target reads nothing from disk.
 * How to fuzz by hand: see {@code VersionFuzzTest}, with {@code -Dtest='RequirementsFileFuzzTest#lines'}.
 */
class RequirementsFileFuzzTest {
    private static final Path LOCATION = Path.of("no-such-folder-for-fuzzing", "requirements.txt");
    private static final Map<String, String> ENVIRONMENT = Map.of("VERSION", "1.0", "EMPTY", "");
    private static final MarkerEnvironment LAMBDA = new MarkerEnvironment("cpython", "3.12.0", "posix", "x86_64",
            "CPython", "5.10.227", "Linux", "#1 SMP", "3.12.0", "3.12", "linux");
    static final List<String> FRAGMENTS = List.of("requests==2.31.0", "six", "Foo[bar]>=1", " ; python_version >= '3.8'",
            "\n", "\n", "\r\n", " \\\n", " # comment", "#", " ", "\t", "--hash=sha256:" + "a".repeat(64), " --hash ",
            "sha256:" + "b".repeat(64), "-r other.txt", "-c constraints.txt", "-e .", "--index-url https://i/simple",
            "-i", "--extra-index-url=", "-f ./wheels", "--no-index", "--pre", "--require-hashes", "--no-require-hashes",
            "--only-binary :all:", "--no-binary", "--prefer-binary", "--trusted-host h", "--use-feature fast-deps",
            "-C k=v", "--unknown", "--re", "${VERSION}", "${EMPTY}", "$", "'", "\"", "\\", "name @ https://x/a.whl",
            "./dist/a-1.0-py3-none-any.whl", "https://x/a.whl", "==", "--", "-");

    @FuzzTest(maxDuration = "60s")
    @DictionaryEntries({"--hash=sha256:", "-r ", "-c ", "--index-url ", "--pre", "--require-hashes", " \\", " #",
            "${", "}", "; ", " @ "})
    void lines(byte[] input) {
        check(new String(input, StandardCharsets.UTF_8));
    }

    @Test
    void survivesGeneratedFiles() {
        FuzzInputs.of(2026, FRAGMENTS).feed(10_000, 12, RequirementsFileFuzzTest::check);
    }

    static void check(String content) {
        try {
            RequirementsFile file = RequirementsFile.parse(content, LOCATION, ENVIRONMENT::get);
            file.hashCheckingMode();
            file.validateHashCheckingMode(LAMBDA);
        } catch (RequirementsFileException e) {
            assertTrue(e.getMessage().length() > 0);
        } catch (dev.pylayer.requirement.MarkerEvaluationException e) {
            // a marker that cannot be evaluated, met while checking which requirements need hashes
            assertTrue(e.getMessage().startsWith("cannot evaluate"));
        }
    }
}
