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

class LayoutFindingsTest {
    private static final LambdaTarget PY311 = new LambdaTarget(LambdaRuntime.PYTHON_3_11, Architecture.X86_64);

    @TempDir
    Path dir;

    private static WheelBuilder requests() {
        return WheelBuilder.wheel("requests", "2.32.3").file("requests/__init__.py", "").file("requests/api.py", "x = 1\n");
    }

    private InspectionReport inspect(TestLayer layer) {
        return LayerInspector.inspect(layer.writeTo(dir), PY311);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"python/lib/python3.11/site-packages/", "python/"})
    void packagesUnderEitherImportRootLoad(String folder) {
        InspectionReport report = inspect(TestLayer.create().wheelUnder(requests(), folder));
        assertEquals(List.of(), report.findings());
        assertTrue(report.willLoad());
        assertEquals(1, report.distributions().size());
    }

    @Test
    void packagesAtTheZipRootAreInvisible() {
        InspectionReport report = inspect(TestLayer.create().wheelUnder(requests(), ""));
        List<Finding> outside = findings(report, FindingKind.LAYOUT_OUTSIDE_PYTHON);
        assertEquals(List.of("requests/", "requests-2.32.3.dist-info/"), outside.stream().map(Finding::path).toList());
        assertEquals(Severity.ERROR, outside.get(0).severity());
        assertTrue(outside.get(0).message().startsWith("`requests/` (2 files) is outside python/"), outside.get(0).message());
        assertFalse(report.willLoad());
    }

    @Test
    void aPackageBuiltForAnotherPythonIsInvisible() {
        InspectionReport report = inspect(TestLayer.create().wheel(requests(), "python3.12"));
        Finding finding = findings(report, FindingKind.LAYOUT_OTHER_PYTHON_VERSION).get(0);
        assertEquals(Severity.ERROR, finding.severity());
        assertEquals("python/lib/python3.12/", finding.path());
        assertTrue(finding.message().contains("is for python3.12, but python3.11 looks only in "
                + "`python/lib/python3.11/site-packages/`"), finding.message());
        assertTrue(finding.fix().contains("--runtime python3.11"), finding.fix());
    }

    @Test
    void aLayerForSeveralPythonsIsFine() {
        InspectionReport report = inspect(TestLayer.create().wheel(requests(), "python3.11").wheel(requests(), "python3.12"));
        assertTrue(report.willLoad(), report.findings().toString());
        assertEquals(Severity.INFO, findings(report, FindingKind.LAYOUT_OTHER_PYTHON_VERSION).get(0).severity());
    }

    @Test
    void filesInTheVersionFolderButNotSitePackagesAreNotImported() {
        InspectionReport report = inspect(TestLayer.create().wheel(requests(), "python3.11")
                .file("python/lib/python3.11/extra/mod.py", "x = 1\n"));
        Finding finding = findings(report, FindingKind.LAYOUT_OUTSIDE_SITE_PACKAGES).get(0);
        assertEquals(Severity.WARNING, finding.severity());
        assertEquals("python/lib/python3.11/extra/", finding.path());
    }

    @Test
    void nativeLibrariesAndProgramsHaveTheirOwnFolders() {
        byte[] library = ElfBuilder.x86_64().soname("libpq.so.5").needed("libc.so.6").toBytes();
        InspectionReport report = inspect(TestLayer.create().wheel(requests(), "python3.11")
                .file("lib/libpq.so.5", library).file("bin/tool", "#!/bin/sh\n").file("extensions/ext", "#!/bin/sh\n"));
        assertEquals(List.of(), report.findings());
    }

    @Test
    void strayFilesAreMentionedLooseModulesWarnedAbout() {
        InspectionReport report = inspect(TestLayer.create().wheel(requests(), "python3.11")
                .file("README.txt", "hi").file("handler.py", "def handler(e, c): pass\n"));
        List<Finding> outside = findings(report, FindingKind.LAYOUT_OUTSIDE_PYTHON);
        assertEquals(List.of("handler.py", "README.txt"), outside.stream().map(Finding::path).toList());
        assertEquals(List.of(Severity.WARNING, Severity.INFO), outside.stream().map(Finding::severity).toList());
        assertTrue(report.willLoad());
    }

    @Test
    void anEmptyLayerIsAnError() {
        InspectionReport report = inspect(TestLayer.create());
        assertEquals(FindingKind.LAYOUT_EMPTY, report.errors().get(0).kind());
    }

    @Test
    void unsafeEntryNamesAreFlagged() {
        InspectionReport report = inspect(TestLayer.create().wheel(requests(), "python3.11")
                .file("python/../../etc/cron.d/x", "x").file("/abs/file", "x"));
        assertEquals(2, findings(report, FindingKind.LAYOUT_UNSAFE_PATH).size());
    }

    @ParameterizedTest(name = "{0}: unsafe {1}")
    @CsvSource({
            "python/a/../../b, true",
            "python/..,        true",
            "C:/python/x,      true",
            "c:x,              true",
            "python/a\\b.py,   true",
            "python/..x/y,     false",
            "python/x../y,     false",
            "python/.../y,     false",
            "python/a:b/c,     false",
            "1:/python/x,      false",
    })
    void flagsAbsoluteDriveLetterBackslashAndParentSegmentsOnly(String name, boolean unsafe) {
        InspectionReport report = inspect(TestLayer.create().wheel(requests(), "python3.11").file(name, "x"));
        assertEquals(unsafe ? 1 : 0, findings(report, FindingKind.LAYOUT_UNSAFE_PATH).size(), name);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "_x.cpython-312-x86_64-linux-gnu.so, 'is built for CPython 3.12 on x86_64-linux-gnu'",
            "_x.cpython-313t-x86_64-linux-gnu.so, 'is built for free-threaded CPython 3.13'",
            "_x.cpython-311-x86_64-linux-musl.so, 'is built for CPython 3.11 on x86_64-linux-musl'",
            "_x.cp311-win_amd64.pyd, 'is built for Windows'",
            "_x.pypy310-pp73-x86_64-linux-gnu.so, 'is built for PyPy'",
    })
    void anExtensionModuleWithAnotherPythonsSuffixDoesNotImport(String file, String expected) {
        WheelBuilder wheel = WheelBuilder.wheel("demo", "1.0").file("demo/__init__.py", "")
                .file("demo/" + file, ElfBuilder.x86_64().toBytes());
        InspectionReport report = inspect(TestLayer.create().wheel(wheel, "python3.11"));
        Finding finding = findings(report, FindingKind.EXTENSION_ABI).get(0);
        assertEquals(Severity.ERROR, finding.severity());
        assertTrue(finding.message().contains(expected), finding.message());
        assertTrue(finding.message().endsWith("so `_x` will not import"), finding.message());
    }

    @Test
    void anotherPythonsBuildNextToAnImportableOneIsFine() {
        WheelBuilder wheel = WheelBuilder.wheel("demo", "1.0").file("demo/__init__.py", "")
                .file("demo/_x.cpython-312-x86_64-linux-gnu.so", ElfBuilder.x86_64().toBytes())
                .file("demo/_x.cpython-311-x86_64-linux-gnu.so", ElfBuilder.x86_64().toBytes());
        assertEquals(List.of(), inspect(TestLayer.create().wheel(wheel, "python3.11")).findings());
    }

    @Test
    void suggestsTheRuntimeAnExtensionWasBuiltFor() {
        WheelBuilder wheel = WheelBuilder.wheel("demo", "1.0")
                .file("demo/_x.cpython-313-x86_64-linux-gnu.so", ElfBuilder.x86_64().toBytes());
        Finding finding = findings(inspect(TestLayer.create().wheel(wheel, "python3.11")), FindingKind.EXTENSION_ABI).get(0);
        assertTrue(finding.fix().startsWith("target python3.13/x86_64 (`--runtime python3.13`), or install the manylinux "
                + "cp311 wheel of demo 1.0"), finding.fix());
    }
}
