package dev.pylayer.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompatibleTagsTest {
    /** python3.11 on x86_64 Amazon Linux 2 (glibc 2.26). */
    private static final CompatibleTags PY311_AL2 = CompatibleTags.cpython(3, 11,
            ManylinuxPolicy.platforms("x86_64", new GlibcVersion(2, 26)));

    /** The expected lists were printed by pip 26's vendored packaging.tags (cpython_tags + compatible_tags). */
    @ParameterizedTest(name = "CPython 3.{0} on {1}, glibc 2.{2}")
    @CsvSource({"11,x86_64,26", "9,x86_64,26", "12,aarch64,34", "14,aarch64,34"})
    void ordersTagsExactlyAsPackagingDoes(int minor, String machine, int glibcMinor) throws IOException {
        List<String> expected = resource("cp3" + minor + "-" + machine + "-glibc2." + glibcMinor + ".txt");
        List<String> actual = CompatibleTags.cpython(3, minor,
                ManylinuxPolicy.platforms(machine, new GlibcVersion(2, glibcMinor))).ordered().stream()
                .map(Tag::toString).collect(Collectors.toList());
        assertEquals(expected, actual);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            // interpreter-abi-platform on CPython 3.11 / x86_64 / glibc 2.26
            "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64|compatible",
            "cp311-cp311-manylinux_2_26_x86_64|compatible",
            "cp311-cp311-manylinux1_x86_64|compatible",
            "cp37-abi3-manylinux2014_x86_64|compatible",
            "py3-none-any|compatible",
            "py2.py3-none-any|compatible",
            "cp311-none-any|compatible",
            "py311-none-manylinux_2_5_x86_64|compatible",
            "cp311-cp311-manylinux_2_28_x86_64|PLATFORM",
            "cp311-cp311-manylinux_2_17_aarch64|PLATFORM",
            "cp311-cp311-musllinux_1_2_x86_64|PLATFORM",
            "cp311-cp311-linux_x86_64|PLATFORM",
            "cp311-cp311-win_amd64|PLATFORM",
            "cp311-cp311-macosx_11_0_arm64|PLATFORM",
            "cp312-cp312-manylinux_2_17_x86_64|PYTHON",
            "cp312-abi3-manylinux_2_17_x86_64|PYTHON",
            "pp310-pypy310_pp73-manylinux_2_17_x86_64|PYTHON",
            "py2-none-any|PYTHON",
            "cp311-cp311d-manylinux_2_17_x86_64|ABI",
            "cp310-cp310-manylinux_2_17_x86_64|ABI",
    })
    void judgesWheelTagsForPython311OnAmazonLinux2(String compressed, String verdict) {
        TagCompatibility result = PY311_AL2.compatibility(Tag.parseCompressed(compressed));
        if (verdict.equals("compatible")) {
            assertTrue(result.isCompatible(), result.toString());
        } else {
            TagCompatibility.Incompatible miss = assertInstanceOf(TagCompatibility.Incompatible.class, result);
            assertEquals(IncompatibleTag.valueOf(verdict), miss.kind());
        }
    }

    @ParameterizedTest(name = "{0} beats {1}")
    @CsvSource({
            "cp311-cp311-manylinux_2_17_x86_64, cp37-abi3-manylinux_2_17_x86_64",
            "cp311-abi3-manylinux_2_17_x86_64, cp37-abi3-manylinux_2_17_x86_64",
            "cp37-abi3-manylinux_2_17_x86_64, py3-none-any",
            "cp311-cp311-manylinux_2_26_x86_64, cp311-cp311-manylinux_2_17_x86_64",
            "cp311-cp311-manylinux2014_x86_64, cp311-cp311-manylinux2010_x86_64",
            "py3-none-manylinux1_x86_64, cp311-none-any",
            "cp311-none-any, py3-none-any",
    })
    void prefersTheMoreSpecificTag(String better, String worse) {
        int betterPriority = priority(better);
        int worsePriority = priority(worse);
        assertTrue(betterPriority < worsePriority, betterPriority + " vs " + worsePriority);
    }

    private static int priority(String compressedTag) {
        return ((TagCompatibility.Compatible) PY311_AL2.compatibility(Tag.parseCompressed(compressedTag))).priority();
    }

    @org.junit.jupiter.api.Test
    void reportsTheClosestMissAmongAWheelsTags() {
        TagCompatibility.Incompatible miss = (TagCompatibility.Incompatible) PY311_AL2.compatibility(
                Tag.parseCompressed("cp312-cp312-manylinux_2_17_x86_64"));
        assertEquals(IncompatibleTag.PYTHON, miss.kind());
        TagCompatibility.Incompatible platformMiss = (TagCompatibility.Incompatible) PY311_AL2.compatibility(List.of(
                new Tag("cp312", "cp312", "manylinux_2_17_x86_64"), new Tag("cp311", "cp311", "manylinux_2_28_x86_64")));
        assertEquals(IncompatibleTag.PLATFORM, platformMiss.kind());
        PlatformTag.Manylinux needs = assertInstanceOf(PlatformTag.Manylinux.class, platformMiss.platform());
        assertEquals(new GlibcVersion(2, 28), needs.glibc());
        assertFalse(PY311_AL2.accepts(new Tag("cp311", "cp311", "linux_x86_64")));
    }

    private static List<String> resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(CompatibleTagsTest.class.getResourceAsStream(name), name);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).collect(Collectors.toList());
        }
    }
}
