package dev.pylayer.requirements;

import static dev.pylayer.requirements.RequirementsFileTest.SHA_A;
import static dev.pylayer.requirements.RequirementsFileTest.SHA_B;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.name.PackageName;
import dev.pylayer.requirement.MarkerEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HashCheckingModeTest {
    private static final Path HERE = Path.of("requirements.txt");
    private static final MarkerEnvironment LAMBDA = new MarkerEnvironment("cpython", "3.12.0", "posix", "x86_64",
            "CPython", "5.10.227", "Linux", "#1 SMP", "3.12.0", "3.12", "linux");

    private static RequirementsFile parse(String content) {
        return RequirementsFile.parse(content.replace("$A", SHA_A).replace("$B", SHA_B).replace("$N", "\n"), HERE);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "six==1.16.0|false",
            "six==1.16.0 --hash=sha256:$A|true",
            "--require-hashes|true",
            "--no-require-hashes$Nsix==1.16.0 --hash=sha256:$A|false",
            "--no-require-hashes$N--pre|false"})
    void turnsOnAsPipDoes(String content, boolean on) {
        assertEquals(on, parse(content).hashCheckingMode());
    }

    @Test
    void acceptsPinnedHashedRequirements() {
        RequirementsFile file = parse("""
                six==1.16.0 --hash=sha256:$A --hash=sha256:$B
                attrs===23.1.0 --hash=sha256:$A
                wheelie @ https://example.com/wheelie-1.0-py3-none-any.whl --hash=sha256:$A
                windows-only==1.0 ; sys_platform == 'win32'
                """);
        assertTrue(file.hashCheckingMode());
        assertDoesNotThrow(() -> file.validateHashCheckingMode(LAMBDA));
    }

    @Test
    void namesEveryRequirementWithoutAHash() {
        RequirementsFile file = parse("""
                six==1.16.0 --hash=sha256:$A
                attrs==23.1.0
                idna==3.4 ; python_version >= '3.8'
                """);
        HashCheckingException error = assertThrows(HashCheckingException.class,
                () -> file.validateHashCheckingMode(LAMBDA));
        assertEquals(List.of("requirements.txt:2", "requirements.txt:3"),
                error.offending().stream().map(RequirementLine::source).toList());
        assertTrue(error.getMessage().contains("have no --hash:\n    requirements.txt:2: attrs==23.1.0"), error.getMessage());
        assertFalse(error.hints().isEmpty());
        assertTrue(error.source().isEmpty());
    }

    @ParameterizedTest(name = "[{0}] is not pinned")
    @CsvSource(delimiter = '|', value = {"six>=1.16", "six==1.*", "six>=1,==1.16.0", "six"})
    void requiresAnExactPin(String requirement) {
        // pip's is_pinned: exactly one clause, == or === (it counts ==1.* as pinned, as pip does).
        RequirementsFile file = parse(requirement + " --hash=sha256:$A\n");
        if (requirement.equals("six==1.*")) {
            assertDoesNotThrow(() -> file.validateHashCheckingMode(LAMBDA));
            return;
        }
        HashCheckingException error = assertThrows(HashCheckingException.class,
                () -> file.validateHashCheckingMode(LAMBDA));
        assertTrue(error.getMessage().contains("not pinned with ==:\n    requirements.txt:1: six"),
                error.getMessage());
    }

    @Test
    void requiresHashesEverywhereWithRequireHashes() {
        HashCheckingException error = assertThrows(HashCheckingException.class,
                () -> parse("--require-hashes\nsix==1.16.0\n").validateHashCheckingMode(LAMBDA));
        assertTrue(error.getMessage().contains("(--require-hashes)"), error.getMessage());
    }

    @Test
    void takesHashesFromConstraints(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String requirements = "six==1.16.0 --hash=sha256:" + SHA_A + "\nattrs\n";
        assertThrows(HashCheckingException.class,
                () -> RequirementsFile.parse(requirements, HERE).validateHashCheckingMode(LAMBDA));
        // With a constraint's hashes, an unpinned requirement is fine: pip pins it to the version it finds.
        java.nio.file.Files.writeString(dir.resolve("constraints.txt"), "attrs==23.1.0 --hash=sha256:" + SHA_B + "\n");
        RequirementsFile constrained = RequirementsFile.parse("-c constraints.txt\n" + requirements,
                dir.resolve("requirements.txt"));
        assertDoesNotThrow(() -> constrained.validateHashCheckingMode(LAMBDA));
    }

    @Test
    void intersectsRequirementAndConstraintHashes(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("constraints.txt"),
                "six==1.16.0 --hash=sha256:" + SHA_B + "\nattrs==23.1.0 --hash=sha256:" + SHA_A + "\n");
        RequirementsFile file = RequirementsFile.parse("""
                -c constraints.txt
                six==1.16.0 --hash=sha256:%s --hash=sha256:%s
                attrs
                idna==3.4 --hash=sha256:%s
                """.formatted(SHA_A, SHA_B, SHA_A), dir.resolve("requirements.txt"));
        assertEquals(Set.of(new Hash("sha256", SHA_B)), file.hashesFor(PackageName.of("six")));
        assertEquals(Set.of(new Hash("sha256", SHA_A)), file.hashesFor(PackageName.of("attrs")));
        assertEquals(Set.of(new Hash("sha256", SHA_A)), file.hashesFor(PackageName.of("IDNA")));
        assertEquals(Set.of(), file.hashesFor(PackageName.of("urllib3")));
        assertDoesNotThrow(() -> file.validateHashCheckingMode(LAMBDA));
    }

    @Test
    void doesNothingOutsideHashCheckingMode() {
        assertDoesNotThrow(() -> parse("six>=1\nattrs\n").validateHashCheckingMode(LAMBDA));
    }
}
