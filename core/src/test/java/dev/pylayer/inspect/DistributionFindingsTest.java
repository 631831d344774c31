package dev.pylayer.inspect;

import static dev.pylayer.inspect.TestLayer.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.inspect.DistributionSummary.TagVerdict;
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

class DistributionFindingsTest {
    private static final LambdaTarget PY311 = new LambdaTarget(LambdaRuntime.PYTHON_3_11, Architecture.X86_64);

    @TempDir
    Path dir;

    private InspectionReport inspect(TestLayer layer) {
        return LayerInspector.inspect(layer.writeTo(dir), PY311);
    }

    private static byte[] so(String glibc) {
        return ElfBuilder.x86_64().needed("libc.so.6").versionNeed("libc.so.6", "GLIBC_" + glibc).toBytes();
    }

    @ParameterizedTest(name = "{0} with GLIBC_{1}: {2}")
    @CsvSource({
            "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64, 2.17, COMPATIBLE, ''",
            "cp38-abi3-manylinux_2_17_x86_64, 2.17, COMPATIBLE, ''",
            // The tag asks for glibc 2.28 but the files need only 2.17: they load, so only a warning.
            "cp311-cp311-manylinux_2_28_x86_64, 2.17, INCOMPATIBLE, WARNING",
            // pip built it from source on the build machine: no promise in the tag, but the files pass.
            "cp311-cp311-linux_x86_64, 2.17, INCOMPATIBLE, WARNING",
            "cp311-cp311-manylinux_2_28_x86_64, 2.28, INCOMPATIBLE, ERROR",
            "cp312-cp312-manylinux_2_17_x86_64, 2.17, INCOMPATIBLE, ERROR",
            "cp312-abi3-manylinux_2_17_x86_64, 2.17, INCOMPATIBLE, ERROR",
    })
    void judgesEachDistributionsWheelTags(String tags, String glibc, TagVerdict verdict, String severity) {
        WheelBuilder wheel = WheelBuilder.wheel("demo", "1.0").tag(tags).file("demo/__init__.py", "")
                .file("demo/_x.abi3.so", so(glibc));
        InspectionReport report = inspect(TestLayer.create().wheel(wheel, "python3.11"));
        DistributionSummary summary = report.distributions().get(0);
        assertEquals(verdict, summary.tagVerdict());
        List<Finding> found = findings(report, FindingKind.WHEEL_TAGS);
        if (severity.isEmpty()) {
            assertEquals(List.of(), found);
        } else {
            assertEquals(Severity.valueOf(severity), found.get(0).severity(), found.toString());
        }
    }

    @Test
    void namesWhereAnIncompatibleWheelWouldFit() {
        WheelBuilder wheel = WheelBuilder.wheel("demo", "1.0").tag("cp312-cp312-manylinux_2_17_x86_64")
                .file("demo/_x.cpython-312-x86_64-linux-gnu.so", so("2.17"));
        Finding finding = findings(inspect(TestLayer.create().wheel(wheel, "python3.11")), FindingKind.WHEEL_TAGS).get(0);
        assertEquals("`demo 1.0` is a wheel for `cp312-cp312-manylinux_2_17_x86_64` (interpreter `cp312`), which "
                + "python3.11/x86_64 does not accept; it fits python3.12/x86_64", finding.message());
    }

    @Test
    void aPurePython2WheelIsSuspiciousNotFatal() {
        WheelBuilder wheel = WheelBuilder.wheel("old", "1.0").tag("py2-none-any").file("old.py", "");
        InspectionReport report = inspect(TestLayer.create().wheel(wheel, "python3.11"));
        assertEquals(Severity.WARNING, findings(report, FindingKind.WHEEL_TAGS).get(0).severity());
        assertTrue(report.willLoad());
    }

