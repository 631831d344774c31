package dev.pylayer.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pylayer.runtime.LambdaRuntime;
import dev.pylayer.testdata.real.Commands;
import dev.pylayer.testdata.real.RealTools;
import dev.pylayer.testdata.wheels.InstallSchemeWheels;
import dev.pylayer.wheel.Record;
import dev.pylayer.wheel.RecordEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layer's site-packages against what the machine's {@code pip install --target} makes of the same wheel:
 * the same files, with the same bytes, except what pylayer writes on purpose (INSTALLER, RECORD, script
 * shebangs and launchers naming Lambda's interpreter) and pip's {@code direct_url.json} for a local file.
 * Skipped where there is no python3.11 with pip.
 */
class LayerMatchesPipTargetIT {
    private static final LayerLayout LAYOUT = LayerLayout.forRuntime(LambdaRuntime.PYTHON_3_11);

    @TempDir
    Path dir;

    @Test
    void installsWhatPipTargetInstalls() throws Exception {
        assumeTrue(RealTools.python311().isPresent() && pipWorks(), "no python3.11 with pip");
        Path wheel = InstallSchemeWheels.everyScheme().writeTo(dir.resolve("wheels"));

        Path target = dir.resolve("target");
        run(List.of(RealTools.python311().orElseThrow(), "-m", "pip", "--isolated", "--disable-pip-version-check",
                "install", "-q", "--no-deps", "--no-index", "--no-compile", "--target", target.toString(), wheel.toString()));
        Map<String, byte[]> pip = files(target);
        pip.remove("demo_pkg-1.0.dist-info/direct_url.json");

        Path output = dir.resolve("layer.zip");
        LayerZipWriter.create().write(LAYOUT, List.of(LayerSource.of(wheel, true)), output);
        String site = LAYOUT.sitePackages() + "/";
        Map<String, byte[]> layer = new TreeMap<>();
        new LayerZip(output).entries.forEach((name, entry) -> {
            if (!name.endsWith("/")) {
                layer.put(name.substring(site.length()), entry.content());
            }
        });

        assertEquals(pip.keySet(), layer.keySet());
        Set<String> ours = Set.of("demo_pkg-1.0.dist-info/INSTALLER", "demo_pkg-1.0.dist-info/RECORD");
        for (String path : pip.keySet()) {
            if (ours.contains(path)) {
                continue;
            }
            if (path.startsWith("bin/")) {
                assertEquals(afterFirstLine(pip.get(path)).isEmpty(), afterFirstLine(layer.get(path)).isEmpty(), path);
                if (!path.startsWith("bin/demo-")) {
                    assertArrayEquals(pip.get(path), layer.get(path), path);
                } else if (path.equals("bin/demo-run")) {
                    assertEquals(afterFirstLine(pip.get(path)), afterFirstLine(layer.get(path)), path);
                    assertTrue(new String(layer.get(path), StandardCharsets.UTF_8).startsWith("#!/var/lang/bin/python3.11\n"));
                }
                continue;
            }
            assertArrayEquals(pip.get(path), layer.get(path), path);
        }

        // pip's RECORD paths are relative to its temporary home/lib/python, so scripts read ../../bin/…; pylayer's
        // are relative to the layer's site-packages. Both list every installed file.
        Set<String> pipRecord = Record.parse(pip.get("demo_pkg-1.0.dist-info/RECORD")).entries().stream()
                .map(RecordEntry::path).map(path -> path.startsWith("../../") ? path.substring(6) : path)
                .filter(pip::containsKey).collect(Collectors.toCollection(TreeSet::new));
        pipRecord.add("demo_pkg-1.0.dist-info/RECORD");
        Set<String> layerRecord = Record.parse(layer.get("demo_pkg-1.0.dist-info/RECORD")).entries().stream()
                .map(RecordEntry::path).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(pipRecord, layerRecord);
    }

    private static String afterFirstLine(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        return newline < 0 ? "" : text.substring(newline + 1);
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
        }
        return files;
    }

    private static boolean pipWorks() {
        try {
            run(List.of(RealTools.python311().orElseThrow(), "-m", "pip", "--version"));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void run(List<String> command) {
        Commands.run(new ProcessBuilder(command), Duration.ofSeconds(120));
    }
}
