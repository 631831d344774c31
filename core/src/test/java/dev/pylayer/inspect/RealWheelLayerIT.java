package dev.pylayer.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pylayer.inspect.DistributionSummary.TagVerdict;
import dev.pylayer.runtime.Architecture;
import dev.pylayer.runtime.LambdaRuntime;
import dev.pylayer.layer.LayerLayout;
import dev.pylayer.layer.LayerSource;
import dev.pylayer.layer.LayerZipWriter;
import dev.pylayer.runtime.LambdaTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inspects layers assembled from the machine's real wheels (numpy, pydantic-core, six from /opt/pypi/files, or
 * {@code PYLAYER_WHEEL_DIR}), unpacked the way {@code pip install --target} would, for python3.11 and python3.12.
 * Skipped, saying why, where those wheels are not present.
 */
class RealWheelLayerIT {
    private static final String NUMPY_2_28 = "numpy-2.3.5-cp311-cp311-manylinux_2_27_x86_64.manylinux_2_28_x86_64.whl";
    private static final String NUMPY_2014 = "numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl";
    private static final String PYDANTIC_CORE = "pydantic_core-2.49.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl";
    private static final String SIX = "six-1.17.0-py2.py3-none-any.whl";
    private static final LambdaTarget PY311 = new LambdaTarget(LambdaRuntime.PYTHON_3_11, Architecture.X86_64);
    private static final LambdaTarget PY312 = new LambdaTarget(LambdaRuntime.PYTHON_3_12, Architecture.X86_64);

    private static Path wheels;

    @TempDir
    Path dir;

    @BeforeAll
    static void findWheels() {
        String configured = System.getenv("PYLAYER_WHEEL_DIR");
        wheels = Path.of(configured == null || configured.isBlank() ? "/opt/pypi/files" : configured);
        for (String wheel : List.of(NUMPY_2_28, NUMPY_2014, PYDANTIC_CORE, SIX)) {
            assumeTrue(Files.isRegularFile(wheels.resolve(wheel)), "skipped: real wheel " + wheel + " not found in "
                    + wheels + " (set PYLAYER_WHEEL_DIR to a folder of wheels to run this test)");
        }
    }

