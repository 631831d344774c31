package dev.pylayer.layer;

import static dev.pylayer.layer.LayerZipWriterTest.LAYOUT;
import static dev.pylayer.layer.LayerZipWriterTest.SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.testdata.wheels.InstallSchemeWheels;
import dev.pylayer.testdata.wheels.WheelBuilder;
import dev.pylayer.wheel.InvalidWheelException;
import dev.pylayer.wheel.Record;
import dev.pylayer.wheel.RecordEntry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What goes where: the .data scheme, scripts, entry points, RECORD, and files two wheels share. */
class LayerContentsTest {
    @TempDir
    Path dir;

    private LayerZip layer(WheelBuilder... wheels) {
        Path output = dir.resolve("layer.zip");
        List<LayerSource> sources = java.util.Arrays.stream(wheels)
                .map(wheel -> LayerSource.of(wheel.writeTo(dir.resolve("wheels")), true)).toList();
        LayerZipWriter.create().write(LAYOUT, sources, output);
        return new LayerZip(output);
    }

    @Test
    void mapsTheDataFolderAsPipTargetDoes() throws Exception {
        // The wheel LayerMatchesPipTargetIT installs with pip --target: these are the files pip writes there.
        LayerZip zip = layer(InstallSchemeWheels.everyScheme());
        List<String> files = zip.names().stream().filter(name -> !name.endsWith("/"))
                .map(name -> name.substring(SITE.length())).toList();
        assertEquals(List.of("bin/demo-cli", "bin/demo-gui", "bin/demo-run", "bin/plain.sh",
                "demo_pkg-1.0.dist-info/INSTALLER", "demo_pkg-1.0.dist-info/METADATA", "demo_pkg-1.0.dist-info/RECORD",
                "demo_pkg-1.0.dist-info/REQUESTED", "demo_pkg-1.0.dist-info/WHEEL",
                "demo_pkg-1.0.dist-info/entry_points.txt", "demo_pkg/__init__.py", "demo_pkg/_native.so",
                "demo_pkg/plat.py", "demo_pkg/pure.py", "demo_pkg/sub/data,with,commas.txt", "demo_pkg/tool",
                "include/python/demo-pkg/demo.h", "share/demo/x.txt", "via_data.py"), files);
        assertEquals("#!/var/lang/bin/python3.12\nprint('run')\n", zip.get(SITE + "bin/demo-run").text());
        assertEquals("#!/bin/sh\necho plain\n", zip.get(SITE + "bin/plain.sh").text());
        assertEquals(0100755, zip.get(SITE + "bin/demo-run").unixMode());
        assertEquals(0100755, zip.get(SITE + "bin/plain.sh").unixMode());
        assertEquals(0100644, zip.get(SITE + "share/demo/x.txt").unixMode());

        Record record = Record.parse(zip.get(SITE + "demo_pkg-1.0.dist-info/RECORD").content());
        assertEquals(files, record.entries().stream().map(RecordEntry::path).toList());
        LayerZipWriterTest.assertRecordMatches(zip, record);
    }

    @Test
    void writesLaunchersForEntryPointsAndDropsSetuptoolsWrappers() throws Exception {
        LayerZip zip = layer(WheelBuilder.wheel("demo", "1.0").file("demo/__init__.py", "def main(): pass\n")
                .entryPoint("console_scripts", "demo-cli", "demo:main")
                .entryPoint("gui_scripts", "demo-gui", "demo:main")
                .dataFile("scripts", "demo-cli", "#!python\n# a setuptools wrapper pip replaces\n")
                .dataFile("scripts", "demo-cli-script.py", "# the Windows flavour\n"));
        assertEquals("""
                #!/var/lang/bin/python3.12
                import sys
                from demo import main
                if __name__ == '__main__':
                    sys.argv[0] = sys.argv[0].removesuffix('.exe')
                    sys.exit(main())
                """, zip.get(SITE + "bin/demo-cli").text());
        assertEquals(0100755, zip.get(SITE + "bin/demo-gui").unixMode());
        assertFalse(zip.entries.containsKey(SITE + "bin/demo-cli-script.py"));
        Record record = Record.parse(zip.get(SITE + "demo-1.0.dist-info/RECORD").content());
        assertTrue(record.entry("bin/demo-cli").orElseThrow().hash().isPresent());
        assertTrue(record.entry("demo-1.0.data/scripts/demo-cli").isEmpty());
        LayerZipWriterTest.assertRecordMatches(zip, record);
    }

