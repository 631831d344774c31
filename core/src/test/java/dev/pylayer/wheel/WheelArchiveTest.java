package dev.pylayer.wheel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.PylayerException;
import dev.pylayer.runtime.LambdaLimits;
import dev.pylayer.testdata.wheels.HostileWheels.Hostile;
import dev.pylayer.testdata.wheels.HostileWheels;
import dev.pylayer.testdata.wheels.WheelBuilder;
import dev.pylayer.wheel.UnsafeWheelEntryException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WheelArchiveTest {
    @TempDir
    Path dir;

    @Test
    void readsAWellFormedWheel() throws IOException {
        Path file = WheelBuilder.wheel("Demo_Pkg", "1.0").tag("cp311-cp311-manylinux_2_17_x86_64")
                .requiresDist("idna>=2").file("demo_pkg/__init__.py", "VALUE = 1\n")
                .storedFile("demo_pkg/_native.so", new byte[] {0x7f, 'E', 'L', 'F'})
                .fileWithMode("demo_pkg/tool", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8), 0100755)
                .entryPoint("console_scripts", "demo", "demo_pkg:main").writeTo(dir);
        try (WheelArchive wheel = WheelArchive.open(file)) {
            assertEquals("demo_pkg-1.0.dist-info", wheel.distInfoDirectory());
            assertEquals("demo-pkg", wheel.metadata().name().normalized());
            assertEquals(List.of("idna>=2"), wheel.metadata().requiresDist());
            assertEquals(false, wheel.wheelInfo().rootIsPurelib());
            assertEquals(Map.of("demo", "demo_pkg:main"), wheel.entryPoints().consoleScripts());
            WheelEntry init = wheel.entry("demo_pkg/__init__.py").orElseThrow();
            assertEquals(WheelEntry.DEFLATED, init.method());
            assertEquals(10, init.size());
            assertEquals(false, init.isExecutable());
            assertEquals(true, wheel.entry("demo_pkg/tool").orElseThrow().isExecutable());
            WheelEntry so = wheel.entry("demo_pkg/_native.so").orElseThrow();
            assertEquals(WheelEntry.STORED, so.method());
            assertEquals(so.size(), so.compressedSize());
            try (InputStream in = wheel.open(init)) {
                assertEquals("VALUE = 1\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            assertTrue(wheel.record().entry("demo_pkg/__init__.py").orElseThrow().hash().isPresent());
            assertEquals(wheel.entries().stream().mapToLong(WheelEntry::size).sum(), wheel.declaredSize());
        }
    }

    @Test
    void givesTheStoredBytesOfADeflatedEntryAndChecksThemOnTheSide() throws IOException {
        Path file = WheelBuilder.wheel("demo", "1.0").file("demo/big.txt", "abc".repeat(10_000)).writeTo(dir);
        try (WheelArchive wheel = WheelArchive.open(file)) {
            WheelEntry entry = wheel.entry("demo/big.txt").orElseThrow();
            byte[] raw;
            try (InputStream in = wheel.openRaw(entry)) {
                raw = in.readAllBytes();
            }
            assertEquals(entry.compressedSize(), raw.length);
            assertTrue(raw.length < 1000, "deflated, not inflated: " + raw.length);
            try (InputStream in = wheel.openRawChecked(entry)) {
                assertArrayEquals(raw, in.readAllBytes());
            }
        }
    }

    @Test
    void opensAWheelStoredUnderAnotherName() throws IOException {
        WheelBuilder builder = WheelBuilder.wheel("demo", "1.0").file("demo/__init__.py", "");
        Path file = dir.resolve("0123abcd.bin");
        Files.write(file, builder.toBytes());
        try (WheelArchive wheel = WheelArchive.open(file, WheelFilename.parse(builder.filename()), 1_000_000)) {
            assertEquals("demo-1.0-py3-none-any.whl", wheel.name());
        }
    }

    static Stream<Arguments> refusedOnOpen() {
        return HostileWheels.refusedOnOpen().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedOnOpen")
    void refusesHostileWheelsWhenOpening(Hostile hostile) {
        Path file = hostile.writeTo(dir);
        PylayerException error = assertThrows(PylayerException.class, () -> WheelArchive.open(file).close());
        assertInstanceOf(WheelException.class, error);
        assertTrue(error.getMessage().contains("`" + hostile.filename() + "`"), error.getMessage());
        assertTrue(error.getMessage().contains(UnsafeWheelEntryException.printable(hostile.entry())), error.getMessage());
    }

    @Test
    void saysWhyEachUnsafeEntryIsRefused() {
        Map<Hostile, Reason> expected = Map.of(HostileWheels.zipSlip(), Reason.PARENT_SEGMENT,
                HostileWheels.zipSlipInside(), Reason.PARENT_SEGMENT, HostileWheels.absolute(), Reason.ABSOLUTE,
                HostileWheels.driveLetter(), Reason.DRIVE_LETTER, HostileWheels.backslash(), Reason.BACKSLASH,
                HostileWheels.nul(), Reason.CONTROL_CHARACTER, HostileWheels.symlink(), Reason.SYMLINK);
        expected.forEach((hostile, reason) -> {
            Path file = hostile.writeTo(dir.resolve(reason.name() + hostile.hashCode()));
            UnsafeWheelEntryException error = assertThrows(UnsafeWheelEntryException.class, () -> WheelArchive.open(file));
            assertEquals(reason, error.reason(), hostile.description());
            assertEquals(hostile.entry(), error.entry());
            assertEquals(hostile.filename(), error.wheel());
        });
    }

    @Test
    void refusesAZipBombFromItsCentralDirectory() {
        Path file = HostileWheels.bomb().writeTo(dir);
        WheelTooLargeException error = assertThrows(WheelTooLargeException.class, () -> WheelArchive.open(file));
        assertEquals("hostile/bomb.bin", error.entry());
        assertTrue(error.size() >= HostileWheels.BOMB_DECLARED_SIZE);
        assertEquals(LambdaLimits.MAX_UNZIPPED_BYTES, error.budget());
    }

    @Test
    void appliesTheBudgetGiven() {
        WheelBuilder builder = WheelBuilder.wheel("demo", "1.0").file("demo/data.bin", new byte[5000]);
        Path file = builder.writeTo(dir);
        WheelFilename name = WheelFilename.parse(builder.filename());
        assertThrows(WheelTooLargeException.class, () -> WheelArchive.open(file, name, 4000));
        WheelArchive.open(file, name, 100_000).close();
    }

    @Test
    void stopsInflatingAnEntryThatLiesAboutItsSize() throws IOException {
        Path file = HostileWheels.liar().writeTo(dir);
        try (WheelArchive wheel = WheelArchive.open(file)) {
            WheelEntry liar = wheel.entry("hostile/liar.bin").orElseThrow();
            CountingSink sink = new CountingSink();
            WheelTooLargeException error = assertThrows(WheelTooLargeException.class, () -> {
                try (InputStream in = wheel.openRawChecked(liar)) {
                    in.transferTo(sink);
                }
            });
            assertEquals("hostile/liar.bin", error.entry());
            assertTrue(error.size() < HostileWheels.LIAR_REAL_SIZE, "stopped early at " + error.size());
            assertThrows(WheelTooLargeException.class, () -> wheel.readAll(liar, 1 << 20));
        }
    }

    @Test
    void refusesContentThatDoesNotMatchItsRecordHash() throws IOException {
        Path file = HostileWheels.recordWrongHash().writeTo(dir);
        try (WheelArchive wheel = WheelArchive.open(file)) {
            WheelEntry entry = wheel.entry("hostile/__init__.py").orElseThrow();
            InvalidWheelException error = assertThrows(InvalidWheelException.class, () -> {
                try (InputStream in = wheel.openRawChecked(entry)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            });
            assertEquals("hostile/__init__.py", error.entry().orElseThrow());
            assertTrue(error.getMessage().contains("RECORD"), error.getMessage());
        }
    }

    @Test
    void refusesAWheelWhoseMetadataNamesAnotherVersion() {
        WheelBuilder builder = WheelBuilder.wheel("demo", "1.0");
        Path file = dir.resolve("demo-2.0-py3-none-any.whl");
        write(file, builder.toBytes());
        InvalidWheelException error = assertThrows(InvalidWheelException.class, () -> WheelArchive.open(file));
        assertTrue(error.getMessage().contains("`1.0`"), error.getMessage());
    }

    @Test
    void refusesAWheelWhoseDistInfoBelongsToAnotherProject() {
        WheelBuilder builder = WheelBuilder.wheel("other", "1.0");
        Path file = dir.resolve("demo-1.0-py3-none-any.whl");
        write(file, builder.toBytes());
        InvalidWheelException error = assertThrows(InvalidWheelException.class, () -> WheelArchive.open(file));
        assertEquals("other-1.0.dist-info", error.entry().orElseThrow());
    }

    @Test
    void refusesFilesThatAreNotZips() {
        Path file = dir.resolve("demo-1.0-py3-none-any.whl");
        write(file, "not a zip".getBytes(StandardCharsets.UTF_8));
        InvalidWheelException error = assertThrows(InvalidWheelException.class, () -> WheelArchive.open(file));
        assertTrue(error.getMessage().contains("not a readable zip"), error.getMessage());
    }

    @Test
    void refusesWheelVersionTwoAsPipDoes() {
        Path file = WheelBuilder.wheel("demo", "1.0").wheelVersion("2.0").writeTo(dir);
        InvalidWheelException error = assertThrows(InvalidWheelException.class, () -> WheelArchive.open(file));
        assertEquals("demo-1.0.dist-info/WHEEL", error.entry().orElseThrow());
        WheelArchive.open(WheelBuilder.wheel("demo", "1.0").wheelVersion("1.9").writeTo(dir.resolve("minor"))).close();
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
