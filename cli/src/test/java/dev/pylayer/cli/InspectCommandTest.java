package dev.pylayer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pylayer.testdata.elf.ElfBuilder;
import dev.pylayer.testdata.wheels.WheelBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
    @TempDir
    Path dir;


    private CommandRun run(String... args) {
        return CommandRun.of(List.of(args));
    }

    /** A layer with one wheel unpacked into python3.11's site-packages. */
    private Path layer(WheelBuilder wheel) throws IOException {
        Path zip = dir.resolve(wheel.escapedName() + ".zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file);
                ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(wheel.toBytes()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry("python/lib/python3.11/site-packages/" + entry.getName()));
                out.write(in.readAllBytes());
                out.closeEntry();
            }
        }
        return zip;
    }

    private Path needingGlibc(String glibc) throws IOException {
        byte[] so = ElfBuilder.x86_64().needed("libc.so.6").versionNeed("libc.so.6", "GLIBC_2.17", "GLIBC_" + glibc)
                .toBytes();
        return layer(WheelBuilder.wheel("fastmath", "2.0").tag("cp311-cp311-manylinux_2_17_x86_64")
                .file("fastmath/__init__.py", "").file("fastmath/_core.cpython-311-x86_64-linux-gnu.so", so));
    }

    @Test
    void exitsZeroAndSaysSoWhenTheLayerWillLoad() throws IOException {
        CommandRun run = run("inspect", needingGlibc("2.17").toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("fastmath.zip: python3.11 on x86_64 (Amazon Linux 2, glibc 2.26)\n"
                + "  runtime from python/lib/python3.11/; architecture from 1 x86-64 ELF file\n"), run.out());
        assertTrue(run.out().contains("largest packages\n    fastmath 2.0"), run.out());
        assertTrue(run.out().endsWith("will load on python3.11/x86_64\n"), run.out());
    }

    @Test
    void exitsOneWithAnErrorAndHintPerProblem() throws IOException {
        CommandRun run = run("inspect", needingGlibc("2.28").toString(), "--runtime", "python3.11", "--arch", "x86_64");
        assertEquals(ExitCodes.FAILURE, run.exitCode());
        assertTrue(run.out().contains("\nerror: `fastmath/_core.cpython-311-x86_64-linux-gnu.so` needs GLIBC_2.28, "
                + "python3.11 has glibc 2.26; python3.12 and later would work\n  hint: build the layer for python3.12"),
                run.out());
        assertTrue(run.out().endsWith("1 distribution, 1 ELF file: 1 error, 0 warnings\nwill NOT load on python3.11/x86_64\n"),
                run.out());
    }

    @Test
    void printsJsonForMachines() throws IOException {
        CommandRun run = run("inspect", "--json", needingGlibc("2.28").toString(), "--arch", "arm64");
        assertEquals(ExitCodes.FAILURE, run.exitCode());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("arm64", json.at("/target/architecture").asText());
        assertEquals("given", json.at("/target/architectureBasis").asText());
        assertEquals("elf-machine", json.at("/findings/0/kind").asText());
    }

    @Test
    void rendersUnknownRuntimesAndUnreadableFilesAsErrors() throws IOException {
        CommandRun unknown = run("inspect", needingGlibc("2.17").toString(), "--runtime", "python2.7");
        assertEquals(ExitCodes.USAGE, unknown.exitCode());
        assertTrue(unknown.err().startsWith("error: Invalid value for option '--runtime': `python2.7` is not a Lambda "
                + "Python runtime\nhint: use one of: "), unknown.err());
        CommandRun missing = run("inspect", dir.resolve("nope.zip").toString());
        assertEquals(ExitCodes.FAILURE, missing.exitCode());
        assertTrue(missing.err().startsWith("error: cannot read layer `"), missing.err());
        assertEquals(ExitCodes.USAGE, run("inspect").exitCode());
    }

    @Test
    void collapsesLongListsOfOneKindUnlessVerbose() throws IOException {
        WheelBuilder wheel = WheelBuilder.wheel("many", "1.0");
        byte[] arm = ElfBuilder.aarch64().toBytes();
        for (int i = 0; i < 12; i++) {
            wheel.file("many/_m" + i + ".abi3.so", arm);
        }
        for (int i = 0; i < 13; i++) { // one more x86-64 file than AArch64 ones: the layer is inferred to be x86_64
            wheel.file("many/_x" + i + ".abi3.so", ElfBuilder.x86_64().toBytes());
        }
        Path zip = layer(wheel);
        CommandRun run = run("inspect", zip.toString());
        assertTrue(run.out().contains("error: … and 2 more `elf-machine` findings (--verbose or --json lists them all)"),
                run.out());
        CommandRun verbose = run("inspect", "--verbose", zip.toString());
        assertEquals(12, verbose.out().split("is built for AArch64", -1).length - 1, verbose.out());
    }
}
