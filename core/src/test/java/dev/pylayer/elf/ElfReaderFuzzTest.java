package dev.pylayer.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pylayer.FuzzBytes;
import dev.pylayer.FuzzInputs;
import dev.pylayer.testdata.elf.ElfBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * ELF headers from any bytes: {@link ElfReader} reads them, the same from memory as through a channel, or fails
 * with an {@link ElfException}, never an index, arithmetic or allocation error, and never loops.
 *
 * <p>The seeds under {@code ElfReaderFuzzTestInputs/elfFiles/} are {@link ElfBuilder} files of every class, byte
 * order and table the reader walks; rewrite them with {@code -Dtest='ElfReaderFuzzTest#writeSeeds'
 * -Dpylayer.fuzz.writeSeeds=true}. How to fuzz: see {@code VersionFuzzTest}, with
 * {@code -Dtest='ElfReaderFuzzTest#elfFiles'}.
 */
class ElfReaderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    @DictionaryEntries({"ELF", "GLIBC_2.17", "GLIBCXX_3.4", "libc.so.6", "ld-musl-", "$ORIGIN"})
    void elfFiles(byte[] input) {
        check(input);
    }

    @Test
    void survivesDamagedElfFiles() {
        FuzzBytes.of(6, FuzzInputs.corpus(getClass(), "elfFiles")).feed(20_000, ElfReaderFuzzTest::check);
    }

    @Test
    void everySeedReads() {
        for (byte[] seed : FuzzInputs.corpus(getClass(), "elfFiles")) {
            ElfReader.read(seed);
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "pylayer.fuzz.writeSeeds", matches = "true")
    void writeSeeds() {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("x86_64-glibc.so", ElfBuilder.x86_64().needed("libstdc++.so.6", "libc.so.6").soname("libdemo.so.1")
                .runPath("$ORIGIN/../demo.libs:$ORIGIN")
                .versionNeed("libstdc++.so.6", "GLIBCXX_3.4", "GLIBCXX_3.4.29", "CXXABI_1.3.13")
                .versionNeed("libc.so.6", "GLIBC_2.2.5", "GLIBC_2.17", "GLIBC_2.28", "GLIBC_PRIVATE").toBytes());
        seeds.put("aarch64-weak.so", ElfBuilder.aarch64().needed("libc.so.6").versionNeed("libc.so.6", "GLIBC_2.17")
                .weakVersionNeed("libc.so.6", "GLIBC_2.34").toBytes());
        seeds.put("i386-elf32.so", ElfBuilder.sharedObject(ElfBuilder.EM_386).elf32().needed("libc.so.6")
                .versionNeed("libc.so.6", "GLIBC_2.1.3").toBytes());
        seeds.put("s390x-big-endian.so", ElfBuilder.sharedObject(ElfBuilder.EM_S390).bigEndian().needed("libc.so.6")
                .versionNeed("libc.so.6", "GLIBC_2.17").toBytes());
        seeds.put("ppc-elf32-big-endian.so", ElfBuilder.sharedObject(20).elf32().bigEndian().soname("libppc.so")
                .needed("libm.so.6").versionNeed("libm.so.6", "GLIBC_2.29").toBytes());
        seeds.put("musl-pie", ElfBuilder.x86_64().pie().interpreter("/lib/ld-musl-x86_64.so.1")
                .needed("libc.musl-x86_64.so.1").toBytes());
        seeds.put("stripped-section-headers.so", ElfBuilder.x86_64().needed("libc.so.6")
                .versionNeed("libc.so.6", "GLIBC_2.27").withoutSectionHeaders().toBytes());
        seeds.put("executable", ElfBuilder.aarch64().type(ElfBuilder.ET_EXEC)
                .interpreter("/lib/ld-linux-aarch64.so.1").needed("libc.so.6").toBytes());
        FuzzInputs.writeCorpus(getClass(), "elfFiles", seeds);
    }

    static void check(byte[] bytes) {
        ElfFile fromMemory;
        try {
            fromMemory = ElfReader.read(bytes);
        } catch (ElfException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
            Class<?> throughChannel = null;
            try {
                ElfReader.read(new SeekableInMemoryByteChannel(bytes));
            } catch (ElfException again) {
                throughChannel = again.getClass();
            }
            assertEquals(e.getClass(), throughChannel, "through a channel");
            return;
        }
        assertEquals(fromMemory, ElfReader.read(new SeekableInMemoryByteChannel(bytes)), "through a channel");
        fromMemory.maxGlibc();
        fromMemory.maxRequired("GLIBCXX");
        fromMemory.libc();
        fromMemory.isExecutable();
    }
}
