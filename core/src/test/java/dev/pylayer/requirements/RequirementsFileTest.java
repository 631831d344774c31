package dev.pylayer.requirements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.requirement.InvalidRequirementException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequirementsFileTest {
    static final String SHA_A = "a".repeat(64);
    static final String SHA_B = "0123456789abcdef".repeat(4);
    private static final Path HERE = Path.of("requirements.txt");

    @TempDir
    Path dir;

    static List<String> requirements(RequirementsFile file) {
        return file.requirements().stream().map(line -> line.requirement().toString()).toList();
    }

    static List<String> sources(List<RequirementLine> lines) {
        return lines.stream().map(RequirementLine::source).toList();
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    @Test
    void readsRequirementsSkippingCommentsAndBlankLines() {
        RequirementsFile file = RequirementsFile.parse("""
                # the web stack
                requests==2.31.0   # pinned for the proxy
                Flask[async]>=3 ; python_version >= "3.9"

                  urllib3<2
                foo @ https://example.com/foo-1.0-py3-none-any.whl#sha256=abc
                """, HERE);
        assertEquals(List.of("requests==2.31.0", "Flask[async]>=3; python_version >= \"3.9\"", "urllib3<2",
                "foo @ https://example.com/foo-1.0-py3-none-any.whl#sha256=abc"), requirements(file));
        assertEquals(List.of("requirements.txt:2", "requirements.txt:3", "requirements.txt:5", "requirements.txt:6"),
                sources(file.requirements()));
        assertTrue(file.warnings().isEmpty());
    }

    @Test
    void takesAHashNotAfterWhitespaceAsPartOfTheLine() {
        // pip's comment rule is `(^|\s+)#`: `1.0#x` is not a comment, so the line is not a requirement.
        RequirementsFileSyntaxException error = assertThrows(RequirementsFileSyntaxException.class,
                () -> RequirementsFile.parse("foo==1.0#x\n", HERE));
        assertEquals("requirements.txt:1", error.source().orElseThrow());
        assertInstanceOf(InvalidRequirementException.class, error.getCause());
        assertTrue(error.getMessage().contains("\n    foo==1.0#x\n"), error.getMessage());
    }

    @Test
    void joinsContinuedLinesUnderTheFirstLineNumber() {
        RequirementsFile file = RequirementsFile.parse("# hashes below \\\n"
                + "requests==2.31.0 \\\n"
                + "    --hash=sha256:" + SHA_A + " \\\n"
                + "    --hash=sha256:" + SHA_B.toUpperCase() + "\n"
                + "six\\", HERE);
        assertEquals(List.of("requests==2.31.0", "six"), requirements(file));
        assertEquals(List.of("requirements.txt:2", "requirements.txt:5"), sources(file.requirements()));
        assertEquals(List.of(new Hash("sha256", SHA_A), new Hash("sha256", SHA_B)), file.requirements().get(0).hashes());
        assertEquals("sha256:" + SHA_B, file.requirements().get(0).hashes().get(1).toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a\r\nb\r\n", "a\rb", "a\u000cb", "a\u2028b\n", "a\n\nb"})
    void splitsLinesAsPythonDoes(String content) {
        assertEquals(List.of("a", "b"), requirements(RequirementsFile.parse(content, HERE)));
    }

    @Test
    void expandsOnlyUpperCaseBracedVariablesThatAreSet() {
        Map<String, String> env = Map.of("NAME", "Flask", "VERSION", "3.0", "TOKEN", "s3cret", "EMPTY", "");
        RequirementsFile file = RequirementsFile.parse("""
                ${NAME}==${VERSION}
                --index-url https://user:${TOKEN}@pypi.example/simple
                --extra-index-url https://${EMPTY}x.example/simple
                """, HERE, env::get);
        assertEquals(List.of("Flask==3.0"), requirements(file));
        assertEquals("https://user:s3cret@pypi.example/simple", file.indexUrl().orElseThrow());
        assertEquals(List.of("https://${EMPTY}x.example/simple"), file.extraIndexUrls());
        // $NAME and ${name} are left alone, so this is not a valid requirement.
        assertThrows(RequirementsFileSyntaxException.class, () -> RequirementsFile.parse("$NAME==1", HERE, env::get));
        assertThrows(RequirementsFileSyntaxException.class, () -> RequirementsFile.parse("${name}==1", HERE, env::get));
    }

    @Test
    void followsIncludesRelativeToTheFileThatHasThem() throws IOException {
        write("sub/common.txt", "six==1.16.0\n");
        write("sub/base.txt", "-r common.txt\n--constraint ../constraints.txt\nattrs>=22\n");
        write("constraints.txt", "urllib3<2\n-r sub/common.txt\n");
        Path top = write("requirements.txt", "requests\n-r sub/base.txt\nflask\n");
        RequirementsFile file = RequirementsFile.parse(top);
        assertEquals(List.of("requests", "six==1.16.0", "six==1.16.0", "attrs>=22", "flask"), requirements(file));
        // -r inside a constraints file reads requirements again, as in pip.
        assertEquals(List.of("urllib3<2"), file.constraints().stream().map(l -> l.requirement().toString()).toList());
        assertEquals(dir.resolve("sub/common.txt") + ":1", file.requirements().get(1).source());
        assertEquals(dir.resolve("constraints.txt") + ":1", file.constraints().get(0).source());
    }

    @Test
    void refusesAFileThatIncludesItself() throws IOException {
        write("a.txt", "six\n-r b.txt\n");
        write("b.txt", "-r ./a.txt\n");
        RequirementsFileIncludeException error = assertThrows(RequirementsFileIncludeException.class,
                () -> RequirementsFile.parse(dir.resolve("a.txt")));
        assertEquals(dir.resolve("b.txt") + ":1", error.source().orElseThrow());
        assertTrue(error.getMessage().contains("includes itself"), error.getMessage());
    }

    @Test
    void allowsTheSameFileOnTwoBranches() throws IOException {
        write("d.txt", "six\n");
        write("b.txt", "-r d.txt\n");
        write("c.txt", "-r d.txt\n");
        Path top = write("a.txt", "-r b.txt\n-r c.txt\n");
        assertEquals(List.of("six", "six"), requirements(RequirementsFile.parse(top)));
    }

    @Test
    void namesTheLineOfAMissingInclude() throws IOException {
        Path top = write("requirements.txt", "six\n-r missing.txt\n");
        RequirementsFileIncludeException error = assertThrows(RequirementsFileIncludeException.class,
                () -> RequirementsFile.parse(top));
        assertEquals(top + ":2", error.source().orElseThrow());
        assertTrue(error.getMessage().contains("missing.txt"), error.getMessage());
    }

    @Test
    void readsIndexOptions() throws IOException {
        Files.createDirectories(dir.resolve("wheels"));
        Path top = write("requirements.txt", """
                -i https://first.example/simple
                --index-url=https://pypi.example/simple
                --extra-index-url https://extra.example/simple
                --extra-index https://abbreviated.example/simple
                -f ./wheels
                --find-links ./not-here
                --find-links https://links.example/
                --no-index
                --pre
                --prefer-binary
                --only-binary :all:
                --trusted-host pypi.example
                six
                """);
        RequirementsFile file = RequirementsFile.parse(top);
        assertEquals("https://pypi.example/simple", file.indexUrl().orElseThrow());
        assertEquals(List.of("https://extra.example/simple", "https://abbreviated.example/simple"), file.extraIndexUrls());
        assertEquals(List.of(dir.resolve("wheels").toString(), "./not-here", "https://links.example/"), file.findLinks());
        assertTrue(file.noIndex());
        assertTrue(file.pre());
        assertTrue(file.preferBinary());
        assertEquals(List.of("pypi.example"), file.trustedHosts());
        assertFalse(file.requireHashes());
        assertTrue(file.warnings().isEmpty(), file.warnings().toString());
    }

    @Test
    void defaultsToNoOptions() {
        RequirementsFile file = RequirementsFile.parse("six\n", HERE);
        assertTrue(file.indexUrl().isEmpty());
        assertTrue(file.extraIndexUrls().isEmpty());
        assertTrue(file.findLinks().isEmpty());
        assertFalse(file.noIndex() || file.pre() || file.requireHashes() || file.hashCheckingMode());
    }

    @Test
    void warnsAboutWhatItIgnores() {
        RequirementsFile file = RequirementsFile.parse("""
                --no-binary numpy
                six==1.16 --pre -C key=value
                --hash=sha256:%s
                --pre stray words
                """.formatted(SHA_A), HERE);
        assertTrue(file.pre(), "the option line's --pre applies; the requirement line's does not");
        List<String> warnings = file.warnings();
        assertTrue(warnings.get(0).startsWith("requirements.txt:1: --no-binary numpy is ignored"), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("requirements.txt:2: --pre on a requirement line")));
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("requirements.txt:2: --config-settings")));
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("requirements.txt:3: --hash without a requirement")));
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("requirements.txt:4: `stray words`")));
    }

    @ParameterizedTest(name = "[{0}] → {1}")
    @CsvSource(delimiter = '|', value = {
            "--unknown|no such option: --unknown",
            "--re x|ambiguous option: --re (--require-hashes, --requirement?)",
            "--pre=yes|--pre option does not take a value",
            "-r|-r option requires 1 argument",
            "-x foo|no such option: -x",
            "--index-url 'https://unterminated|No closing quotation",
            "--use-feature warp-drive|`warp-drive` is not a pip feature",
            "six --hash=sha1:abc|`sha1` is not a hash algorithm",
            "six --hash=deadbeef|needs an algorithm and a digest",
            "six --hash=sha256:abc|it needs 64 hex digits",
            "--require-hashes --no-require-hashes|mutually exclusive",
            "six=1.0|is not a valid requirement",
            "six; os_name = 'nt'|is not a valid environment marker"})
    void refusesLinesPipRefuses(String line, String message) {
        RequirementsFileSyntaxException error = assertThrows(RequirementsFileSyntaxException.class,
                () -> RequirementsFile.parse("six\n" + line + "\n", HERE));
        assertTrue(error.getMessage().contains(message), error.getMessage());
        assertFalse(error.hints().isEmpty());
        if (!message.equals("mutually exclusive")) {
            assertEquals("requirements.txt:2", error.source().orElseThrow());
            assertTrue(error.getMessage().startsWith("requirements.txt:2: "), error.getMessage());
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"-e .", "--editable git+https://github.com/org/repo#egg=repo", "six -e .",
            "https://example.com/six-1.16.0-py2.py3-none-any.whl", "git+https://github.com/org/repo.git",
            "six-1.16.0-py2.py3-none-any.whl", "./dist/six-1.16.0-py2.py3-none-any.whl", "dist/six.tar.gz[extra]",
            "--all-releases :all:", "--only-final six", "-r https://example.com/requirements.txt"})
    void refusesWhatPylayerCannotInstall(String line) {
        UnsupportedRequirementException error = assertThrows(UnsupportedRequirementException.class,
                () -> RequirementsFile.parse(line + "\n", HERE));
        assertEquals("requirements.txt:1", error.source().orElseThrow());
        assertFalse(error.hints().isEmpty());
    }

    @Test
    void pointsLocalWheelsAtNameAtUrlOrFindLinks() {
        UnsupportedRequirementException error = assertThrows(UnsupportedRequirementException.class,
                () -> RequirementsFile.parse("./dist/six-1.16.0-py2.py3-none-any.whl\n", HERE));
        assertTrue(error.hints().stream().anyMatch(h -> h.contains("name @ https://")), error.hints().toString());
        assertTrue(error.hints().stream().anyMatch(h -> h.contains("--find-links")), error.hints().toString());
    }

    @Test
    void refusesALocalProjectFolder() throws IOException {
        Files.createDirectories(dir.resolve("project"));
        Path top = write("requirements.txt", dir.resolve("project") + "\n");
        assertThrows(UnsupportedRequirementException.class, () -> RequirementsFile.parse(top));
    }

    @Test
    void refusesExtrasInConstraintsAsPipsResolverDoes() throws IOException {
        write("constraints.txt", "requests[socks]<3\n");
        Path top = write("requirements.txt", "-c constraints.txt\n");
        UnsupportedRequirementException error = assertThrows(UnsupportedRequirementException.class,
                () -> RequirementsFile.parse(top));
        assertEquals(dir.resolve("constraints.txt") + ":1", error.source().orElseThrow());
    }

    @Test
    void splitsTheMarkerAtTheFirstSemicolonAsPipDoes() {
        // packaging alone refuses `url;marker` without a space and a `;` with nothing after it; pip's file reader
        // takes the text after the first `;` as the marker, so both are fine in a requirements file.
        RequirementsFile file = RequirementsFile.parse("""
                six @ https://example.com/six-1.16.0-py2.py3-none-any.whl;python_version >= "3"
                attrs ;
                idna ; sys_platform == 'linux'
                """, HERE);
        assertEquals(List.of("six @ https://example.com/six-1.16.0-py2.py3-none-any.whl ; python_version >= \"3\"",
                "attrs", "idna; sys_platform == \"linux\""), requirements(file));
    }

    @Test
    void decodesByteOrderMarksAndCodingDeclarations() throws IOException {
        Path utf8 = dir.resolve("utf8.txt");
        Files.write(utf8, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "six\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("six"), requirements(RequirementsFile.parse(utf8)));
        Path utf16 = dir.resolve("utf16.txt");
        Files.write(utf16, "six\nattrs\n".getBytes(StandardCharsets.UTF_16));
        assertEquals(List.of("six", "attrs"), requirements(RequirementsFile.parse(utf16)));
        Path utf32 = dir.resolve("utf32.txt");
        Files.write(utf32, concat(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0},
                "six\n".getBytes(java.nio.charset.Charset.forName("UTF-32LE"))));
        assertEquals(List.of("six"), requirements(RequirementsFile.parse(utf32)));
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, "# -*- coding: latin-1 -*-\nsix ; platform_version == '\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(List.of("six; platform_version == \"\u00e9\""), requirements(RequirementsFile.parse(latin1)));
        Path broken = dir.resolve("broken.txt");
        Files.write(broken, new byte[] {'s', 'i', 'x', (byte) 0xE9, '\n'});
        RequirementsFileIncludeException error = assertThrows(RequirementsFileIncludeException.class,
                () -> RequirementsFile.parse(broken));
        assertTrue(error.hints().get(0).contains("UTF-8"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void readsSeveralFilesInOrder() throws IOException {
        Path a = write("a.txt", "six\n--pre\n");
        Path b = write("b.txt", "attrs\n");
        RequirementsFile file = RequirementsFile.parse(List.of(a, b), name -> null);
        assertEquals(List.of("six", "attrs"), requirements(file));
        assertTrue(file.pre());
    }
}