    @Test
    void writesRequestedOnlyForRequestedDistributions() {
        Path output = dir.resolve("layer.zip");
        Path top = WheelBuilder.wheel("top", "1.0").file("top.py", "").writeTo(dir);
        Path dep = WheelBuilder.wheel("dep", "1.0").file("dep.py", "").writeTo(dir);
        LayerFacts facts = LayerZipWriter.create().write(LAYOUT,
                List.of(LayerSource.of(top, true), LayerSource.of(dep, false)), output);
        LayerZip zip = new LayerZip(output);
        assertTrue(zip.entries.containsKey(SITE + "top-1.0.dist-info/REQUESTED"));
        assertFalse(zip.entries.containsKey(SITE + "dep-1.0.dist-info/REQUESTED"));
        assertEquals(List.of(false, true), facts.distributions().stream().map(DistributionFacts::requested).toList());
    }

    @Test
    void keepsOneCopyOfAFileTwoWheelsShipIdentically() {
        String namespace = "__path__ = __import__('pkgutil').extend_path(__path__, __name__)\n";
        LayerZip zip = layer(
                WheelBuilder.wheel("ns-one", "1.0").file("ns/__init__.py", namespace).file("ns/one.py", "ONE = 1\n"),
                WheelBuilder.wheel("ns-two", "1.0").file("ns/__init__.py", namespace).storedFile("ns/two.py", "TWO = 2\n".getBytes()));
        assertEquals(namespace, zip.get(SITE + "ns/__init__.py").text());
        assertEquals(1, zip.names().stream().filter(name -> name.equals(SITE + "ns/__init__.py")).count());
        assertTrue(zip.entries.containsKey(SITE + "ns/one.py") && zip.entries.containsKey(SITE + "ns/two.py"));
    }

    @Test
    void refusesTwoWheelsWritingDifferentBytesToOnePath() {
        Path one = WheelBuilder.wheel("one", "1.0").file("shared/util.py", "A = 1\n").writeTo(dir);
        Path two = WheelBuilder.wheel("two", "1.0").file("shared/util.py", "A = 2\n").writeTo(dir);
        Path output = dir.resolve("layer.zip");
        PathConflictException error = assertThrows(PathConflictException.class, () -> LayerZipWriter.create()
                .write(LAYOUT, List.of(LayerSource.of(two, true), LayerSource.of(one, true)), output));
        assertEquals(SITE + "shared/util.py", error.path());
        assertEquals("one-1.0-py3-none-any.whl", error.firstWheel());
        assertEquals("two-1.0-py3-none-any.whl", error.secondWheel());
        assertTrue(error.getMessage().contains("`one-1.0-py3-none-any.whl`") && error.getMessage().contains("`two-1.0-py3-none-any.whl`"));
        assertFalse(java.nio.file.Files.exists(output));
    }

    @Test
    void refusesAFileWhereAnotherWheelHasAFolder() {
        Path one = WheelBuilder.wheel("one", "1.0").file("shared", "a file\n").writeTo(dir);
        Path two = WheelBuilder.wheel("two", "1.0").file("shared/util.py", "A = 2\n").writeTo(dir);
        PathConflictException error = assertThrows(PathConflictException.class, () -> LayerZipWriter.create()
                .write(LAYOUT, List.of(LayerSource.of(one, true), LayerSource.of(two, true)), dir.resolve("layer.zip")));
        assertEquals(SITE + "shared", error.path());
        assertTrue(error.getMessage().contains("folder"), error.getMessage());
    }

    @Test
    void refusesAnUnknownDataSchemeAsPipDoes() {
        Path wheel = WheelBuilder.wheel("demo", "1.0").dataFile("nonsense", "x.txt", "x").writeTo(dir);
        InvalidWheelException error = assertThrows(InvalidWheelException.class, () -> LayerZipWriter.create()
                .write(LAYOUT, List.of(LayerSource.of(wheel, true)), dir.resolve("layer.zip")));
        assertEquals("demo-1.0.data/nonsense/x.txt", error.entry().orElseThrow());
    }

    @Test
    void usesTheFileNameGivenForAWheelStoredByDigest() throws Exception {
        WheelBuilder builder = WheelBuilder.wheel("demo", "1.0").file("demo.py", "");
        Path stored = dir.resolve("ab12cd34");
        java.nio.file.Files.write(stored, builder.toBytes());
        Path output = dir.resolve("layer.zip");
        LayerFacts facts = LayerZipWriter.create().write(LAYOUT, List.of(
                new LayerSource(stored, dev.pylayer.wheel.WheelFilename.parse(builder.filename()), true)), output);
        assertEquals("demo-1.0-py3-none-any.whl", facts.distributions().get(0).wheel());
    }
}
