package dev.pylayer.layer;

import static dev.pylayer.layer.LayerZipWriterTest.LAYOUT;
import static dev.pylayer.layer.LayerZipWriterTest.SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.name.PackageName;
import dev.pylayer.testdata.wheels.WheelBuilder;
import dev.pylayer.wheel.Record;
import dev.pylayer.wheel.RecordEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Leaving files out of a planned layer: whole distributions, globs, --slim; RECORD follows; sizes known before writing. */
class LayerTrimTest {
    @TempDir
    Path dir;

    private List<LayerSource> sources() {
        Path wheels = dir.resolve("wheels");
        return List.of(
                LayerSource.of(WheelBuilder.wheel("demo", "1.0")
                        .file("demo/__init__.py", "from demo import core\n")
                        .file("demo/core.py", "VALUE = 1\n")
                        .file("demo/core.pyi", "VALUE: int\n")
                        .file("demo/__pycache__/core.cpython-311.pyc", "compiled")
                        .file("demo/tests/__init__.py", "")
                        .file("demo/tests/test_core.py", "def test(): pass\n".repeat(50))
                        .file("demo/data/big.json", "{\"a\": 1}\n".repeat(5000))
                        .file("shared/LICENSE", "same bytes in both wheels\n")
                        .writeTo(wheels), true),
                LayerSource.of(WheelBuilder.wheel("botocore", "1.34.0")
                        .file("botocore/__init__.py", "")
                        .file("botocore/data/ec2.json", "{}".repeat(10_000))
                        .file("shared/LICENSE", "same bytes in both wheels\n")
                        .writeTo(wheels), false));
    }

    private LayerZip write(LayerPlan plan) {
        Path output = dir.resolve("layer.zip");
        LayerZipWriter.create().write(plan, output);
        return new LayerZip(output);
    }

    private static Set<String> files(LayerZip zip) {
        Set<String> files = new TreeSet<>();
        zip.names().stream().filter(name -> !name.endsWith("/")).map(name -> name.substring(SITE.length()))
                .forEach(files::add);
        return files;
    }

    /** Every RECORD lists exactly its distribution's files in the zip, with matching hashes. */
    private static void assertRecordsMatch(LayerZip zip, LayerPlan plan) throws Exception {
        for (DistributionFacts facts : plan.distributions()) {
            String distInfo = facts.name().wheelEscaped() + "-" + facts.version() + ".dist-info";
            Record record = Record.parse(zip.get(SITE + distInfo + "/RECORD").content());
            LayerZipWriterTest.assertRecordMatches(zip, record);
            assertEquals(facts.files(), record.entries().size(), distInfo);
        }
    }

    @Test
    void leavesOutWholeDistributionsButKeepsFilesAKeptOneShipsToo() throws Exception {
        LayerTrim trim = LayerTrim.NONE.withDistributions(List.of(PackageName.of("botocore")));
        try (LayerPlan plan = LayerPlan.create(LAYOUT, sources(), trim); LayerPlan full = LayerPlan.create(LAYOUT, sources())) {
            assertEquals(List.of("demo"), plan.distributions().stream().map(d -> d.name().normalized()).toList());
            Exclusion exclusion = plan.exclusions().get(0);
            assertEquals(Exclusion.Rule.DISTRIBUTION, exclusion.rule());
            assertEquals(List.of("botocore"), exclusion.distributions().stream().map(d -> d.name().normalized()).toList());
            assertEquals(full.uncompressedSize() - plan.uncompressedSize(), exclusion.bytes());
            assertEquals(full.fileCount() - plan.fileCount(), exclusion.files());
            LayerZip zip = write(plan);
            assertTrue(files(zip).contains("shared/LICENSE"));
            assertFalse(files(zip).stream().anyMatch(path -> path.startsWith("botocore")));
            assertRecordsMatch(zip, plan);
        }
    }

