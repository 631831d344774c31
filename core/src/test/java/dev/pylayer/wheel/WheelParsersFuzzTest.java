package dev.pylayer.wheel;

import static org.junit.jupiter.api.Assertions.fail;

import dev.pylayer.PylayerException;
import dev.pylayer.name.PackageName;
import dev.pylayer.testdata.wheels.HostileWheels;
import dev.pylayer.testdata.wheels.WheelBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random inputs (mutations of valid ones and plain noise) for the parsers that read what an index or a
 * wheel hands us: nothing but our own typed errors may escape. A small budget runs with every build; the seed
 * is fixed so a failure reproduces. (A coverage-guided fuzzer may replace this; the properties stay.)
 */
class WheelParsersFuzzTest {
    private static final long SEED = 0x5eed_1e4fL;
    private static final String ALPHABET = "abcXYZ019-_.!+*~ /\\:\"',=[]#\t\r\n\u0000\u00e9\u4e2d\ud83d\ude00";

    @TempDir
    Path dir;

    @Test
    void fileNameParsersOnlyThrowTheirOwnErrors() {
        Random random = new Random(SEED);
        List<String> seeds = List.of("numpy-2.2.6-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
                "foo-1.0-1000abc-py3-none-any.whl", "Foo.Bar-1!2.0rc1.post3.dev4+local.7-py2.py3-none-any.whl",
                "pandas-2.2.3.tar.gz", "zope.interface-7.2.zip");
        PackageName project = PackageName.of("foo");
        for (int i = 0; i < 4000; i++) {
            String input = i % 2 == 0 ? mutate(random, seeds.get(random.nextInt(seeds.size()))) : noise(random, 40);
            expectOnly(input, InvalidWheelFilenameException.class, () -> WheelFilename.parse(input));
            expectOnly(input, null, () -> WheelFilename.tryParse(input));
            expectOnly(input, null, () -> SourceDistFilename.tryParse(input, project));
            expectOnly(input, null, () -> EntryPath.problem(input));
            expectOnly(input, null, () -> BuildTag.tryParse(input));
        }
    }

    @Test
    void metadataParsersOnlyThrowTheirOwnErrors() {
        Random random = new Random(SEED + 1);
        String metadata = new String(WheelBuilder.wheel("demo", "1.0").requiresPython(">=3.9")
                .requiresDist("idna>=2; extra == 'net'").providesExtra("net").metadata(), StandardCharsets.UTF_8);
        String wheel = "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\nBuild: 1\n";
        String record = "demo/__init__.py,sha256=AVL5Yq4xU7kpOQkXc0i2wZtOIgFqO3E8p3L7vv4n3mo,10\n\"a,b\",,\ndemo-1.0.dist-info/RECORD,,\n";
        String entryPoints = "[console_scripts]\ndemo = demo.cli:main\n[gui_scripts]\ng = demo:g [x]\n";
        for (int i = 0; i < 3000; i++) {
            byte[] bytes = i % 3 == 0 ? noiseBytes(random, 200) : mutate(random, metadata).getBytes(StandardCharsets.UTF_8);
            expectOnly(bytes, InvalidMetadataException.class, () -> CoreMetadata.parse(bytes));
            byte[] wheelBytes = i % 3 == 0 ? bytes : mutate(random, wheel).getBytes(StandardCharsets.UTF_8);
            expectOnly(wheelBytes, InvalidMetadataException.class, () -> WheelInfo.parse(wheelBytes));
            byte[] recordBytes = i % 3 == 0 ? bytes : mutate(random, record).getBytes(StandardCharsets.UTF_8);
            expectOnly(recordBytes, InvalidRecordException.class, () -> Record.parse(recordBytes));
            String points = i % 3 == 0 ? new String(bytes, StandardCharsets.UTF_8) : mutate(random, entryPoints);
            expectOnly(points, InvalidEntryPointException.class, () -> EntryPoints.parse(points));
        }
    }

    @Test
    void wheelArchivesOnlyThrowWheelErrors() throws IOException {
        Random random = new Random(SEED + 2);
        WheelBuilder builder = WheelBuilder.wheel("demo", "1.0").file("demo/__init__.py", "VALUE = 1\n")
                .file("demo/data.txt", "data ".repeat(200)).storedFile("demo/raw.bin", new byte[] {1, 2, 3, 4})
                .entryPoint("console_scripts", "demo", "demo:main");
        List<byte[]> seeds = List.of(builder.toBytes(), HostileWheels.liar().bytes(), HostileWheels.duplicateEntry().bytes());
        WheelFilename filename = WheelFilename.parse(builder.filename());
        Path file = dir.resolve("fuzz.whl");
        int[] readThrough = new int[1];
        for (int i = 0; i < 1500; i++) {
            byte[] bytes = seeds.get(random.nextInt(seeds.size())).clone();
            int flips = 1 + random.nextInt(8);
            for (int f = 0; f < flips; f++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(10) == 0) {
                bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
            Files.write(file, bytes);
            byte[] input = bytes;
            WheelArchive archive = (WheelArchive) expectOnly(input, WheelException.class,
                    () -> WheelArchive.open(file, filename, 1 << 20));
            if (archive == null) {
                continue;
            }
            try (archive) {
                readThrough[0]++;
                expectOnly(input, WheelException.class, archive::entryPoints);
                for (WheelEntry entry : archive.entries()) {
                    expectOnly(input, WheelException.class, () -> {
                        try (InputStream raw = archive.openRawChecked(entry)) {
                            return raw.transferTo(OutputStream.nullOutputStream());
                        }
                    });
                    expectOnly(input, WheelException.class, () -> {
                        try (InputStream inflated = archive.open(entry)) {
                            return inflated.transferTo(OutputStream.nullOutputStream());
                        }
                    });
                }
            }
        }
        // Some mutations must leave a readable wheel (flips in file data, in unused header bytes), or the
        // reading half was never exercised.
        if (readThrough[0] == 0 || readThrough[0] == 1500) {
            fail("every mutated wheel behaved alike: " + readThrough[0] + " of 1500 read through");
        }
    }

    private interface Action {
        Object run() throws Exception;
    }

    /**
     * Runs {@code action} and returns its result, or null when it threw {@code allowed}; any other throwable
     * fails the test, naming the input.
     */
    private static Object expectOnly(Object input, Class<? extends PylayerException> allowed, Action action) {
        try {
            return action.run();
        } catch (Throwable e) {
            if (allowed != null && allowed.isInstance(e)) {
                return null;
            }
            String shown = input instanceof byte[] bytes ? Arrays.toString(Arrays.copyOf(bytes, Math.min(bytes.length, 300)))
                    : String.valueOf(input);
            return fail("unexpected " + e + " for input " + shown, e);
        }
    }

    private static String mutate(Random random, String seed) {
        StringBuilder text = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = text.length() == 0 ? 0 : random.nextInt(text.length());
            switch (random.nextInt(4)) {
                case 0 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 1 -> {
                    if (text.length() > 0) {
                        text.deleteCharAt(at);
                    }
                }
                case 2 -> {
                    if (text.length() > 0) {
                        text.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    }
                }
                default -> text.insert(at, text.substring(at, Math.min(text.length(), at + random.nextInt(8))));
            }
        }
        return text.toString();
    }

    private static String noise(Random random, int maxLength) {
        int length = random.nextInt(maxLength);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private static byte[] noiseBytes(Random random, int maxLength) {
        byte[] bytes = new byte[random.nextInt(maxLength)];
        random.nextBytes(bytes);
        return bytes;
    }
}
