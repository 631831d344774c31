package dev.pylayer.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.tags.GlibcVersion;
import dev.pylayer.testdata.elf.ElfBuilder;
import dev.pylayer.testdata.elf.ElfBuilder.Corruption;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ElfReaderTest {

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("x86-64 ELF64 LE", ElfBuilder.x86_64(), ElfClass.ELF64, ByteOrder.LITTLE_ENDIAN, ElfMachine.X86_64),
                Arguments.of("aarch64 ELF64 LE", ElfBuilder.aarch64(), ElfClass.ELF64, ByteOrder.LITTLE_ENDIAN, ElfMachine.AARCH64),
                Arguments.of("i386 ELF32 LE", ElfBuilder.sharedObject(ElfBuilder.EM_386).elf32(), ElfClass.ELF32,
                        ByteOrder.LITTLE_ENDIAN, ElfMachine.I386),
                Arguments.of("s390x ELF64 BE", ElfBuilder.sharedObject(ElfBuilder.EM_S390).bigEndian(), ElfClass.ELF64,
                        ByteOrder.BIG_ENDIAN, ElfMachine.S390),
                Arguments.of("ppc ELF32 BE", ElfBuilder.sharedObject(20).elf32().bigEndian(), ElfClass.ELF32,
                        ByteOrder.BIG_ENDIAN, ElfMachine.PPC));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void readsEveryClassAndByteOrderAlike(String name, ElfBuilder builder, ElfClass elfClass, ByteOrder order,
            ElfMachine machine) {
        byte[] bytes = builder.needed("libstdc++.so.6", "libc.so.6").soname("libdemo.so.1")
                .runPath("$ORIGIN/../demo.libs:$ORIGIN")
                .versionNeed("libstdc++.so.6", "GLIBCXX_3.4", "GLIBCXX_3.4.29", "CXXABI_1.3.13")
                .versionNeed("libc.so.6", "GLIBC_2.2.5", "GLIBC_2.17", "GLIBC_2.28", "GLIBC_PRIVATE")
                .toBytes();
        ElfFile elf = ElfReader.read(bytes);
        assertEquals(elfClass, elf.elfClass());
        assertEquals(order, elf.byteOrder());
        assertEquals(machine, elf.machine());
        assertEquals(ElfType.SHARED_OBJECT, elf.type());
        assertEquals(List.of("libstdc++.so.6", "libc.so.6"), elf.needed());
        assertEquals(Optional.of("libdemo.so.1"), elf.soname());
        assertEquals(List.of("$ORIGIN/../demo.libs", "$ORIGIN"), elf.runPaths());
        assertEquals(Optional.empty(), elf.interpreter());
        assertEquals(2, elf.versionNeeds().size());
        assertEquals("libc.so.6", elf.versionNeeds().get(1).library());
        assertEquals(Optional.of(new GlibcVersion(2, 28)), elf.maxGlibc());
        assertEquals("GLIBCXX_3.4.29", elf.maxRequired("GLIBCXX").orElseThrow().name());
        assertEquals("CXXABI_1.3.13", elf.maxRequired("CXXABI").orElseThrow().name());
        assertEquals(Libc.GLIBC, elf.libc());
        assertFalse(elf.isExecutable());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "'GLIBC_2.2.5,GLIBC_2.17', 2.17",
            "'GLIBC_2.9,GLIBC_2.10', 2.10",
            "'GLIBC_2.3.4,GLIBC_2.3', 2.3",
            "'GLIBC_2.34,GLIBC_2.4', 2.34",
            "'GLIBC_2.28,GLIBC_PRIVATE', 2.28",
    })
    void findsTheHighestGlibcNumerically(String versions, String expected) {
        byte[] bytes = ElfBuilder.x86_64().needed("libc.so.6").versionNeed("libc.so.6", versions.split(",")).toBytes();
        assertEquals(GlibcVersion.parse(expected), ElfReader.read(bytes).maxGlibc().orElseThrow());
    }

    @Test
    void ignoresWeakVersionsWhichTheLoaderOnlyWarnsAbout() {
        byte[] bytes = ElfBuilder.x86_64().versionNeed("libc.so.6", "GLIBC_2.17")
                .weakVersionNeed("libc.so.6", "GLIBC_2.34").toBytes();
        ElfFile elf = ElfReader.read(bytes);
        assertEquals(new GlibcVersion(2, 17), elf.maxGlibc().orElseThrow());
        assertTrue(elf.versionNeeds().get(0).versions().get(1).weak());
    }

    @Test
    void aFileWithoutVersionNeedsNeedsNoGlibc() {
        ElfFile elf = ElfReader.read(ElfBuilder.aarch64().soname("libplain.so").toBytes());
        assertEquals(Optional.empty(), elf.maxGlibc());
        assertEquals(List.of(), elf.versionNeeds());
        assertEquals(Libc.NONE, elf.libc());
    }

    @ParameterizedTest(name = "{2}: interpreter [{0}], needed [{1}]")
    @CsvSource({
            "/lib/ld-musl-x86_64.so.1, libc.musl-x86_64.so.1, MUSL",
            "/lib/ld-musl-aarch64.so.1, '', MUSL",
            "/lib64/ld-linux-x86-64.so.2, libc.so.6, GLIBC",
            "'', libc.musl-x86_64.so.1, MUSL",
    })
    void tellsMuslFromGlibc(String interpreter, String needed, Libc expected) {
        ElfBuilder builder = ElfBuilder.x86_64();
        if (interpreter != null) {
            builder.interpreter(interpreter);
        }
        if (needed != null) {
            builder.needed(needed);
        }
        ElfFile elf = ElfReader.read(builder.toBytes());
        assertEquals(expected, elf.libc());
        assertEquals(Optional.ofNullable(interpreter), elf.interpreter());
    }

    @Test
    void recognisesExecutables() {
        assertTrue(ElfReader.read(ElfBuilder.x86_64().type(ElfBuilder.ET_EXEC).toBytes()).isExecutable());
        assertTrue(ElfReader.read(ElfBuilder.x86_64().pie().toBytes()).isExecutable());
        assertTrue(ElfReader.read(ElfBuilder.x86_64().interpreter("/lib64/ld-linux-x86-64.so.2").toBytes()).isExecutable());
        assertFalse(ElfReader.read(ElfBuilder.x86_64().interpreter("/lib64/ld-linux-x86-64.so.2")
                .soname("libc.so.6").toBytes()).isExecutable());
    }

    @Test
    void readsThroughProgramHeadersWhenSectionHeadersAreStripped() {
        byte[] bytes = ElfBuilder.x86_64().needed("libm.so.6", "libc.so.6").soname("libstripped.so")
                .versionNeed("libm.so.6", "GLIBC_2.29").versionNeed("libc.so.6", "GLIBC_2.14")
                .withoutSectionHeaders().toBytes();
        ElfFile elf = ElfReader.read(bytes);
        assertEquals(List.of("libm.so.6", "libc.so.6"), elf.needed());
        assertEquals(Optional.of("libstripped.so"), elf.soname());
        assertEquals(new GlibcVersion(2, 29), elf.maxGlibc().orElseThrow());
    }

    @Test
    void readsALargeFileThroughAChannelTheSameAsFromMemory(@TempDir Path dir) throws IOException {
        byte[] bytes = ElfBuilder.x86_64().needed("libc.so.6").versionNeed("libc.so.6", "GLIBC_2.27")
                .padding(3 * 1024 * 1024).toBytes();
        Path file = dir.resolve("big.so");
        Files.write(file, bytes);
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            assertEquals(ElfReader.read(bytes), ElfReader.read(channel));
        }
        assertEquals(ElfReader.read(bytes), ElfReader.read(file));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Corruption.class)
    void corruptFilesEndInTypedErrors(Corruption corruption) {
        byte[] bytes = ElfBuilder.x86_64().needed("libc.so.6").versionNeed("libc.so.6", "GLIBC_2.17", "GLIBC_2.28")
                .versionNeed("libm.so.6", "GLIBC_2.29").corrupt(corruption).toBytes();
        assertThrows(ElfException.class, () -> ElfReader.read(bytes));
    }

    @Test
    void everyTruncationEndsInATypedError() {
        byte[] whole = ElfBuilder.x86_64().interpreter("/lib/ld-musl-x86_64.so.1").needed("libc.musl-x86_64.so.1")
                .versionNeed("libc.so.6", "GLIBC_2.17").toBytes();
        for (int length = 0; length < whole.length; length++) {
            byte[] cut = ElfBuilder.truncated(whole, length);
            ElfException error = assertThrows(ElfException.class, () -> ElfReader.read(cut), "length " + length);
            if (length >= 4) {
                assertTrue(error instanceof TruncatedElfException || error instanceof MalformedElfException,
                        length + ": " + error.getMessage());
            }
        }
    }

    @Test
    void randomDamageNeverEscapesAsAnythingButTypedErrors() {
        byte[] whole = ElfBuilder.aarch64().needed("libc.so.6", "libstdc++.so.6").soname("libx.so")
                .versionNeed("libc.so.6", "GLIBC_2.17").versionNeed("libstdc++.so.6", "GLIBCXX_3.4.21").toBytes();
        java.util.Random random = new java.util.Random(6);
        for (int round = 0; round < 20_000; round++) {
            byte[] damaged = whole.clone();
            int flips = 1 + random.nextInt(4);
            for (int i = 0; i < flips; i++) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            }
            try {
                ElfReader.read(damaged);
            } catch (ElfException expected) {
                // typed: fine
            }
        }
    }

    @Test
    void namesWhatIsNotElf() {
        NotElfException error = assertThrows(NotElfException.class,
                () -> ElfReader.read(new byte[] {(byte) 0xcf, (byte) 0xfa, (byte) 0xed, (byte) 0xfe, 7, 0, 0, 1}));
        assertTrue(error.getMessage().contains("`cf fa ed fe`"), error.getMessage());
    }

    @Test
    void namesTheStructureThatRunsPastTheEnd() {
        byte[] bytes = ElfBuilder.x86_64().needed("libc.so.6").corrupt(Corruption.SECTION_HEADERS_PAST_END).toBytes();
        TruncatedElfException error = assertThrows(TruncatedElfException.class, () -> ElfReader.read(bytes));
        assertEquals("section headers", error.structure());
    }
}
