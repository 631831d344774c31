package dev.pylayer.api;

import static dev.pylayer.testdata.files.Folders.names;
import static dev.pylayer.testdata.wheels.WheelBuilder.wheel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pylayer.index.HashMismatchException;
import dev.pylayer.inspect.LayerWillNotLoadException;
import dev.pylayer.requirements.HashCheckingException;
import dev.pylayer.resolve.Resolution;
import dev.pylayer.resolve.ResolutionException;
import dev.pylayer.runtime.Architecture;
import dev.pylayer.runtime.LambdaRuntime;
import dev.pylayer.testdata.elf.ElfBuilder;
import dev.pylayer.testdata.index.FakeIndex;
import dev.pylayer.testdata.wheels.HostileWheels;
import dev.pylayer.testdata.wheels.WheelBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The library's front door end to end: a fake index in, a layer zip (or a typed error and no file) out. */
class LayerBuildTest {
    @TempDir
    Path temp;
    @AutoClose
    final FakeIndex index = FakeIndex.start();
    Path out;

    @BeforeEach
    void start() throws IOException {
        out = Files.createDirectories(temp.resolve("out"));
        index.add(wheel("requests", "2.32.3").requiresDist("idna>=2", "certifi", "pysocks; extra == 'socks'")
                .providesExtra("socks").file("requests/__init__.py", "VERSION = '2.32.3'\n"));
        index.add(wheel("idna", "3.7").file("idna/__init__.py", "\n"));
        index.add(wheel("certifi", "2024.2.2").file("certifi/__init__.py", "\n"));
        index.add(wheel("pysocks", "1.7.1").file("socks.py", "\n"));
        index.add(wheel("fast", "1.0").tag("cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64")
                .file("fast/_speed.so", "ELF"));
    }

    private LayerBuild build(String... requirements) {
        return LayerBuild.forRuntime(LambdaRuntime.PYTHON_3_11).indexUrl(index.jsonApiUrl())
                .cacheDir(temp.resolve("cache")).require(requirements);
    }

