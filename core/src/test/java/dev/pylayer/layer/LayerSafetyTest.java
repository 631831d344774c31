package dev.pylayer.layer;

import static dev.pylayer.layer.LayerZipWriterTest.LAYOUT;
import static dev.pylayer.testdata.files.Folders.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.PylayerException;
import dev.pylayer.runtime.LambdaLimits;
import dev.pylayer.testdata.wheels.HostileWheels.Hostile;
import dev.pylayer.testdata.wheels.HostileWheels;
import dev.pylayer.testdata.wheels.WheelBuilder;
import dev.pylayer.wheel.WheelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile wheels never reach a layer, and a failed write leaves nothing behind. */
class LayerSafetyTest {
    @TempDir
    Path dir;

    static Stream<Arguments> hostile() {
        return Stream.concat(HostileWheels.refusedOnOpen().stream(), HostileWheels.refusedOnCopy().stream())
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void refusesHostileWheelsAndLeavesNoOutput(Hostile hostile) throws IOException {
        Path wheels = dir.resolve("wheels");
        Path good = WheelBuilder.wheel("good", "1.0").file("good/__init__.py", "G = 1\n")
                .file("good/big.txt", "abc".repeat(100_000)).writeTo(wheels);
        Path bad = hostile.writeTo(wheels);
        Path out = Files.createDirectories(dir.resolve("out"));
        Path output = out.resolve("layer.zip");
        PylayerException error = assertThrows(PylayerException.class, () -> LayerZipWriter.create()
                .write(LAYOUT, List.of(LayerSource.of(good, true), LayerSource.of(bad, true)), output));
        assertInstanceOf(WheelException.class, error);
        assertTrue(error.getMessage().contains("`" + hostile.filename() + "`"), error.getMessage());
        assertEquals(List.of(), names(out), "nothing left in the output folder");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void refusesHostileWheelsWhenPlanningInParallel(Hostile hostile) throws IOException {
        Path wheels = dir.resolve("wheels");
        // Sorted before the hostile wheel: the sequential plan would name the hostile one only.
        Path good = WheelBuilder.wheel("a-good", "1.0").file("a_good/__init__.py", "G = 1\n").writeTo(wheels);
        Path bad = hostile.writeTo(wheels);
        Path output = Files.createDirectories(dir.resolve("out")).resolve("layer.zip");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            PylayerException error = assertThrows(PylayerException.class, () -> {
                try (LayerPlan plan = LayerPlan.create(LAYOUT, List.of(LayerSource.of(bad, true), LayerSource.of(good, true)),
                        LambdaLimits.MAX_UNZIPPED_BYTES, LayerTrim.NONE, pool)) {
                    LayerZipWriter.create().write(plan, output);
                }
            });
            assertInstanceOf(WheelException.class, error);
            assertTrue(error.getMessage().contains("`" + hostile.filename() + "`"), error.getMessage());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), names(dir.resolve("out")));
    }

    @Test
    void leavesAnEarlierOutputAloneWhenWritingFails() throws IOException {
        Path output = dir.resolve("layer.zip");
        Files.writeString(output, "the previous layer");
        Path liar = HostileWheels.liar().writeTo(dir.resolve("wheels"));
        assertThrows(WheelException.class, () -> LayerZipWriter.create()
                .write(LAYOUT, List.of(LayerSource.of(liar, true)), output));
        assertEquals("the previous layer", Files.readString(output));
        assertEquals(List.of("layer.zip", "wheels"), names(dir));
    }

    @Test
    void deletesTheTemporaryFileWhenTheListenerFails() throws IOException {
        Path wheel = WheelBuilder.wheel("good", "1.0").file("good.py", "").writeTo(dir.resolve("wheels"));
        Path out = Files.createDirectories(dir.resolve("out"));
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> LayerZipWriter.create()
                .progress((done, total, bytes) -> {
                    if (done == 3) {
                        throw new IllegalStateException("cancelled");
                    }
                }).write(LAYOUT, List.of(LayerSource.of(wheel, true)), out.resolve("layer.zip")));
        assertEquals("cancelled", error.getMessage());
        assertEquals(List.of(), names(out));
    }

    @Test
    void saysWhenTheOutputFolderDoesNotExist() {
        Path wheel = WheelBuilder.wheel("good", "1.0").file("good.py", "").writeTo(dir.resolve("wheels"));
        Path output = dir.resolve("missing").resolve("layer.zip");
        LayerWriteException error = assertThrows(LayerWriteException.class, () -> LayerZipWriter.create()
                .write(LAYOUT, List.of(LayerSource.of(wheel, true)), output));
        assertEquals(output, error.output());
        assertTrue(error.getMessage().contains("`" + output + "`"), error.getMessage());
    }

}
