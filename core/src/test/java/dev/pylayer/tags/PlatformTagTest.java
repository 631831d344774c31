package dev.pylayer.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformTagTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "any|Any||",
            "manylinux_2_17_x86_64|Manylinux|2.17|x86_64",
            "manylinux_2_28_aarch64|Manylinux|2.28|aarch64",
            "manylinux2014_aarch64|Manylinux|2.17|aarch64",
            "manylinux2010_x86_64|Manylinux|2.12|x86_64",
            "manylinux1_i686|Manylinux|2.5|i686",
            "MANYLINUX_2_34_X86_64|Manylinux|2.34|x86_64",
            "musllinux_1_2_x86_64|Musllinux||x86_64",
            "linux_x86_64|PlainLinux||x86_64",
            "macosx_10_9_universal2|MacOs||universal2",
            "macosx_11_0_arm64|MacOs||arm64",
            "win_amd64|Windows||amd64",
            "win32|Windows||x86",
            "android_21_arm64_v8a|Other||",
            "manylinux_2_x_x86_64|Other||",
    })
    void parsesWhatAPlatformDemands(String text, String kind, String glibc, String architecture) {
        PlatformTag tag = PlatformTag.parse(text);
        assertEquals(kind, tag.getClass().getSimpleName());
        if (glibc != null) {
            assertEquals(GlibcVersion.parse(glibc), ((PlatformTag.Manylinux) tag).glibc());
        }
        assertEquals(architecture == null ? "" : architecture, tag.architecture().orElse(""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "py3-none-any|py3-none-any",
            "py2.py3-none-any|py2-none-any py3-none-any",
            "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64|cp311-cp311-manylinux_2_17_x86_64 cp311-cp311-manylinux2014_x86_64",
            "CP311-ABI3-ANY|cp311-abi3-any",
    })
    void expandsCompressedTagSets(String compressed, String expanded) {
        assertEquals(expanded, String.join(" ", Tag.parseCompressed(compressed).stream().map(Tag::toString).toList()));
    }
}
