package dev.pylayer.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.elf.ElfMachine;
import dev.pylayer.elf.ElfReader;
import dev.pylayer.runtime.Architecture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading a layer zip's size, digest and targets without extracting it. */
class LayerArchiveTest {
    private static final int X86_64 = 62;
    private static final int AARCH64 = 183;

    @TempDir
    Path dir;

    @Test
    void countsUnzippedBytesFromTheCentralDirectoryAndDigestsTheZip() throws Exception {
        Path zip = LayerZips.zip().entry("python/a.py", "a = 1\n").zeros("python/zeros.bin", 3_000_000)
                .writeTo(dir.resolve("layer.zip"));

        LayerArchive archive = LayerArchive.read(zip);

        assertEquals(3_000_006, archive.unzippedSize());
        assertEquals(Files.size(zip), archive.size());
        assertEquals(LayerZips.codeSha256(zip), archive.sha256Base64());
        assertEquals(64, archive.sha256Hex().length());
        assertEquals(2, archive.entryCount());
    }

    @Test
    void aFileThatIsNotAZipIsALayerArchiveError() throws Exception {
        Path notZip = Files.writeString(dir.resolve("layer.zip"), "not a zip");
        assertThrows(LayerArchiveException.class, () -> LayerArchive.read(notZip));
        assertThrows(LayerArchiveException.class, () -> LayerArchive.read(dir.resolve("missing.zip")));
    }

    static Stream<Arguments> layers() {
        return Stream.of(
                Arguments.of("pure Python in one lib folder", LayerZips.zip()
                        .entry("python/lib/python3.12/site-packages/six.py", "")
                        .entry("python/lib/python3.12/site-packages/six-1.16.0.dist-info/WHEEL",
                                "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py2-none-any\nTag: py3-none-any\n"),
                        "python3.12", "x86_64 arm64"),
                Arguments.of("two lib folders, an unsupported one ignored", LayerZips.zip()
                        .entry("python/lib/python3.11/site-packages/a.py", "")
                        .entry("python/lib/python3.13/site-packages/a.py", "")
                        .entry("python/lib/python3.8/site-packages/a.py", ""),
                        "python3.11 python3.13", "x86_64 arm64"),
                Arguments.of("x86_64 from an ELF header", LayerZips.zip()
                        .entry("python/lib/python3.12/site-packages/fast/_speedups.cpython-312-x86_64-linux-gnu.so",
                                LayerZips.elf(X86_64, false)),
                        "python3.12", "x86_64"),
                Arguments.of("arm64 from a versioned shared library in .libs", LayerZips.zip()
                        .entry("python/numpy.libs/libopenblas64_p-r0.so.0.3.23", LayerZips.elf(AARCH64, false)),
                        "", "arm64"),
                Arguments.of("arm64 from wheel platform tags alone", LayerZips.zip()
                        .entry("python/x-1.0.dist-info/WHEEL",
                                "Tag: cp312-cp312-manylinux_2_17_aarch64.manylinux2014_aarch64\n"),
                        "python3.12", "arm64"),
                Arguments.of("abi3 wheels name no runtime", LayerZips.zip()
                        .entry("python/c-1.0.dist-info/WHEEL", "Tag: cp39-abi3-manylinux_2_28_x86_64\n"),
                        "", "x86_64"),
                Arguments.of("runtime from the extension suffix without lib folder", LayerZips.zip()
                        .entry("python/fast/_speedups.cpython-311-aarch64-linux-gnu.so", LayerZips.elf(AARCH64, false)),
                        "python3.11", "arm64"),
                Arguments.of("a .so that is not ELF is ignored", LayerZips.zip()
                        .entry("python/fake.so", "not elf"),
                        "", "x86_64 arm64"),
                Arguments.of("code for both architectures lists both", LayerZips.zip()
                        .entry("python/a.so", LayerZips.elf(X86_64, false))
                        .entry("python/b.so", LayerZips.elf(AARCH64, false)),
                        "", "x86_64 arm64"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void readsRuntimesAndArchitecturesFromTheContent(String title, LayerZips layer, String runtimes,
            String architectures) {
        LayerTargets targets = LayerArchive.read(layer.writeTo(dir.resolve("layer.zip"))).detectedTargets();

        assertEquals(runtimes, String.join(" ", targets.runtimeIdentifiers()));
        assertEquals(architectures, String.join(" ", targets.architectureNames()));
    }

    @Test
    void mixedArchitecturesAreNoted() {
        LayerTargets targets = LayerArchive.read(LayerZips.zip().entry("python/a.so", LayerZips.elf(X86_64, false))
                .entry("python/b.so", LayerZips.elf(AARCH64, false)).writeTo(dir.resolve("mixed.zip"))).detectedTargets();

        assertTrue(targets.notes().stream().anyMatch(note -> note.contains("both x86_64 and arm64")), targets.notes().toString());
    }

    @ParameterizedTest(name = "machine {0}, big-endian {1} → {2}")
    @CsvSource({
            "62, false, x86_64",
            "183, false, arm64",
            "183, true, arm64",
            "62, true, x86_64",
            "3, false, ''",
            "40, false, ''",
    })
    void readsTheMachineFieldInTheFilesByteOrder(int machine, boolean bigEndian, String architecture) {
        Optional<ElfMachine> found = ElfReader.machine(LayerZips.elf(machine, bigEndian));
        assertEquals(machine, found.orElseThrow().code());
        assertEquals(architecture, found.flatMap(ElfMachine::wheelMachine).flatMap(Architecture::find)
                .map(Architecture::lambdaName).orElse(""));
    }

    @Test
    void shortOrForeignHeadersAreNotElf() {
        assertTrue(ElfReader.machine(new byte[] {0x7f, 'E', 'L', 'F'}).isEmpty());
        byte[] pe = LayerZips.elf(X86_64, false);
        pe[1] = 'Z';
        assertTrue(ElfReader.machine(pe).isEmpty());
    }
}
