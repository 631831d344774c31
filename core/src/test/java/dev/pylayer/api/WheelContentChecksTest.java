package dev.pylayer.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.cache.ContentCache;
import dev.pylayer.cache.ContentDigest;
import dev.pylayer.index.DistributionFile;
import dev.pylayer.testdata.wheels.HostileWheels.Hostile;
import dev.pylayer.testdata.wheels.HostileWheels;
import dev.pylayer.testdata.wheels.WheelBuilder;
import dev.pylayer.wheel.InvalidWheelException;
import dev.pylayer.wheel.WheelArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wheels are checked once per content, before the layer writer copies their bytes raw. */
class WheelContentChecksTest {
    @TempDir
    Path dir;
    ContentCache cache;
    WheelContentChecks checks;

    @BeforeEach
    void openCache() {
        cache = ContentCache.open(dir.resolve("cache"));
        checks = new WheelContentChecks(cache, Runnable::run);
    }

    private static DistributionFile file(String filename, Map<String, String> hashes) {
        return new DistributionFile(filename, "https://files.example/" + filename, hashes, Optional.empty(), false,
                Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), "https://index.example/simple");
    }

    private static String sha256(Path file) throws IOException {
        return ContentDigest.sha256Hex(Files.readAllBytes(file));
    }

    /** The file as an index lists it with its sha256, which the checks remember a pass by. */
    private static DistributionFile withDigest(Path wheel) throws IOException {
        return file(wheel.getFileName().toString(), Map.of("sha256", sha256(wheel)));
    }

    private Path demoWheel() {
        return WheelBuilder.wheel("demo", "1.0").file("demo/__init__.py", "X = 1\n").writeTo(dir);
    }

    @Test
    void checksAWheelOnceAndTrustsItsDigestAfterwards() throws IOException {
        Path wheel = demoWheel();
        String digest = sha256(wheel);
        DistributionFile file = withDigest(wheel);
        checks.check(file, wheel);
        assertTrue(cache.passed(digest, WheelContentChecks.CHECK));
        // Known good by its digest: not opened again (the path is not even read).
        checks.check(file, dir.resolve("gone.whl"));
    }

    @Test
    void opensAWheelForTheWriterAndInflatesItOnlyWhenNoPassIsRemembered() throws IOException {
        Hostile hostile = HostileWheels.recordWrongHash();
        Path wheel = hostile.writeTo(dir);
        DistributionFile file = withDigest(wheel);
        assertThrows(InvalidWheelException.class, () -> checks.open(file, wheel));

        Path good = demoWheel();
        DistributionFile goodFile = withDigest(good);
        WheelContentChecks.Opened opened = checks.open(goodFile, good);
        try (WheelArchive archive = opened.archive()) {
            assertTrue(archive.entry("demo/__init__.py").isPresent(), "handed over open");
        }
        assertTrue(cache.passed(sha256(good), WheelContentChecks.CHECK));
        WheelContentChecks.Opened again = checks.open(goodFile, good);
        again.archive().close();
        assertArrayEquals(opened.facts().toJson(), again.facts().toJson(), "the same facts, remembered");
    }

    @Test
    void refusesAWheelWhoseContentDoesNotMatchAndRemembersNothing() throws IOException {
        Hostile hostile = HostileWheels.recordWrongHash();
        Path wheel = hostile.writeTo(dir);
        String digest = sha256(wheel);
        DistributionFile file = withDigest(wheel);
        for (int attempt = 0; attempt < 2; attempt++) {
            InvalidWheelException error = assertThrows(InvalidWheelException.class, () -> checks.check(file, wheel));
            assertEquals(hostile.entry(), error.entry().orElseThrow());
        }
        assertFalse(cache.passed(digest, WheelContentChecks.CHECK));
    }

    @Test
    void checksAWheelWithoutAKnownDigestEveryTime() throws IOException {
        Path wheel = demoWheel();
        DistributionFile file = file(wheel.getFileName().toString(), Map.of());
        checks.check(file, wheel);
        assertFalse(Files.exists(dir.resolve("cache").resolve("checks")), "nothing to remember it by");
        assertThrows(InvalidWheelException.class, () -> checks.check(file, dir.resolve("gone.whl")));
    }
}
