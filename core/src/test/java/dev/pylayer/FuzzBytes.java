package dev.pylayer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Deterministic fuzz inputs for binary parsers (zip archives, ELF files): a seed file damaged the ways real damage
 * and hostile tools look, a few edits at a time: bytes set to random or boundary values (0, 0x7f, 0x80, 0xff,
 * 0xffff…, in both byte orders, where a length, count or offset field may sit), a chunk copied over another
 * place, bytes inserted, the file cut short, or its tail taken from another seed. The byte-level twin of
 * {@link FuzzInputs}: every build runs a few thousand of these next to the Jazzer {@code @FuzzTest}s. A failure
 * names the input and saves it under {@code target/fuzz-failures/}, ready to become a regression seed.
 */
public final class FuzzBytes {
    private static final long[] BOUNDARIES = {0, 1, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000,
            0x7fffffffL, 0x80000000L, 0xffffffffL, -1L, Long.MAX_VALUE, Long.MIN_VALUE};
    private static final int[] WIDTHS = {1, 2, 4, 8};

    private final Random random;
    private final List<byte[]> seeds;

    private FuzzBytes(long seed, List<byte[]> seeds) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no seeds to damage");
        }
        this.random = new Random(seed);
        this.seeds = List.copyOf(seeds);
    }

    public static FuzzBytes of(long seed, List<byte[]> seeds) {
        return new FuzzBytes(seed, seeds);
    }

    /** The next input: a copy of one seed with one to eight edits. */
    public byte[] next() {
        byte[] bytes = seeds.get(random.nextInt(seeds.size())).clone();
        int edits = 1 + random.nextInt(8);
        for (int i = 0; i < edits; i++) {
            bytes = edit(bytes);
        }
        return bytes;
    }

    private byte[] edit(byte[] bytes) {
        if (bytes.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        int at = random.nextInt(bytes.length);
        switch (random.nextInt(8)) {
            case 0, 1 -> bytes[at] = (byte) random.nextInt(256);
            case 2, 3 -> writeBoundary(bytes, at);
            case 4 -> {
                int length = 1 + random.nextInt(Math.min(64, bytes.length));
                int from = random.nextInt(bytes.length - length + 1);
                int to = random.nextInt(bytes.length - length + 1);
                System.arraycopy(bytes, from, bytes, to, length);
            }
            case 5 -> {
                byte[] inserted = new byte[1 + random.nextInt(16)];
                random.nextBytes(inserted);
                byte[] grown = new byte[bytes.length + inserted.length];
                System.arraycopy(bytes, 0, grown, 0, at);
                System.arraycopy(inserted, 0, grown, at, inserted.length);
                System.arraycopy(bytes, at, grown, at + inserted.length, bytes.length - at);
                return grown;
            }
            case 6 -> {
                return Arrays.copyOf(bytes, at);
            }
            default -> {
                byte[] other = seeds.get(random.nextInt(seeds.size()));
                int cut = Math.min(at, other.length);
                byte[] spliced = Arrays.copyOf(bytes, cut + other.length - cut);
                System.arraycopy(other, cut, spliced, cut, other.length - cut);
                return spliced;
            }
        }
        return bytes;
    }

    private void writeBoundary(byte[] bytes, int at) {
        long value = BOUNDARIES[random.nextInt(BOUNDARIES.length)];
        int width = Math.min(WIDTHS[random.nextInt(WIDTHS.length)], bytes.length - at);
        boolean bigEndian = random.nextBoolean();
        for (int i = 0; i < width; i++) {
            int shift = 8 * (bigEndian ? width - 1 - i : i);
            bytes[at + i] = (byte) (value >>> shift);
        }
    }

    /** Feeds {@code count} inputs to {@code target}; rethrows its first failure, naming and saving the input. */
    public void feed(int count, Consumer<byte[]> target) {
        for (int i = 0; i < count; i++) {
            byte[] input = next();
            try {
                target.accept(input);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("input #" + i + " (" + input.length + " bytes, saved as " + save(input)
                        + ", starting " + HexFormat.of().formatHex(input, 0, Math.min(input.length, 64)) + ") failed: " + e, e);
            }
        }
    }

    /**
     * How many handles this process holds on {@code file} (Linux, from {@code /proc/self/fd}; 0 elsewhere). A target
     * that opens a file per input must give it back, or a long fuzzing run ends in "Too many open files" far from
     * the input at fault. (Counting all descriptors would not do: the JVM opens jars as classes first load.)
     */
    public static long openHandles(Path file) {
        Path descriptors = Path.of("/proc/self/fd");
        if (!Files.isDirectory(descriptors)) {
            return 0;
        }
        try (Stream<Path> all = Files.list(descriptors)) {
            Path target = file.toRealPath();
            return all.filter(descriptor -> {
                try {
                    return Files.readSymbolicLink(descriptor).equals(target);
                } catch (IOException e) {
                    return false; // closed while we looked: the listing's own descriptor
                }
            }).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path save(byte[] input) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "fuzz-failures"));
            return Files.write(Files.createTempFile(folder, "input-", ".bin"), input).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
