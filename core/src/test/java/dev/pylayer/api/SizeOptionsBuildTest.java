package dev.pylayer.api;

import static dev.pylayer.testdata.wheels.WheelBuilder.wheel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pylayer.inspect.FindingKind;
import dev.pylayer.inspect.InspectionReport;
import dev.pylayer.inspect.LayerInspector;
import dev.pylayer.layer.InvalidExcludeException;
import dev.pylayer.layer.LayerTooLargeException;
import dev.pylayer.runtime.LambdaRuntime;
import dev.pylayer.testdata.index.FakeIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The size options end to end: a fake index of an AWS SDK look-alike and a package with tests, stubs and caches. */
class SizeOptionsBuildTest {
    private static final String SITE = "python/lib/python3.11/site-packages/";

    @TempDir
    Path temp;
    @AutoClose
    final FakeIndex index = FakeIndex.start();
    Path zip;

    @BeforeEach
    void start() {
        zip = temp.resolve("out/layer.zip");
        index.add(wheel("boto3", "1.34.0").requiresDist("botocore<1.35,>=1.34", "jmespath<2,>=0.7.1", "s3transfer<0.11,>=0.10")
                .file("boto3/__init__.py", "import botocore\n"));
        index.add(wheel("botocore", "1.34.100").requiresDist("jmespath<2,>=0.7.1", "python-dateutil<3,>=2.1",
                        "urllib3<2.1,>=1.25.4; python_version >= '3.10'", "awscrt==0.19.19; extra == 'crt'")
                .providesExtra("crt").file("botocore/__init__.py", "").file("botocore/data/ec2.json", "{}".repeat(50_000)));
        index.add(wheel("s3transfer", "0.10.1").requiresDist("botocore<2,>=1.33.2").file("s3transfer/__init__.py", ""));
        index.add(wheel("jmespath", "1.0.1").file("jmespath/__init__.py", ""));
        index.add(wheel("python-dateutil", "2.9.0").requiresDist("six>=1.5").file("dateutil/__init__.py", ""));
        index.add(wheel("six", "1.16.0").file("six.py", ""));
        index.add(wheel("urllib3", "2.0.7").file("urllib3/__init__.py", ""));
        index.add(wheel("aiobotocore", "2.13.0").requiresDist("botocore<1.34.132,>=1.34.70", "jmespath")
                .file("aiobotocore/__init__.py", "import botocore\n"));
        index.add(wheel("mylib", "1.0").requiresDist("six")
                .file("mylib/__init__.py", "from mylib.core import run\n")
                .file("mylib/core.py", "def run():\n    from mylib.tests._helpers import sample\n    return sample\n")
                .file("mylib/core.pyi", "def run() -> int: ...\n")
                .file("mylib/__pycache__/core.cpython-311.pyc", "compiled")
                .file("mylib/tests/__init__.py", "")
                .file("mylib/tests/_helpers.py", "sample = 1\n")
                .file("mylib/tests/test_core.py", "def test_run():\n    pass\n".repeat(100))
                .file("mylib/data/table.csv", "a,b\n".repeat(10_000)));
    }

    private LayerBuild build(String... requirements) {
        return LayerBuild.forRuntime(LambdaRuntime.PYTHON_3_11).indexUrl(index.jsonApiUrl())
                .cacheDir(temp.resolve("cache")).require(requirements);
    }

