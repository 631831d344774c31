package dev.pylayer.inspect;

import dev.pylayer.testdata.wheels.WheelBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A layer zip assembled for a test: wheels unpacked under a folder (as {@code pip install --target} does for the
 * purelib/platlib root; {@code .data} folders are left as they are) plus loose files. A stand-in for the real
 * layer writer, which lives elsewhere.
 */
final class TestLayer {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    /** Findings of one kind, for assertions. */
    static java.util.List<Finding> findings(InspectionReport report, FindingKind kind) {
        return report.findings().stream().filter(finding -> finding.kind() == kind).toList();
    }

    static TestLayer create() {
        return new TestLayer();
    }

    /** Unpacks a wheel under {@code python/lib/pythonX.Y/site-packages/}. */
    TestLayer wheel(WheelBuilder wheel, String runtime) {
        return wheelUnder(wheel, "python/lib/" + runtime + "/site-packages/");
    }

    /** Unpacks a wheel under any folder (ending in {@code /}, or empty for the zip root). */
    TestLayer wheelUnder(WheelBuilder wheel, String folder) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(wheel.toBytes()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(folder + entry.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    TestLayer file(String name, byte[] content) {
        entries.put(name, content);
        return this;
    }

    TestLayer file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    TestLayer remove(String name) {
        entries.remove(name);
        return this;
    }

    Path writeTo(Path directory) {
        Path zip = directory.resolve("layer-" + COUNTER.incrementAndGet() + ".zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream writer = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                writer.putNextEntry(new ZipEntry(entry.getKey()));
                writer.write(entry.getValue());
                writer.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip;
    }
}