    /** Unpacks wheels under one folder of a new zip, as pip --target would (no .data folders in these wheels). */
    private Path layer(String folder, String... wheelFiles) throws IOException {
        Path zip = dir.resolve("layer-" + folder.replace('/', '_') + wheelFiles.length + ".zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (String wheelFile : wheelFiles) {
                try (ZipFile wheel = new ZipFile(wheels.resolve(wheelFile).toFile())) {
                    Enumeration<? extends ZipEntry> entries = wheel.entries();
                    while (entries.hasMoreElements()) {
                        ZipEntry entry = entries.nextElement();
                        if (entry.isDirectory()) {
                            continue;
                        }
                        out.putNextEntry(new ZipEntry(folder + entry.getName()));
                        try (InputStream in = wheel.getInputStream(entry)) {
                            in.transferTo(out);
                        }
                        out.closeEntry();
                    }
                }
            }
        }
        return zip;
    }

    private static Map<String, DistributionSummary> byName(InspectionReport report) {
        return report.distributions().stream().collect(Collectors.toMap(DistributionSummary::name, Function.identity()));
    }

    @Test
    void aManylinux228NumpyDoesNotLoadOnPython311ButItsNeighboursDo() throws IOException {
        Path zip = layer("python/lib/python3.11/site-packages/", NUMPY_2_28, PYDANTIC_CORE, SIX);
        InspectionReport report = LayerInspector.inspect(zip, PY311);
        assertFalse(report.willLoad());
        List<Finding> glibc = report.errors().stream().filter(f -> f.kind() == FindingKind.ELF_GLIBC).toList();
        assertFalse(glibc.isEmpty());
        assertTrue(glibc.stream().allMatch(f -> f.path().contains("/site-packages/numpy/")), glibc.toString());
        assertTrue(glibc.stream().anyMatch(f -> f.message().startsWith(
                "`numpy/_core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so` needs GLIBC_2.2")), glibc.toString());
        assertTrue(glibc.stream().allMatch(f -> f.message().contains("python3.11 has glibc 2.26; python3.12 and later "
                + "would work")), glibc.toString());
        assertTrue(report.errors().stream().allMatch(f -> f.kind() == FindingKind.ELF_GLIBC
                || f.kind() == FindingKind.WHEEL_TAGS), report.errors().toString());

        Map<String, DistributionSummary> distributions = byName(report);
        assertEquals(TagVerdict.INCOMPATIBLE, distributions.get("numpy").tagVerdict());
        assertEquals(TagVerdict.COMPATIBLE, distributions.get("pydantic_core").tagVerdict());
        assertEquals(TagVerdict.COMPATIBLE, distributions.get("six").tagVerdict());
        for (DistributionSummary distribution : report.distributions()) {
            assertEquals(0, distribution.hashMismatches(), distribution.name());
            assertEquals(0, distribution.missingFiles(), distribution.name());
            assertTrue(distribution.recordedFiles() > 0, distribution.name());
        }
        assertEquals("numpy 2.3.5", report.sizes().largestPackages().get(0).name());
        assertTrue(report.elfFiles().size() > 10);
        assertTrue(report.elfFiles().stream().allMatch(elf -> elf.error().isEmpty()));
    }

    @Test
    void aManylinux2014NumpyLoadsOnPython311() throws IOException {
        Path zip = layer("python/lib/python3.11/site-packages/", NUMPY_2014, PYDANTIC_CORE, SIX);
        InspectionReport report = LayerInspector.inspect(zip, PY311);
        assertTrue(report.willLoad(), report.errors().toString());
        InspectionReport inferred = LayerInspector.inspect(zip, java.util.Optional.empty(), java.util.Optional.empty());
        assertEquals(PY311, inferred.target());
    }

    @Test
    void cp311WheelsUnderPythonDoNotImportOnPython312() throws IOException {
        Path zip = layer("python/", NUMPY_2014, PYDANTIC_CORE, SIX);
        assertTrue(LayerInspector.inspect(zip, PY311).willLoad());

        InspectionReport report = LayerInspector.inspect(zip, PY312);
        assertFalse(report.willLoad());
        assertTrue(report.errors().stream().anyMatch(f -> f.kind() == FindingKind.EXTENSION_ABI
                && f.message().startsWith("`pydantic_core/_pydantic_core.cpython-311-x86_64-linux-gnu.so` is built for "
                        + "CPython 3.11")), report.errors().toString());
        assertTrue(report.errors().stream().noneMatch(f -> f.kind() == FindingKind.ELF_GLIBC));
        Map<String, DistributionSummary> distributions = byName(report);
        assertEquals(TagVerdict.INCOMPATIBLE, distributions.get("numpy").tagVerdict());
        assertEquals(TagVerdict.COMPATIBLE, distributions.get("six").tagVerdict());
    }

    /** The layer as pylayer's own writer makes it: RECORD rewritten, INSTALLER and REQUESTED added. */
    private Path written(LambdaRuntime runtime, String... wheelFiles) {
        Path zip = dir.resolve("written-" + runtime + "-" + wheelFiles.length + ".zip");
        List<LayerSource> sources = Stream.of(wheelFiles).map(file -> LayerSource.of(wheels.resolve(file), true)).toList();
        LayerZipWriter.create().write(LayerLayout.forRuntime(runtime), sources, zip);
        return zip;
    }

    @Test
    void aLayerWrittenByPylayersWriterVerifiesAgainstItsRecords() {
        InspectionReport report = LayerInspector.inspect(written(LambdaRuntime.PYTHON_3_11, NUMPY_2014, PYDANTIC_CORE, SIX),
                PY311);
        assertTrue(report.willLoad(), report.errors().toString());
        assertEquals(List.of(), report.warnings());
        assertEquals(3, report.distributions().size());
        for (DistributionSummary distribution : report.distributions()) {
            assertEquals(0, distribution.hashMismatches(), distribution.name());
            assertEquals(0, distribution.missingFiles(), distribution.name());
        }

        InspectionReport tooNew = LayerInspector.inspect(written(LambdaRuntime.PYTHON_3_11, NUMPY_2_28, SIX), PY311);
        assertFalse(tooNew.willLoad());
        assertTrue(tooNew.errors().stream().anyMatch(f -> f.kind() == FindingKind.ELF_GLIBC));
    }

    @Test
    void aPython311LayerIsInvisibleToPython312() throws IOException {
        Path zip = layer("python/lib/python3.11/site-packages/", NUMPY_2014, SIX);
        InspectionReport report = LayerInspector.inspect(zip, PY312);
        assertEquals(List.of(FindingKind.LAYOUT_OTHER_PYTHON_VERSION),
                report.errors().stream().map(Finding::kind).toList());
    }
}
