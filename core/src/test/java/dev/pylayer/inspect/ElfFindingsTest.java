package dev.pylayer.inspect;

import static dev.pylayer.inspect.TestLayer.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.runtime.Architecture;
import dev.pylayer.runtime.LambdaRuntime;
import dev.pylayer.runtime.LambdaTarget;
import dev.pylayer.testdata.elf.ElfBuilder;
import dev.pylayer.testdata.wheels.WheelBuilder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ElfFindingsTest {
    private static final String MODULE = "demo/_speedups.cpython-311-x86_64-linux-gnu.so";

    @TempDir
    Path dir;

    private static LambdaTarget target(String runtime, String arch) {
        return new LambdaTarget(LambdaRuntime.of(runtime), Architecture.of(arch));
    }

    private InspectionReport inspect(byte[] so, String runtime, String arch) {
        return inspect(so, MODULE.replace("311", "3" + LambdaRuntime.of(runtime).pythonMinor()).replace("x86_64",
                Architecture.of(arch).machine()), runtime, arch);
    }

    private InspectionReport inspect(byte[] so, String path, String runtime, String arch) {
        WheelBuilder wheel = WheelBuilder.wheel("demo", "1.0").tag("py3-none-any")
                .file("demo/__init__.py", "").file(path, so);
        Path zip = TestLayer.create().wheel(wheel, LambdaRuntime.of(runtime).libFolder()).writeTo(dir);
        return LayerInspector.inspect(zip, target(runtime, arch));
    }

    @ParameterizedTest(name = "GLIBC_{0} on {1}: error={2}")
    @CsvSource({
            "2.17, python3.11, false",
            "2.26, python3.11, false",
            "2.27, python3.11, true",
            "2.28, python3.9, true",
            "2.28, python3.12, false",
            "2.34, python3.14, false",
            "2.35, python3.12, true",
    })
    void judgesTheHighestGlibcAgainstTheRuntimesImage(String glibc, String runtime, boolean error) {
        byte[] so = ElfBuilder.x86_64().needed("libc.so.6").versionNeed("libc.so.6", "GLIBC_2.2.5", "GLIBC_" + glibc).toBytes();
        InspectionReport report = inspect(so, runtime, "x86_64");
        assertEquals(error, !findings(report, FindingKind.ELF_GLIBC).isEmpty(), report.findings().toString());
        assertEquals(!error, report.willLoad(), report.findings().toString());
    }

    @Test
    void saysWhichRuntimeHasTheGlibcAFileNeeds() {
        byte[] so = ElfBuilder.x86_64().needed("libc.so.6").versionNeed("libc.so.6", "GLIBC_2.17", "GLIBC_2.28").toBytes();
        Finding finding = findings(inspect(so, "python3.11", "x86_64"), FindingKind.ELF_GLIBC).get(0);
        assertEquals(Severity.ERROR, finding.severity());
        assertEquals("`demo/_speedups.cpython-311-x86_64-linux-gnu.so` needs GLIBC_2.28, python3.11 has glibc 2.26; "
                + "python3.12 and later would work", finding.message());
        assertTrue(finding.fix().contains("pylayer build --runtime python3.12"), finding.fix());
        assertTrue(finding.fix().contains("a release of demo with manylinux_2_26 (or older) wheels"), finding.fix());
        assertEquals("python/lib/python3.11/site-packages/" + MODULE, finding.path());

        byte[] tooNew = ElfBuilder.x86_64().versionNeed("libc.so.6", "GLIBC_2.38").toBytes();
        Finding none = findings(inspect(tooNew, "python3.12", "x86_64"), FindingKind.ELF_GLIBC).get(0);
        assertEquals("`demo/_speedups.cpython-312-x86_64-linux-gnu.so` needs GLIBC_2.38, python3.12 has glibc 2.34",
                none.message());
    }

    @ParameterizedTest(name = "{0} file on {1}")
    @CsvSource({
            "183, x86_64, AArch64",
            "62, arm64, x86-64",
            "3, x86_64, Intel 80386",
            "22, arm64, IBM S/390",
    })
    void rejectsFilesForAnotherMachine(int machine, String arch, String named) {
        byte[] so = ElfBuilder.sharedObject(machine).needed("libc.so.6").toBytes();
        InspectionReport report = inspect(so, "demo/_x.abi3.so", "python3.12", arch);
        List<Finding> found = findings(report, FindingKind.ELF_MACHINE);
        assertEquals(1, found.size(), report.findings().toString());
        assertTrue(found.get(0).message().contains("is built for " + named), found.get(0).message());
        assertFalse(report.willLoad());
    }

    @Test
    void rejects32BitAndBigEndianBuilds() {
        byte[] elf32 = ElfBuilder.sharedObject(ElfBuilder.EM_386).elf32().toBytes();
        assertTrue(findings(inspect(elf32, "demo/_x.abi3.so", "python3.12", "x86_64"), FindingKind.ELF_MACHINE)
                .get(0).message().contains("(32-bit)"));
        byte[] bigEndian = ElfBuilder.sharedObject(ElfBuilder.EM_S390).bigEndian().toBytes();
        assertFalse(inspect(bigEndian, "demo/_x.abi3.so", "python3.12", "x86_64").willLoad());
    }

    @Test
    void suggestsTheOtherArchitectureForAFileBuiltForIt() {
        byte[] so = ElfBuilder.aarch64().toBytes();
        Finding finding = findings(inspect(so, "demo/_x.abi3.so", "python3.12", "x86_64"), FindingKind.ELF_MACHINE).get(0);
        assertTrue(finding.fix().contains("--arch arm64"), finding.fix());
    }

    @Test
    void rejectsMuslBuilds() {
        byte[] so = ElfBuilder.x86_64().needed("libc.musl-x86_64.so.1").toBytes();
        InspectionReport report = inspect(so, "python3.12", "x86_64");
        assertEquals(Severity.ERROR, findings(report, FindingKind.ELF_MUSL).get(0).severity());
        assertTrue(findings(report, FindingKind.ELF_MISSING_LIBRARY).isEmpty(), "one finding per cause");
    }

    @Test
    void aProgramThatCannotRunIsAWarningNotAnError() {
        byte[] program = ElfBuilder.x86_64().pie().interpreter("/lib64/ld-linux-x86-64.so.2").needed("libc.so.6")
                .versionNeed("libc.so.6", "GLIBC_2.34").toBytes();
        InspectionReport report = inspect(program, "demo/bin/helper", "python3.11", "x86_64");
        Finding finding = findings(report, FindingKind.ELF_GLIBC).get(0);
        assertEquals(Severity.WARNING, finding.severity());
        assertTrue(report.willLoad());
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
            "GLIBCXX_3.4.24, python3.11, ''",
            "GLIBCXX_3.4.26, python3.11, 'needs GLIBCXX_3.4.26 (the image has GLIBCXX_3.4.24)'",
            "CXXABI_1.3.13, python3.11, 'needs CXXABI_1.3.13 (the image has CXXABI_1.3.11)'",
            "GLIBCXX_3.4.29, python3.12, ''",
            "GLIBCXX_3.4.30, python3.12, 'needs GLIBCXX_3.4.30 (the image has GLIBCXX_3.4.29)'",
    })
    void warnsAboutLibstdcxxVersionsNewerThanTheImages(String version, String runtime, String expected) {
        byte[] so = ElfBuilder.x86_64().needed("libstdc++.so.6", "libc.so.6").versionNeed("libstdc++.so.6", version)
                .versionNeed("libc.so.6", "GLIBC_2.17").toBytes();
        List<Finding> found = findings(inspect(so, runtime, "x86_64"), FindingKind.ELF_LIBSTDCXX);
        if (expected.isEmpty()) {
            assertEquals(List.of(), found);
        } else {
            assertEquals(Severity.WARNING, found.get(0).severity());
            assertTrue(found.get(0).message().contains(expected), found.get(0).message());
        }
    }

    @Test
    void aBundledRenamedLibstdcxxBringsItsOwnVersions() {
        byte[] so = ElfBuilder.x86_64().needed("libstdc++-1a2b3c4d.so.6.0.33")
                .versionNeed("libstdc++-1a2b3c4d.so.6.0.33", "GLIBCXX_3.4.33").toBytes();
        WheelBuilder wheel = WheelBuilder.wheel("demo", "1.0").tag("cp311-cp311-manylinux_2_17_x86_64")
                .file("demo/_x.cpython-311-x86_64-linux-gnu.so", so)
                .file("demo.libs/libstdc++-1a2b3c4d.so.6.0.33", ElfBuilder.x86_64().soname("libstdc++-1a2b3c4d.so.6.0.33")
                        .toBytes());
        InspectionReport report = LayerInspector.inspect(TestLayer.create().wheel(wheel, "python3.11").writeTo(dir),
                target("python3.11", "x86_64"));
        assertEquals(List.of(), report.findings());
    }

    @Test
    void warnsAboutLibrariesNobodyProvides() {
        byte[] so = ElfBuilder.x86_64().needed("libpq.so.5", "libssl.so.3", "libz.so.1", "libc.so.6").toBytes();
        Finding finding = findings(inspect(so, "python3.12", "x86_64"), FindingKind.ELF_MISSING_LIBRARY).get(0);
        assertEquals(Severity.WARNING, finding.severity());
        assertTrue(finding.message().contains("needs `libpq.so.5`, `libssl.so.3`, which are neither in the layer"),
                finding.message());
    }

    @Test
    void aFileThatIsCutShortCannotLoad() {
        byte[] whole = ElfBuilder.x86_64().needed("libc.so.6").versionNeed("libc.so.6", "GLIBC_2.17").toBytes();
        InspectionReport report = inspect(ElfBuilder.truncated(whole, whole.length - 30), "python3.12", "x86_64");
        Finding finding = findings(report, FindingKind.ELF_UNREADABLE).get(0);
        assertEquals(Severity.ERROR, finding.severity());
        assertTrue(finding.message().contains("cut short"), finding.message());
    }

    @Test
    void aMacOsBinaryNamedSoCannotLoad() {
        byte[] machO = {(byte) 0xcf, (byte) 0xfa, (byte) 0xed, (byte) 0xfe, 7, 0, 0, 1, 3, 0, 0, 0};
        InspectionReport report = inspect(machO, "demo/_x.abi3.so", "python3.12", "x86_64");
        Finding finding = findings(report, FindingKind.FOREIGN_BINARY).get(0);
        assertTrue(finding.message().contains("is a macOS (Mach-O) binary"), finding.message());
        assertFalse(report.willLoad());
    }

    @Test
    void readsLargeFilesAlikeStreamedInMemoryOrThroughATemporaryFile() {
        byte[] so = ElfBuilder.x86_64().needed("libc.so.6").versionNeed("libc.so.6", "GLIBC_2.28").padding(2 << 20)
                .toBytes();
        WheelBuilder wheel = WheelBuilder.wheel("demo", "1.0").file(MODULE, so);
        Path zip = TestLayer.create().wheel(wheel, "python3.11").writeTo(dir);
        LambdaTarget target = target("python3.11", "x86_64");
        // Kept in parts as it streams past (the default: the first 4 MiB, the dynamic section, the section headers).
        InspectionReport streamed = LayerInspector.inspect(zip, target);
        // The first 128 bytes miss the string table: read again whole, in memory ...
        InspectionReport inMemory = LayerInspector.inspect(zip, target, new LayerScan.Limits(8 << 20, 1L << 30, 1 << 20, 128));
        // ... or, over 4 KiB, through a temporary file.
        InspectionReport spilled = LayerInspector.inspect(zip, target, new LayerScan.Limits(4096, 1L << 30, 1 << 20, 128));
        assertEquals(streamed.elfFiles(), inMemory.elfFiles());
        assertEquals(streamed.findings(), inMemory.findings());
        assertEquals(streamed.elfFiles(), spilled.elfFiles());
        assertEquals(streamed.findings(), spilled.findings());
        assertEquals(1, findings(spilled, FindingKind.ELF_GLIBC).size());
    }
}