    @Test
    void excludeGlobsRewriteRecordAndCountEachFileOnce() throws Exception {
        LayerTrim trim = LayerTrim.NONE.withExcludes(List.of(PathGlob.parse("demo/data/**"),
                PathGlob.parse("demo/data"), PathGlob.parse("**/*.json"), PathGlob.parse("nothing/**")));
        try (LayerPlan plan = LayerPlan.create(LAYOUT, sources(), trim)) {
            List<Exclusion> exclusions = plan.exclusions();
            assertEquals(List.of("demo/data/**", "demo/data", "**/*.json", "nothing/**"),
                    exclusions.stream().map(Exclusion::pattern).toList());
            assertEquals(List.of(1, 0, 1, 0), exclusions.stream().map(Exclusion::files).toList());
            // The file and its RECORD row.
            assertTrue(exclusions.get(0).bytes() > 45_000 && exclusions.get(0).bytes() < 45_200, exclusions.toString());
            assertTrue(exclusions.get(2).bytes() > 20_000 && exclusions.get(2).bytes() < 20_200, exclusions.toString());
            assertEquals(0, exclusions.get(1).bytes());
            LayerZip zip = write(plan);
            assertFalse(files(zip).contains("demo/data/big.json"));
            assertFalse(files(zip).contains("botocore/data/ec2.json"));
            assertFalse(zip.names().contains(SITE + "demo/data/"), "an emptied folder has no entry");
            assertRecordsMatch(zip, plan);
            Record record = Record.parse(zip.get(SITE + "demo-1.0.dist-info/RECORD").content());
            assertTrue(record.entry("demo/data/big.json").isEmpty());
            assertTrue(record.entry("demo/core.py").isPresent());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"*.dist-info/**", "demo-1.0.dist-info", "demo-1.0.dist-info/METADATA", "**/RECORD",
            "*/WHEEL", "**"})
    void refusesAGlobThatWouldRemoveDistInfoEssentials(String glob) {
        LayerTrim trim = LayerTrim.NONE.withExcludes(List.of(PathGlob.parse(glob)));
        InvalidExcludeException error = assertThrows(InvalidExcludeException.class,
                () -> LayerPlan.create(LAYOUT, sources(), trim).close());
        assertTrue(error.getMessage().contains("`" + glob + "`"), error.getMessage());
        assertTrue(error.getMessage().matches(".*would remove `[a-z]+-[0-9.]+\\.dist-info/(METADATA|RECORD|WHEEL)`.*"),
                error.getMessage());
    }

    @Test
    void otherDistInfoFilesMayBeExcluded() throws Exception {
        LayerTrim trim = LayerTrim.NONE.withExcludes(List.of(PathGlob.parse("*.dist-info/INSTALLER")));
        try (LayerPlan plan = LayerPlan.create(LAYOUT, sources(), trim)) {
            assertEquals(2, plan.exclusions().get(0).files());
            assertRecordsMatch(write(plan), plan);
        }
    }

    @Test
    void slimLeavesOutCachesAndTestsAndStubsSeparately() throws Exception {
        try (LayerPlan slim = LayerPlan.create(LAYOUT, sources(), LayerTrim.NONE.withSlim(true));
             LayerPlan both = LayerPlan.create(LAYOUT, sources(), LayerTrim.NONE.withSlim(true).withSlimStubs(true))) {
            assertEquals(3, slim.exclusions().get(0).files());
            LayerZip zip = write(slim);
            assertTrue(files(zip).contains("demo/core.pyi"));
            assertFalse(files(zip).contains("demo/tests/test_core.py"));
            assertFalse(files(zip).contains("demo/__pycache__/core.cpython-311.pyc"));
            assertRecordsMatch(zip, slim);
            assertEquals(List.of(Exclusion.Rule.SLIM, Exclusion.Rule.SLIM_STUBS),
                    both.exclusions().stream().map(Exclusion::rule).toList());
            assertEquals(1, both.exclusions().get(1).files());
            assertFalse(files(write(both)).contains("demo/core.pyi"));
        }
    }

    @Test
    void previewSaysWhatAnOptionWouldSaveWithoutApplyingIt() {
        try (LayerPlan plan = LayerPlan.create(LAYOUT, sources());
             LayerPlan slim = LayerPlan.create(LAYOUT, sources(), LayerTrim.NONE.withSlim(true))) {
            long before = plan.uncompressedSize();
            List<Exclusion> preview = plan.preview(LayerTrim.NONE.withSlim(true));
            assertEquals(before, plan.uncompressedSize());
            assertEquals(slim.exclusions(), preview);
            assertEquals(before - slim.uncompressedSize(), preview.get(0).bytes());
        }
    }

    @Test
    void estimatesTheZipSizeFromTheWheelsCompressedSizes() throws Exception {
        byte[] noise = new byte[200_000];
        new Random(7).nextBytes(noise);
        List<LayerSource> sources = List.of(LayerSource.of(WheelBuilder.wheel("mixed", "1.0")
                .file("mixed/__init__.py", "").file("mixed/noise.bin", noise)
                .file("mixed/text.txt", "compressible ".repeat(20_000)).storedFile("mixed/stored.bin", noise)
                .writeTo(dir.resolve("wheels")), true));
        try (LayerPlan plan = LayerPlan.create(LAYOUT, sources)) {
            long estimate = plan.zipSizeEstimate();
            Path output = dir.resolve("mixed.zip");
            long actual = LayerZipWriter.create().write(plan, output).size();
            assertEquals(Files.size(output), actual);
            assertTrue(estimate >= actual && estimate <= actual + 2_000, estimate + " vs " + actual);
        }
    }

    @Test
    void namesTheLargestFoldersTwoLevelsDown() {
        try (LayerPlan plan = LayerPlan.create(LAYOUT, sources())) {
            List<FolderSize> folders = plan.largestFolders(2, 2);
            assertEquals(List.of(new FolderSize("demo/data", 45_000), new FolderSize("botocore/data", 20_000)), folders);
        }
    }
}