    @Test
    void verifiesRecordHashesOfTheFilesPresent() {
        WheelBuilder wheel = WheelBuilder.wheel("demo", "1.0").file("demo/__init__.py", "").file("demo/a.py", "a = 1\n");
        InspectionReport report = inspect(TestLayer.create().wheel(wheel, "python3.11")
                .file("python/lib/python3.11/site-packages/demo/a.py", "a = 2  # patched\n"));
        Finding finding = findings(report, FindingKind.RECORD_HASH_MISMATCH).get(0);
        assertEquals(Severity.WARNING, finding.severity());
        assertEquals("1 file of `demo 1.0` differs from its RECORD: `demo/a.py` (edited, patched or damaged after install)",
                finding.message());
        DistributionSummary summary = report.distributions().get(0);
        assertEquals(1, summary.hashMismatches());
        assertEquals(5, summary.recordedFiles()); // two modules, METADATA, WHEEL, RECORD
    }

    @Test
    void reportsRecordedFilesThatAreMissing() {
        WheelBuilder wheel = WheelBuilder.wheel("demo", "1.0").file("demo/__init__.py", "").file("demo/core.py", "")
                .file("demo/__pycache__/core.cpython-311.pyc", "").file("demo/data/table.csv", "a,b\n");
        String site = "python/lib/python3.11/site-packages/";
        InspectionReport report = inspect(TestLayer.create().wheel(wheel, "python3.11").remove(site + "demo/core.py")
                .remove(site + "demo/__pycache__/core.cpython-311.pyc").remove(site + "demo/data/table.csv"));
        List<Finding> missing = findings(report, FindingKind.RECORD_FILE_MISSING);
        assertEquals(2, missing.size(), missing.toString());
        assertEquals(Severity.WARNING, missing.get(0).severity());
        assertTrue(missing.get(0).message().contains("`demo/core.py`"), missing.get(0).message());
        assertEquals(Severity.INFO, missing.get(1).severity());
        assertTrue(missing.get(1).message().contains("`demo/data/table.csv`"), missing.get(1).message());
        assertEquals(2, report.distributions().get(0).missingFiles());
    }

    @Test
    void aDamagedRecordIsAWarningNotACrash() {
        WheelBuilder wheel = WheelBuilder.wheel("demo", "1.0").file("demo/__init__.py", "")
                .recordLine("demo/__init__.py", "demo/__init__.py,not-a-hash,0");
        InspectionReport report = inspect(TestLayer.create().wheel(wheel, "python3.11"));
        Finding finding = findings(report, FindingKind.DIST_INFO_INVALID).get(0);
        assertEquals(Severity.WARNING, finding.severity());
        assertTrue(finding.message().startsWith("`demo 1.0` has an unreadable RECORD: "), finding.message());
        assertEquals(List.of(), findings(report, FindingKind.RECORD_MISSING));
    }

    @Test
    void aDistributionWithoutWheelOrRecordIsOnlyMentioned() {
        WheelBuilder wheel = WheelBuilder.wheel("demo", "1.0").file("demo/__init__.py", "").withoutRecord();
        InspectionReport report = inspect(TestLayer.create().wheel(wheel, "python3.11")
                .remove("python/lib/python3.11/site-packages/demo-1.0.dist-info/WHEEL"));
        assertEquals(List.of(FindingKind.WHEEL_FILE_MISSING, FindingKind.RECORD_MISSING),
                report.findings().stream().map(Finding::kind).toList());
        assertTrue(report.willLoad());
        assertEquals(TagVerdict.UNKNOWN, report.distributions().get(0).tagVerdict());
    }

    @Test
    void twoVersionsOfOneProjectAreAConflict() {
        InspectionReport report = inspect(TestLayer.create()
                .wheel(WheelBuilder.wheel("Demo", "1.0").file("demo/__init__.py", "v = 1\n"), "python3.11")
                .wheelUnder(WheelBuilder.wheel("demo", "2.0").file("demo/__init__.py", "v = 2\n"), "python/"));
        Finding finding = findings(report, FindingKind.DUPLICATE_DISTRIBUTION).get(0);
        assertTrue(finding.message().startsWith("`demo` is installed 2 times: 1.0 in "), finding.message());
    }
}
