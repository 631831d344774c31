package dev.pylayer.wheel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.name.PackageName;
import dev.pylayer.testdata.wheels.WheelBuilder;
import dev.pylayer.version.Version;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoreMetadataTest {

    private static CoreMetadata parse(String text) {
        return CoreMetadata.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheFieldsTheResolverNeeds() {
        CoreMetadata metadata = parse("""
                Metadata-Version: 2.1
                Name: Requests
                Version: 2.32.3
                Summary: Python HTTP for Humans.
                Requires-Python: >=3.8
                Provides-Extra: socks
                Provides-Extra: use-chardet-on-py3
                Requires-Dist: charset-normalizer<4,>=2
                Requires-Dist: idna<4,>=2.5
                Requires-Dist: PySocks!=1.5.7,>=1.5.6; extra == "socks"

                Requests is an elegant and simple HTTP library.
                Requires-Dist: not-a-header-this-is-the-body
                """);
        assertEquals("2.1", metadata.metadataVersion());
        assertEquals(PackageName.of("requests"), metadata.name());
        assertEquals("Requests", metadata.name().display());
        assertEquals(Version.parse("2.32.3"), metadata.version());
        assertEquals("2.32.3", metadata.versionText());
        assertEquals(Optional.of(">=3.8"), metadata.requiresPython());
        assertEquals(List.of("socks", "use-chardet-on-py3"), metadata.providesExtra());
        assertEquals(List.of("charset-normalizer<4,>=2", "idna<4,>=2.5", "PySocks!=1.5.7,>=1.5.6; extra == \"socks\""),
                metadata.requiresDist());
        assertEquals(Optional.of("Python HTTP for Humans."), metadata.header("summary"));
    }

    @Test
    void unfoldsContinuationLinesAsEmailDoes() {
        CoreMetadata metadata = parse("Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n"
                + "Requires-Dist: idna (>=2.5,\n  <4)\nSummary: one\n\ttwo\n");
        assertEquals(List.of("idna (>=2.5,  <4)"), metadata.requiresDist());
        assertEquals(Optional.of("one\ttwo"), metadata.header("Summary"));
    }

    @Test
    void stopsAtTheFirstLineThatIsNotAHeaderAsEmailDoes() {
        CoreMetadata metadata = parse("Metadata-Version: 2.1\nName: demo\nVersion: 1.0\nthis is not a header\n"
                + "Requires-Dist: lost\n");
        assertEquals(List.of(), metadata.requiresDist());
    }

    @Test
    void readsCarriageReturnLineEndsAndIgnoresHeadersWithoutName() {
        CoreMetadata metadata = parse("Metadata-Version: 2.1\r\n: nothing\r\nName: demo\r\nVersion: 1.0\r\n"
                + "Requires-Dist: a\r\n\r\nRequires-Dist: body\r\n");
        assertEquals(List.of("a"), metadata.requiresDist());
        assertEquals(Set.of("Metadata-Version", "Name", "Version", "Requires-Dist"), metadata.headerNames());
    }

    @Test
    void fallsBackToLatin1ForLinesThatAreNotUtf8() {
        byte[] head = "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n".getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "Author: Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf8 = "Summary: caf\u00e9\n".getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes(head);
        bytes.writeBytes(latin1);
        bytes.writeBytes(utf8);
        CoreMetadata metadata = CoreMetadata.parse(bytes.toByteArray());
        assertEquals(Optional.of("Jos\u00e9"), metadata.header("Author"));
        assertEquals(Optional.of("caf\u00e9"), metadata.header("Summary"));
    }

    @Test
    void skipsAByteOrderMark() {
        byte[] text = "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xef;
        withBom[1] = (byte) 0xbb;
        withBom[2] = (byte) 0xbf;
        System.arraycopy(text, 0, withBom, 3, text.length);
        assertEquals("demo", CoreMetadata.parse(withBom).name().display());
    }

    @Test
    void readsWhatWheelBuilderWrites() {
        byte[] bytes = WheelBuilder.wheel("Demo.Pkg", "1.0rc1").requiresPython(">=3.9")
                .requiresDist("idna>=2; extra == 'net'").providesExtra("net").metadata();
        CoreMetadata metadata = CoreMetadata.parse(bytes);
        assertEquals("demo-pkg", metadata.name().normalized());
        assertEquals(List.of("idna>=2; extra == 'net'"), metadata.requiresDist());
        assertEquals(List.of("net"), metadata.providesExtra());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "Name: demo\\nVersion: 1.0\\n|`Metadata-Version`",
            "Metadata-Version: 2.1\\nVersion: 1.0\\n|`Name`",
            "Metadata-Version: 2.1\\nName: demo\\n|`Version`",
            "Metadata-Version: 2.1\\nName: demo\\nVersion:\\n|`Version`",
            "Metadata-Version: 2.1\\nName: -demo-\\nVersion: 1.0\\n|`Name: -demo-`",
            "Metadata-Version: 2.1\\nName: demo\\nVersion: 1.x\\n|`Version: 1.x`",
            "\\nMetadata-Version: 2.1\\nName: demo\\nVersion: 1.0\\n|`Metadata-Version`"})
    void refusesMetadataWithoutValidRequiredFields(String text, String named) {
        InvalidMetadataException error = assertThrows(InvalidMetadataException.class,
                () -> parse(text.replace("\\n", "\n")));
        assertTrue(error.getMessage().contains(named), error.getMessage());
        assertEquals("METADATA", error.file());
    }

    @Test
    void readsTheWheelFile() {
        WheelInfo info = WheelInfo.parse("""
                Wheel-Version: 1.0
                Generator: bdist_wheel (0.45.1)
                Root-Is-Purelib: false
                Tag: cp311-cp311-manylinux_2_17_x86_64
                Tag: cp311-cp311-manylinux2014_x86_64
                Build: 2
                """.getBytes(StandardCharsets.UTF_8));
        assertEquals("1.0", info.wheelVersion());
        assertEquals(List.of(1, 0), info.wheelVersionParts());
        assertEquals(false, info.rootIsPurelib());
        assertEquals(2, info.tags().size());
        assertEquals("cp311-cp311-manylinux2014_x86_64", info.tags().get(1).toString());
        assertEquals(Optional.of("2"), info.build());
        assertEquals(Optional.of("bdist_wheel (0.45.1)"), info.generator());
        assertTrue(info.isSupportedVersion());
    }

    @ParameterizedTest
    @CsvSource({"TRUE, true", "true, true", "yes, false", "1, false"})
    void readsRootIsPurelibAsPipDoes(String value, boolean expected) {
        assertEquals(expected, WheelInfo.parse(("Wheel-Version: 1.0\nRoot-Is-Purelib: " + value + "\n")
                .getBytes(StandardCharsets.UTF_8)).rootIsPurelib());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Generator: x\\n|`Wheel-Version`", "Wheel-Version: one\\n|`Wheel-Version: one`",
            "Wheel-Version: 1.0\\nTag: py3-none\\n|`Tag: py3-none`"})
    void refusesInvalidWheelFiles(String text, String named) {
        InvalidMetadataException error = assertThrows(InvalidMetadataException.class,
                () -> WheelInfo.parse(text.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8)));
        assertTrue(error.getMessage().contains(named), error.getMessage());
    }

    @Test
    void flagsWheelVersionsPipRefuses() {
        assertEquals(false, WheelInfo.parse("Wheel-Version: 2.0\n".getBytes(StandardCharsets.UTF_8)).isSupportedVersion());
        assertEquals(true, WheelInfo.parse("Wheel-Version: 1.9\n".getBytes(StandardCharsets.UTF_8)).isSupportedVersion());
    }

    @Test
    @Timeout(10)
    void refusesTagLinesThatWouldExpandToMillionsOfTags() {
        String cubic = "Tag: " + "p.".repeat(2000) + "p-" + "a.".repeat(2000) + "a-" + "x.".repeat(2000) + "x\n";
        assertTrue(refusedWheelFile(cubic).startsWith("WHEEL is invalid: `Tag: p.p.p."));
        String wide = "Tag: " + sixteen("py3") + "-" + sixteen("abi") + "-" + sixteen("any") + "\n";
        assertEquals(4096, WheelInfo.parse(("Wheel-Version: 1.0\n" + wide).getBytes(StandardCharsets.UTF_8)).tags().size());
        assertTrue(refusedWheelFile(wide.repeat(2)).contains("the `Tag` lines name more than 4096 tags"));
    }

    private static String sixteen(String prefix) {
        return java.util.stream.IntStream.range(0, 16).mapToObj(i -> prefix + i).collect(java.util.stream.Collectors.joining("."));
    }

    private static String refusedWheelFile(String tags) {
        return assertThrows(InvalidMetadataException.class,
                () -> WheelInfo.parse(("Wheel-Version: 1.0\n" + tags).getBytes(StandardCharsets.UTF_8))).getMessage();
    }
}