    private static Set<String> files(Path zip) throws IOException {
        Set<String> names = new TreeSet<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : Collections.list(file.entries())) {
                if (!entry.isDirectory()) {
                    names.add(entry.getName().substring(SITE.length()));
                }
            }
        }
        return names;
    }

    private static List<String> names(List<BuiltPackage> packages) {
        return packages.stream().map(BuiltPackage::name).toList();
    }

    private static void assertNoMissingFiles(BuildResult result) {
        InspectionReport report = LayerInspector.inspect(result.output(), result.target());
        assertTrue(report.willLoad(), report.findings().toString());
        assertTrue(report.findings().stream().noneMatch(f -> f.kind() == FindingKind.RECORD_FILE_MISSING
                || f.kind() == FindingKind.RECORD_HASH_MISMATCH), report.findings().toString());
    }

    /** Keeps the build's detail lines (what the command line prints with --verbose). */
    private static BuildListener detailsInto(List<String> details) {
        return event -> {
            if (event instanceof BuildEvent.Detail detail) {
                details.add(detail.message());
            }
        };
    }

    @Test
    void leavesOutWhatTheRuntimeShipsAfterResolvingAsUsual() throws IOException {
        Files.createDirectories(zip.getParent());
        List<String> details = Collections.synchronizedList(new ArrayList<>());
        BuildResult result = build("aiobotocore", "mylib").excludeRuntimeProvided(true)
                .listener(detailsInto(details)).build(zip);
        assertEquals(List.of("aiobotocore", "mylib"), names(result.packages()));
        assertEquals(List.of("botocore", "jmespath", "python-dateutil", "six", "urllib3"),
                names(result.excluded().packages()));
        assertEquals("runtime-provided", result.excluded().rules().get(0).name());
        assertTrue(result.excluded().bytes() > 100_000);
        assertTrue(files(zip).stream().noneMatch(path -> path.startsWith("botocore") || path.equals("six.py")),
                files(zip).toString());
        assertTrue(result.warnings().get(0).startsWith("left out botocore 1.34.100, jmespath 1.0.1, python-dateutil"
                + " 2.9.0, six 1.16.0, urllib3 2.0.7: the python3.11 runtime ships them"), result.warnings().toString());
        assertTrue(result.warnings().contains("botocore is left out but `aiobotocore 2.13.0` requires"
                + " `botocore<1.34.132,>=1.34.70`: the python3.11 runtime's copy must satisfy that (pin"
                + " `botocore==1.34.100` to keep it in the layer)"), result.warnings().toString());
        // six has no version in mylib's requirement, jmespath none in aiobotocore's: nothing to check for them.
        assertTrue(result.warnings().stream().noneMatch(w -> w.startsWith("six is left out")
                || w.startsWith("jmespath is left out")), result.warnings().toString());
        assertTrue(details.isEmpty(), details.toString());
        assertNoMissingFiles(result);
    }

    @Test
    void keepsWhatTheUserPinnedAndNamesTheRequirementsOnWhatGoes() throws IOException {
        Files.createDirectories(zip.getParent());
        List<String> details = Collections.synchronizedList(new ArrayList<>());
        BuildResult result = build("boto3==1.34.0", "jmespath>=1.0").excludeRuntimeProvided(true)
                .listener(detailsInto(details)).build(zip);
        assertEquals(List.of("boto3"), names(result.packages()));
        assertTrue(details.contains("kept boto3 1.34.0 in the layer although the python3.11 runtime ships it:"
                + " you pinned it"), details.toString());
        // s3transfer requires botocore too, but it is left out as well: the runtime's copies go together.
        assertTrue(result.warnings().contains("botocore is left out but `boto3 1.34.0` requires `botocore<1.35,>=1.34`:"
                + " the python3.11 runtime's copy must satisfy that (pin `botocore==1.34.100` to keep it in the layer)"),
                result.warnings().toString());
        assertTrue(result.warnings().stream().anyMatch(w -> w.startsWith("jmespath is left out but you asked for"
                + " `jmespath>=1.0` (command line); `boto3 1.34.0` requires `jmespath<2,>=0.7.1`")),
                result.warnings().toString());
        assertNoMissingFiles(result);
    }

    @Test
    void aDirectUrlCountsAsAPin() throws IOException {
        Files.createDirectories(zip.getParent());
        String url = index.fileUrl(index.files("boto3").get(0).filename());
        BuildResult result = build("boto3 @ " + url).excludeRuntimeProvided(true).build(zip);
        assertEquals(List.of("boto3"), names(result.packages()));
        assertEquals(List.of("botocore", "jmespath", "python-dateutil", "s3transfer", "six", "urllib3"),
                names(result.excluded().packages()));
    }

    @Test
    void saysSoWhenTheRuntimeShipsEverythingRequested() {
        NothingToBuildException error = assertThrows(NothingToBuildException.class,
                () -> build("boto3").excludeRuntimeProvided(true).build(zip));
        assertTrue(error.getMessage().startsWith("nothing to build: the python3.11 runtime already ships everything the"
                + " requirements resolve to (`boto3, botocore, jmespath, python-dateutil, s3transfer, six, urllib3`)"),
                error.getMessage());
        assertFalse(Files.exists(zip));
    }

    @Test
    void slimExcludeAndStubsRewriteRecordAndKeepImportedTestModules() throws IOException {
        Files.createDirectories(zip.getParent());
        BuildResult result = build("mylib").slim(true).slimStubs(true).exclude("mylib/data/**", "nothing/**")
                .build(zip);
        Set<String> files = files(zip);
        assertTrue(files.contains("mylib/tests/_helpers.py") && files.contains("mylib/tests/__init__.py"), files.toString());
        assertFalse(files.contains("mylib/tests/test_core.py"));
        assertFalse(files.contains("mylib/core.pyi"));
        assertFalse(files.contains("mylib/__pycache__/core.cpython-311.pyc"));
        assertFalse(files.contains("mylib/data/table.csv"));
        assertEquals(List.of("exclude mylib/data/**", "exclude nothing/**", "slim ", "slim-stubs "),
                result.excluded().rules().stream().map(r -> r.name() + " " + r.pattern()).toList());
        assertEquals(List.of(1, 0, 2, 1), result.excluded().rules().stream().map(Excluded.Rule::files).toList());
        assertTrue(result.warnings().contains("--exclude `nothing/**` matched no file (patterns are relative to"
                + " site-packages, e.g. `botocore/data/**`)"), result.warnings().toString());
        assertTrue(result.excluded().packages().isEmpty());
        assertNoMissingFiles(result);
    }

    @Test
    void refusesAnExcludeThatWouldRemoveDistInfoMetadataAndWritesNothing() {
        InvalidExcludeException error = assertThrows(InvalidExcludeException.class,
                () -> build("mylib").exclude("mylib*/**").build(zip));
        assertTrue(error.getMessage().contains("`mylib-1.0.dist-info/METADATA`"), error.getMessage());
        assertFalse(Files.exists(zip.getParent()) && Files.exists(zip));
        assertThrows(InvalidExcludeException.class, () -> build("mylib").exclude("/abs/**"));
    }

    @Test
    void failsBeforeWritingWithWhatEachOptionWouldSave() throws IOException {
        Files.createDirectories(zip.getParent());
        LayerTooLargeException error = assertThrows(LayerTooLargeException.class,
                () -> build("boto3", "mylib").limits(50_000, Long.MAX_VALUE).build(zip));
        assertFalse(Files.exists(zip));
        assertTrue(error.getMessage().startsWith("the layer would be 0.1 MB unzipped"), error.getMessage());
        assertTrue(error.getMessage().contains("largest: botocore 0.1 MB"), error.getMessage());
        List<String> hints = error.hints();
        assertTrue(hints.get(0).startsWith("--exclude-runtime-provided would save 102.0 KB: "), hints.toString());
        assertTrue(hints.get(0).endsWith(": boto3, botocore, jmespath, python-dateutil, s3transfer, six, urllib3 (the"
                + " python3.11 runtime ships them)"), hints.toString());
        assertTrue(hints.get(1).startsWith("--slim would save 2.6 KB: __pycache__ folders, .pyc files and the test suites packages ship"), hints.toString());
        assertTrue(hints.get(2).startsWith("--slim-stubs would save 91 B: .pyi type stubs"), hints.toString());
        assertTrue(hints.get(3).startsWith("all of these together would save "), hints.toString());
        assertTrue(hints.get(4).startsWith("largest folders: botocore/data 97.7 KB"), hints.toString());

        LayerTooLargeException zipped = assertThrows(LayerTooLargeException.class,
                () -> build("boto3", "mylib").slim(true).directUpload(true).limits(Long.MAX_VALUE, 1_000).build(zip));
        assertTrue(zipped.getMessage().startsWith("the layer would be about "), zipped.getMessage());
        assertTrue(zipped.hints().stream().noneMatch(h -> h.startsWith("--slim ")), zipped.hints().toString());
        assertTrue(zipped.hints().get(0).startsWith("--exclude-runtime-provided would save about "), zipped.hints().toString());
        assertFalse(Files.exists(zip));

        // Not uploading directly: a zip over the direct-upload limit is fine.
        build("boto3", "mylib").limits(Long.MAX_VALUE, 1_000).build(zip);
        assertTrue(Files.exists(zip));
    }

    @Test
    void theReportKeepsItsKeysAndAddsWhatWasExcluded() throws IOException {
        Files.createDirectories(zip.getParent());
        Path report = temp.resolve("report.json");
        BuildReport.write(build("boto3", "mylib").excludeRuntimeProvided(true).slim(true).build(zip), report);
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertEquals(List.of("runtime", "arch", "packages", "layer", "excluded"), fieldNames(json));
        assertEquals(List.of("sha256", "size", "uncompressed_size", "files"), fieldNames(json.get("layer")));
        assertEquals(List.of("name", "version", "filename", "url", "sha256", "size", "requested"),
                fieldNames(json.get("packages").get(0)));
        assertEquals(List.of("mylib"), json.get("packages").findValuesAsText("name"));
        JsonNode excluded = json.get("excluded");
        assertEquals(List.of("files", "bytes", "packages", "rules"), fieldNames(excluded));
        assertEquals(List.of("boto3", "botocore", "jmespath", "python-dateutil", "s3transfer", "six", "urllib3"),
                excluded.get("packages").findValuesAsText("name"));
        assertEquals(List.of("name", "version", "filename", "url", "sha256", "size", "requested"),
                fieldNames(excluded.get("packages").get(0)));
        assertEquals(List.of("runtime-provided", "slim"), excluded.get("rules").findValuesAsText("rule"));
        assertEquals(List.of("rule", "files", "bytes"), fieldNames(excluded.get("rules").get(1)));
        long bytes = 0;
        for (JsonNode rule : excluded.get("rules")) {
            bytes += rule.get("bytes").asLong();
        }
        assertEquals(bytes, excluded.get("bytes").asLong());

        BuildReport.write(build("mylib").exclude("mylib/data").build(zip), report);
        JsonNode plain = new ObjectMapper().readTree(report.toFile()).get("excluded");
        assertEquals(List.of("rule", "pattern", "files", "bytes"), fieldNames(plain.get("rules").get(0)));
        assertEquals("mylib/data", plain.get("rules").get(0).get("pattern").asText());
        assertEquals(0, plain.get("packages").size());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
