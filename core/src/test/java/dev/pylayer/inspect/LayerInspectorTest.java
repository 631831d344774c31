package dev.pylayer.inspect;

import static dev.pylayer.inspect.TestLayer.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pylayer.runtime.Architecture;
import dev.pylayer.runtime.LambdaLimits;
import dev.pylayer.runtime.LambdaRuntime;
import dev.pylayer.runtime.LambdaTarget;
import dev.pylayer.testdata.elf.ElfBuilder;
import dev.pylayer.testdata.wheels.WheelBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LayerInspectorTest {
    private static final LambdaTarget PY311 = new LambdaTarget(LambdaRuntime.PYTHON_3_11, Architecture.X86_64);

    @TempDir
    Path dir;

    private static WheelBuilder binary(String name, String tag, String module, byte[] so) {
        return WheelBuilder.wheel(name, "1.0").tag(tag).file(name + "/__init__.py", "").file(name + "/" + module, so);
    }

    @Test
    void infersTheTargetFromTheVersionFolderAndTheElfMachines() {
        byte[] so = ElfBuilder.aarch64().needed("libc.so.6").versionNeed("libc.so.6", "GLIBC_2.17").toBytes();
        Path zip = TestLayer.create().wheel(binary("demo", "cp313-cp313-manylinux_2_17_aarch64",
                "_x.cpython-313-aarch64-linux-gnu.so", so), "python3.13").writeTo(dir);
        InspectionReport report = LayerInspector.inspect(zip, Optional.empty(), Optional.empty());
        assertEquals(new LambdaTarget(LambdaRuntime.PYTHON_3_13, Architecture.ARM64), report.target());
        assertEquals("from python/lib/python3.13/", report.inspected().runtimeBasis());
        assertEquals("from 1 AArch64 ELF file", report.inspected().architectureBasis());
        assertEquals(List.of(), report.findings());
    }

    @Test
    void infersThePythonFromExtensionNamesWhenPackagesSitUnderPython() {
        byte[] so = ElfBuilder.x86_64().toBytes();
        Path zip = TestLayer.create().wheelUnder(binary("demo", "cp310-cp310-manylinux_2_17_x86_64",
                "_x.cpython-310-x86_64-linux-gnu.so", so), "python/").writeTo(dir);
        InspectionReport report = LayerInspector.inspect(zip, Optional.empty(), Optional.of(Architecture.X86_64));
        assertEquals(LambdaRuntime.PYTHON_3_10, report.target().runtime());
        assertEquals("from 1 cpython-310 extension module", report.inspected().runtimeBasis());
        assertEquals(InspectedTarget.GIVEN, report.inspected().architectureBasis());
    }

    @Test
    void assumesTheDefaultsWhenTheLayerSaysNothing() {
        Path zip = TestLayer.create().wheelUnder(WheelBuilder.wheel("six", "1.17.0").file("six.py", ""), "python/")
                .writeTo(dir);
        InspectionReport report = LayerInspector.inspect(zip, Optional.empty(), Optional.empty());
        assertEquals(new LambdaTarget(LambdaRuntime.DEFAULT, Architecture.DEFAULT), report.target());
        assertTrue(report.inspected().runtimeBasis().startsWith("assumed"));
        assertTrue(report.inspected().architectureBasis().startsWith("assumed"));
    }

    @Test
    void measuresSizesAndNamesTheLargestPackagesAndFolders() throws IOException {
        Path zip = TestLayer.create()
                .wheel(WheelBuilder.wheel("big", "1.0").file("big/__init__.py", "")
                        .file("big/data/blob.bin", new byte[200_000]).file("big/tests/t.py", "x" .repeat(50_000)), "python3.11")
                .wheel(WheelBuilder.wheel("small", "1.0").file("small.py", "s = 1\n"), "python3.11")
                .file("python/lib/python3.11/site-packages/loose/mod.py", "y".repeat(1000))
                .writeTo(dir);
        InspectionReport report = LayerInspector.inspect(zip, PY311);
        LayerSizes sizes = report.sizes();
        assertEquals(Files.size(zip), sizes.zippedBytes());
        assertEquals(11, sizes.files());
        assertEquals("big 1.0", sizes.largestPackages().get(0).name());
        assertEquals(List.of("big 1.0", "loose/", "small 1.0"),
                sizes.largestPackages().stream().map(SizeEntry::name).toList());
        assertEquals(List.of("big/data/", "big/tests/"), sizes.largestFolders().stream().map(SizeEntry::name).toList());
        assertEquals(200_000, sizes.largestFolders().get(0).unzippedBytes());
        long sum = report.distributions().stream().mapToLong(DistributionSummary::unzippedBytes).sum() + 1000;
        assertEquals(sum, sizes.unzippedBytes());
        assertEquals(List.of(), report.findings());
    }

    @Test
    void judgesSizesAgainstLambdasQuotas() {
        RuntimeView view = new RuntimeView(PY311);
        LayerSizes small = new LayerSizes(LambdaLimits.MAX_DIRECT_UPLOAD_BYTES, LambdaLimits.MAX_UNZIPPED_BYTES, 1, List.of(), List.of());
        assertEquals(List.of(), SizeCheck.check(small, view));
        LayerSizes big = new LayerSizes(LambdaLimits.MAX_DIRECT_UPLOAD_BYTES + 1, LambdaLimits.MAX_UNZIPPED_BYTES + 1, 1,
                List.of(new SizeEntry("torch 2.5.0", 200L << 20, 90L << 20, 9000)), List.of());
        List<Finding> findings = SizeCheck.check(big, view);
        assertEquals(List.of(FindingKind.SIZE_UNZIPPED, FindingKind.SIZE_ZIPPED), findings.stream().map(Finding::kind).toList());
        assertEquals(Severity.ERROR, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("over Lambda's 250.0 MB for a function and all its layers "
                + "(largest: torch 2.5.0 200.0 MB)"), findings.get(0).message());
        assertEquals(Severity.WARNING, findings.get(1).severity());
    }

    @Test
    void stopsInflatingAtTheReadBudget() {
        Path zip = TestLayer.create().wheel(WheelBuilder.wheel("bomb", "1.0").file("bomb/a.bin", new byte[100_000])
                .file("bomb/b.bin", new byte[100_000]), "python3.11").writeTo(dir);
        InspectionReport report = LayerInspector.inspect(zip, PY311, new LayerScan.Limits(1 << 20, 150_000, 1 << 20, 1 << 20));
        assertEquals(Severity.WARNING, findings(report, FindingKind.READ_BUDGET).get(0).severity());
        // Counted by declared size after the budget ran out: the total is still every byte of the layer.
        assertTrue(report.sizes().unzippedBytes() > 200_000, report.sizes().toString());
        assertEquals(report.distributions().get(0).unzippedBytes(), report.sizes().unzippedBytes());
        assertTrue(findings(report, FindingKind.RECORD_HASH_MISMATCH).isEmpty(), "unread files are not called modified");
    }

    @Test
    void refusesWhatIsNotALayer() throws IOException {
        Path missing = dir.resolve("missing.zip");
        assertTrue(assertThrows(UnreadableLayerException.class, () -> LayerInspector.inspect(missing, PY311))
                .getMessage().contains("no such file"));
        Path text = Files.writeString(dir.resolve("layer.zip"), "not a zip at all");
        UnreadableLayerException error = assertThrows(UnreadableLayerException.class, () -> LayerInspector.inspect(text, PY311));
        assertTrue(error.getMessage().startsWith("cannot read layer `"), error.getMessage());
        assertThrows(UnreadableLayerException.class, () -> LayerInspector.inspect(dir, PY311));
    }

    @Test
    void aBuildRefusesALayerThatWillNotLoad() {
        byte[] so = ElfBuilder.x86_64().versionNeed("libc.so.6", "GLIBC_2.28").toBytes();
        Path zip = TestLayer.create().wheel(binary("demo", "cp311-cp311-manylinux_2_28_x86_64",
                "_x.cpython-311-x86_64-linux-gnu.so", so), "python3.11").writeTo(dir);
        InspectionReport report = LayerInspector.inspect(zip, PY311);
        LayerWillNotLoadException error = assertThrows(LayerWillNotLoadException.class, report::requireWillLoad);
        assertTrue(error.getMessage().startsWith("layer `" + zip.getFileName() + "` will not load on python3.11 on x86_64"),
                error.getMessage());
        assertEquals(report.errors().size(), error.hints().size());
        assertEquals(report, error.report());

        Path sixOnly = TestLayer.create().wheel(WheelBuilder.wheel("six", "1.17.0").file("six.py", ""), "python3.11")
                .writeTo(dir);
        InspectionReport fine = LayerInspector.inspect(sixOnly, PY311);
        assertEquals(fine, fine.requireWillLoad());
    }

    @Test
    void writesTheReportAsJson() throws IOException {
        byte[] so = ElfBuilder.x86_64().needed("libc.so.6").versionNeed("libc.so.6", "GLIBC_2.28").toBytes();
        Path zip = TestLayer.create().wheel(binary("demo", "cp311-cp311-manylinux_2_28_x86_64",
                "_x.cpython-311-x86_64-linux-gnu.so", so), "python3.11").writeTo(dir);
        JsonNode json = new ObjectMapper().readTree(InspectionReportJson.write(LayerInspector.inspect(zip, PY311)));
        assertEquals("python3.11", json.at("/target/runtime").asText());
        assertEquals("x86_64", json.at("/target/architecture").asText());
        assertEquals("2.26", json.at("/target/glibc").asText());
        assertFalse(json.at("/willLoad").asBoolean());
        assertEquals(2, json.at("/counts/error").asInt());
        assertEquals("elf-glibc", json.at("/findings/0/kind").asText());
        assertEquals("error", json.at("/findings/0/severity").asText());
        assertEquals("wheel-tags", json.at("/findings/1/kind").asText());
        assertEquals(LambdaLimits.MAX_UNZIPPED_BYTES, json.at("/sizes/unzippedLimitBytes").asLong());
        assertEquals("incompatible", json.at("/distributions/0/tagVerdict").asText());
        JsonNode elf = json.at("/elfFiles/0");
        assertEquals("python/lib/python3.11/site-packages/demo/_x.cpython-311-x86_64-linux-gnu.so", elf.at("/path").asText());
        assertEquals("x86-64", elf.at("/machine").asText());
        assertEquals("2.28", elf.at("/maxGlibc").asText());
        assertEquals("glibc", elf.at("/libc").asText());
        assertTrue(elf.at("/maxGlibcxx").isNull());
        assertEquals("libc.so.6", elf.at("/needed/0").asText());
        assertEquals("CPython 3.11 on x86_64-linux-gnu", elf.at("/builtFor").asText());
        assertEquals("demo 1.0", elf.at("/distribution").asText());
    }

    @ParameterizedTest(name = "method {0}")
    @ValueSource(ints = {20, 93, 95})
    void findsEntriesCompressedWithMethodsItCannotInflate(int method) throws IOException {
        // Zstandard and XZ need libraries pylayer does not ship; inflating one escaped as NoClassDefFoundError.
        Path zip = dir.resolve("method-" + method + ".zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(Files.newOutputStream(zip))) {
            ZipArchiveEntry entry = new ZipArchiveEntry("python/x.py");
            entry.setMethod(method);
            entry.setSize(5);
            entry.setCompressedSize(5);
            entry.setCrc(0);
            out.addRawArchiveEntry(entry, new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5}));
        }
        List<Finding> unreadable = findings(LayerInspector.inspect(zip, PY311), FindingKind.ZIP_ENTRY_UNREADABLE);
        assertEquals(1, unreadable.size());
        assertTrue(unreadable.get(0).message().contains("`python/x.py` cannot be read"), unreadable.get(0).message());
    }
}