    private static Set<String> entries(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return Collections.list(file.entries()).stream().map(ZipEntry::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void buildsALayerWithEveryResolvedWheelUnderSitePackages() throws IOException {
        List<BuildEvent> events = Collections.synchronizedList(new ArrayList<>());
        BuildResult result = build("requests[socks]", "fast").listener(events::add).build(out.resolve("layer.zip"));

        assertEquals(List.of("certifi", "fast", "idna", "pysocks", "requests"),
                result.packages().stream().map(BuiltPackage::name).toList());
        assertEquals(Set.of("fast", "requests"), result.packages().stream().filter(BuiltPackage::requested)
                .map(BuiltPackage::name).collect(Collectors.toSet()));
        BuiltPackage fast = result.packages().get(1);
        assertEquals(index.fileUrl("fast-1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"), fast.url());
        assertEquals(index.files("fast").get(0).sha256(), fast.sha256());
        assertEquals(index.files("fast").get(0).bytes().length, fast.size());

        Path zip = out.resolve("layer.zip");
        assertEquals(List.of("layer.zip"), names(out));
        Set<String> names = entries(zip);
        String site = "python/lib/python3.11/site-packages/";
        assertTrue(names.contains(site + "requests/__init__.py"), names.toString());
        assertTrue(names.contains(site + "fast/_speed.so"), names.toString());
        assertTrue(names.contains(site + "requests-2.32.3.dist-info/REQUESTED"), names.toString());
        assertFalse(names.contains(site + "idna-3.7.dist-info/REQUESTED"), names.toString());
        assertTrue(names.stream().allMatch(n -> n.startsWith("python/")), names.toString());
        assertEquals(result.layer().files(), names.stream().filter(n -> !n.endsWith("/")).count());
        assertEquals(Files.size(zip), result.layer().size());

        List<BuildEvent.Phase> phases = events.stream().filter(e -> e instanceof BuildEvent.PhaseStarted)
                .map(e -> ((BuildEvent.PhaseStarted) e).phase()).toList();
        assertEquals(List.of(BuildEvent.Phase.RESOLVING, BuildEvent.Phase.DOWNLOADING, BuildEvent.Phase.WRITING), phases);
        assertTrue(events.stream().anyMatch(e -> e instanceof BuildEvent.PackagePinned p && p.name().equals("requests")));
    }

    @Test
    void resolveAloneDownloadsNoWheelAndWritesNothing() throws IOException {
        Resolution resolution = build("requests").indexUrl(index.simpleUrl()).resolve();
        assertEquals(List.of("certifi", "idna", "requests"),
                resolution.packages().stream().map(p -> p.name().normalized()).toList());
        assertEquals(0, index.requestsTo("/files/requests-2.32.3-py3-none-any.whl"), "the simple pages advertise PEP 658 metadata, and nothing is downloaded");
        assertEquals(List.of(), names(out));
    }

    @Test
    void theSameRequirementsInAnyOrderGiveByteIdenticalZips() throws IOException {
        BuildResult first = build("requests", "fast", "pysocks").build(out.resolve("a.zip"));
        BuildResult second = LayerBuild.forRuntime(LambdaRuntime.PYTHON_3_11).indexUrl(index.simpleUrl())
                .noCache(true).require("pysocks", "fast", "requests").build(out.resolve("b.zip"));
        assertArrayEquals(Files.readAllBytes(out.resolve("a.zip")), Files.readAllBytes(out.resolve("b.zip")));
        assertEquals(first.layer().sha256(), second.layer().sha256());
        BuildResult warm = build("fast", "pysocks", "requests").reuseLayers(false).build(out.resolve("c.zip"));
        assertEquals(first.layer().sha256(), warm.layer().sha256(), "a warm cache changes nothing");
    }

    @Test
    void aFailedResolutionLeavesNoFileAndAnExistingOutputUntouched() throws IOException {
        Path existing = Files.writeString(out.resolve("layer.zip"), "the previous layer");
        ResolutionException.NoMatchingDistribution error = assertThrows(
                ResolutionException.NoMatchingDistribution.class, () -> build("requests", "nope").build(existing));
        assertTrue(error.getMessage().contains("`nope` was not found"), error.getMessage());
        assertEquals(List.of("layer.zip"), names(out));
        assertEquals("the previous layer", Files.readString(existing));
    }

    @Test
    void aWheelWhoseBytesDoNotMatchItsDigestIsRefusedAndNothingIsWritten() throws IOException {
        WheelBuilder real = wheel("a", "1.0");
        index.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/elsewhere/" + real.filename()))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withBody(real.toBytes())));
        String url = index.baseUrl() + "/elsewhere/" + real.filename() + "#sha256=" + "ab".repeat(32);
        dev.pylayer.PylayerException error = assertThrows(dev.pylayer.PylayerException.class,
                () -> build("a @ " + url).build(out.resolve("layer.zip")));
        assertTrue(error.getMessage().contains("does not match its hash"), error.getMessage());
        assertEquals(List.of(), names(out));
    }

    @Test
    void aWheelReadForItsMetadataThatDoesNotMatchItsDigestStopsTheBuildInsteadOfFallingBack() {
        index.coreMetadata(false).rangeRequests(false);
        index.add(wheel("a", "1.0"));
        FakeIndex.File newest = index.add(wheel("a", "2.0"));
        index.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(newest.path()))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withBody(wheel("a", "2.0").file("a/evil.py", "X = 1\n").toBytes())));
        HashMismatchException error = assertThrows(HashMismatchException.class,
                () -> build("a").build(out.resolve("layer.zip")));
        assertEquals(newest.filename(), error.filename());
        assertEquals(List.of(), names(out));
    }

    @Test
    void aLayerThatWouldNotLoadIsRefusedAndTheExistingOutputKept() throws IOException {
        // The tag promises glibc 2.17; the extension module needs 2.28, which python3.11's Amazon Linux 2 lacks.
        byte[] so = ElfBuilder.x86_64().needed("libc.so.6").versionNeed("libc.so.6", "GLIBC_2.28").toBytes();
        index.add(wheel("liar", "1.0").tag("cp311-cp311-manylinux_2_17_x86_64")
                .file("liar/_x.cpython-311-x86_64-linux-gnu.so", so));
        Path existing = Files.writeString(out.resolve("layer.zip"), "the previous layer");
        LayerWillNotLoadException error = assertThrows(LayerWillNotLoadException.class,
                () -> build("requests", "liar").build(existing));
        assertTrue(error.hints().stream().anyMatch(h -> h.contains("liar/_x.cpython-311-x86_64-linux-gnu.so")
                && h.contains("GLIBC_2.28")), error.hints().toString());
        assertEquals(List.of("layer.zip"), names(out));
        assertEquals("the previous layer", Files.readString(existing));
    }

    @Test
    void aDirectUrlWheelEndsUpInTheLayer() throws IOException {
        Path local = wheel("mine", "0.1").file("mine.py", "X = 1\n").writeTo(temp.resolve("wheels"));
        String sha256 = WheelBuilder.sha256Hex(Files.readAllBytes(local));
        BuildResult result = build("mine @ " + local.toUri() + "#sha256=" + sha256).build(out.resolve("layer.zip"));
        BuiltPackage mine = result.packages().get(0);
        assertEquals(local.toUri().toString(), mine.url());
        assertEquals(sha256, mine.sha256());
        assertTrue(entries(out.resolve("layer.zip")).contains("python/lib/python3.11/site-packages/mine.py"));
    }

    @Test
    void anUnsafeWheelIsRefusedWhileWritingAndNoTemporaryFileIsLeft() throws IOException {
        HostileWheels.Hostile slip = HostileWheels.zipSlip();
        index.addFile("hostile", "1.0", slip.filename(), slip.bytes(), HostileWheels.base().metadata());
        Path existing = Files.writeString(out.resolve("layer.zip"), "the previous layer");
        assertThrows(dev.pylayer.wheel.UnsafeWheelEntryException.class, () -> build("hostile").build(existing));
        assertEquals(List.of("layer.zip"), names(out));
        assertEquals("the previous layer", Files.readString(existing));
    }

    @Test
    void readsIndexUrlConstraintsAndHashesFromRequirementsFiles() throws IOException {
        String idnaHash = index.files("idna").get(0).sha256();
        Path constraints = Files.writeString(temp.resolve("constraints.txt"), "certifi<2025\nunused==1.0\n");
        Path requirements = Files.writeString(temp.resolve("requirements.txt"), String.join("\n",
                "--index-url " + index.simpleUrl(), "-c constraints.txt", "idna==3.7 \\", "    --hash=sha256:" + idnaHash, ""));
        BuildResult result = LayerBuild.forRuntime(LambdaRuntime.PYTHON_3_11).cacheDir(temp.resolve("cache"))
                .requirementsFile(requirements).build(out.resolve("layer.zip"));
        assertEquals(List.of("idna"), result.packages().stream().map(BuiltPackage::name).toList());
        assertTrue(index.requestsTo("/simple/idna/") > 0, "the file's --index-url is used");
    }

    @Test
    void aWrongRequirementsHashFailsTheDownload() throws IOException {
        Path requirements = Files.writeString(temp.resolve("requirements.txt"),
                "idna==3.7 --hash=sha256:" + "cd".repeat(32) + "\n");
        assertThrows(HashMismatchException.class, () -> build().indexUrl(index.jsonApiUrl())
                .requirementsFile(requirements).build(out.resolve("layer.zip")));
        assertEquals(List.of(), names(out));
    }

    @Test
    void hashCheckingModeNeedsEveryRequirementPinned() throws IOException {
        Path requirements = Files.writeString(temp.resolve("requirements.txt"),
                "idna>=3 --hash=sha256:" + index.files("idna").get(0).sha256() + "\n");
        assertThrows(HashCheckingException.class, () -> build().requirementsFile(requirements).resolve());
    }

    @Test
    void hashCheckingModeNeedsAHashForEveryDependency() throws IOException {
        Path requirements = Files.writeString(temp.resolve("requirements.txt"),
                "requests==2.32.3 --hash=sha256:" + index.files("requests").get(0).sha256() + "\n");
        ResolutionException.HashesRequired error = assertThrows(ResolutionException.HashesRequired.class,
                () -> build().requirementsFile(requirements).resolve());
        assertTrue(error.getMessage().contains("idna==3.7 --hash=sha256:" + index.files("idna").get(0).sha256()),
                error.getMessage());
    }

    @Test
    void buildsForArm64() throws IOException {
        index.add(wheel("fast", "1.0").tag("cp311-cp311-manylinux_2_17_aarch64.manylinux2014_aarch64"));
        BuildResult result = build("fast").arch(Architecture.ARM64).build(out.resolve("layer.zip"));
        assertTrue(result.packages().get(0).filename().endsWith("aarch64.whl"), result.packages().toString());
    }

    @Test
    void nothingToBuildIsAnError() {
        assertThrows(NothingToBuildException.class, () -> build().build(out.resolve("layer.zip")));
    }

    /**
     * pip installs nothing, successfully, when every requirement's marker excludes the environment ("Ignoring x:
     * markers … don't match your environment"); a layer with no files is of no use, so pylayer says why it has
     * nothing to build instead of failing the layer's load check (found by bench/difftest.py).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            idna; platform_machine == "aarch64"                                      | x86_64
            idna; python_version >= "3.12"                                           | x86_64
            idna; sys_platform == "win32"                                            | arm64
            idna; platform_machine == "x86_64"                                       | arm64
            """)
    void requirementsWhoseMarkersExcludeTheTargetLeaveNothingToBuild(String requirement, String arch) {
        NothingToBuildException e = assertThrows(NothingToBuildException.class, () -> build(requirement)
                .arch(Architecture.of(arch)).build(out.resolve("layer.zip")));
        assertTrue(e.getMessage().contains("`" + requirement + "`"), e.getMessage());
        assertTrue(e.getMessage().contains("python3.11 on " + arch), e.getMessage());
        assertTrue(e.hints().stream().anyMatch(h -> h.contains("--runtime") && h.contains("--arch")), e.hints().toString());
        assertFalse(Files.exists(out.resolve("layer.zip")));
    }

    @Test
    void aRequirementWhoseMarkerExcludesTheTargetIsLeftOutOfALayerWithOthers() {
        BuildResult result = build("idna", "certifi; python_version < \"3.10\"").build(out.resolve("layer.zip"));
        assertEquals(List.of("idna"), result.packages().stream().map(BuiltPackage::name).toList());
    }

    @Test
    void theReportHasTheShapeOfIssue3() throws IOException {
        BuildResult result = build("idna").build(out.resolve("layer.zip"));
        Path report = out.resolve("report.json");
        BuildReport.write(result, report);
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        // Issue 3's keys, then what the size options left out (issue 6; nothing here).
        assertEquals(List.of("runtime", "arch", "packages", "layer", "excluded"), fieldNames(json));
        assertEquals(0, json.get("excluded").get("files").asInt());
        assertEquals("python3.11", json.get("runtime").asText());
        assertEquals("x86_64", json.get("arch").asText());
        JsonNode idna = json.get("packages").get(0);
        // Issue 3's six fields, and `requested` (documented in BuildReport) after them.
        assertEquals(List.of("name", "version", "filename", "url", "sha256", "size", "requested"), fieldNames(idna));
        assertEquals("idna", idna.get("name").asText());
        assertEquals("3.7", idna.get("version").asText());
        assertEquals("idna-3.7-py3-none-any.whl", idna.get("filename").asText());
        assertEquals(index.fileUrl("idna-3.7-py3-none-any.whl"), idna.get("url").asText());
        assertEquals(index.files("idna").get(0).sha256(), idna.get("sha256").asText());
        assertTrue(idna.get("size").isIntegralNumber());
        JsonNode layer = json.get("layer");
        assertEquals(List.of("sha256", "size", "uncompressed_size", "files"), fieldNames(layer));
        assertEquals(result.layer().sha256(), layer.get("sha256").asText());
        assertEquals(Files.size(out.resolve("layer.zip")), layer.get("size").asLong());
        assertTrue(layer.get("uncompressed_size").asLong() > 0 && layer.get("files").asInt() > 0);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
