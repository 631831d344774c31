package dev.pylayer.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pylayer.FuzzBytes;
import dev.pylayer.FuzzInputs;
import dev.pylayer.testdata.elf.ElfBuilder;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link StreamedElf} reads what {@link ElfReader} reads of the whole file, or says it needs the whole file: never
 * a different reading, never a different error. Layouts as linkers and patchelf leave them read from a few kept
 * parts, whatever the size of the writes.
 */
class StreamedElfTest {
    private static final int HEAD = 4096;

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of("strings before the code (ld)", ElfBuilder.x86_64().needed("libstdc++.so.6", "libc.so.6")
                        .soname("libdemo.so").versionNeed("libc.so.6", "GLIBC_2.17", "GLIBC_2.28")
                        .code(200_000).padding(50_000).toBytes()),
                Arguments.of("strings after the dynamic section (patchelf)", ElfBuilder.x86_64().needed("libc.so.6")
                        .runPath("$ORIGIN/../demo.libs").versionNeed("libc.so.6", "GLIBC_2.34")
                        .code(200_000).padding(50_000).stringsAfterDynamic().toBytes()),
                Arguments.of("no section headers, strings after the dynamic section", ElfBuilder.aarch64()
                        .needed("libc.so.6").versionNeed("libc.so.6", "GLIBC_2.17").code(100_000)
                        .stringsAfterDynamic().withoutSectionHeaders().toBytes()),
                Arguments.of("no section headers, strings first", ElfBuilder.x86_64().needed("libm.so.6")
                        .versionNeed("libm.so.6", "GLIBC_2.29").code(100_000).withoutSectionHeaders().toBytes()),
                Arguments.of("ELF32 big endian", ElfBuilder.sharedObject(20).elf32().bigEndian().soname("libppc.so")
                        .needed("libm.so.6").versionNeed("libm.so.6", "GLIBC_2.29").code(30_000).padding(9_000)
                        .toBytes()),
                Arguments.of("musl program", ElfBuilder.x86_64().pie().interpreter("/lib/ld-musl-x86_64.so.1")
                        .needed("libc.musl-x86_64.so.1").code(70_000).toBytes()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void readsLibrariesFromTheirKeptParts(String layout, byte[] file) {
        ElfFile whole = ElfReader.read(file);
        for (int chunk : new int[] {1, 7, 4096, 65536, file.length}) {
            Optional<ElfFile> streamed = stream(file, new byte[HEAD], chunk);
            assertEquals(Optional.of(whole), streamed, layout + ", written " + chunk + " bytes at a time");
        }
    }

    @Test
    void saysSoWhenTheStringsLieBeyondTheFirstBytesBeforeTheDynamicSection() {
        byte[] file = ElfBuilder.x86_64().needed("libc.so.6").versionNeed("libc.so.6", "GLIBC_2.17").code(100_000)
                .toBytes();
        // The first bytes kept end inside the program headers' successors: the string table is not among them.
        assertEquals(Optional.empty(), stream(file, new byte[200], 4096));
    }

    @Test
    void readsAFileShorterThanItsHead() {
        byte[] file = ElfBuilder.x86_64().needed("libc.so.6").versionNeed("libc.so.6", "GLIBC_2.2.5").toBytes();
        assertEquals(Optional.of(ElfReader.read(file)), stream(file, new byte[file.length * 2], 13));
    }

    @Test
    void agreesWithTheWholeReadingOnDamagedFiles() {
        List<byte[]> seeds = FuzzInputs.corpus(ElfReaderFuzzTest.class, "elfFiles");
        for (byte[] seed : seeds) {
            for (int head : new int[] {64, 300, HEAD, 1 << 20}) {
                agree(seed, head);
            }
        }
        FuzzBytes.of(11, seeds).feed(5_000, bytes -> {
            agree(bytes, 128);
            agree(bytes, HEAD);
        });
        for (ElfBuilder.Corruption corruption : ElfBuilder.Corruption.values()) {
            byte[] bytes = ElfBuilder.x86_64().needed("libc.so.6").versionNeed("libc.so.6", "GLIBC_2.17")
                    .code(20_000).corrupt(corruption).toBytes();
            agree(bytes, 512);
            agree(bytes, HEAD);
        }
    }

    /** The same reading or the same error as the whole file, or none (the whole file is read then). */
    private static void agree(byte[] bytes, int head) {
        ElfFile whole = null;
        ElfException wholeError = null;
        try {
            whole = ElfReader.read(bytes);
        } catch (ElfException e) {
            wholeError = e;
        }
        Optional<ElfFile> streamed;
        try {
            streamed = stream(bytes, new byte[head], 1000);
        } catch (ElfException e) {
            if (wholeError == null) {
                fail("the streamed reading failed (" + e.getMessage() + ") where the whole reading did not");
            }
            assertEquals(wholeError.getClass(), e.getClass());
            assertEquals(wholeError.getMessage(), e.getMessage());
            return;
        }
        if (streamed.isPresent()) {
            assertTrue(wholeError == null, () -> "the whole reading failed where the streamed one did not");
            assertEquals(whole, streamed.get());
        }
    }

    private static Optional<ElfFile> stream(byte[] file, byte[] head, int chunk) {
        StreamedElf streamed = new StreamedElf(head);
        for (int at = 0; at < file.length; at += chunk) {
            streamed.write(file, at, Math.min(chunk, file.length - at));
        }
        return streamed.read();
    }
}
