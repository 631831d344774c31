package dev.pylayer.elf;

import dev.pylayer.tags.GlibcVersion;
import java.nio.ByteOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the headers of one ELF file say about where it can load.
 *
 * @param elfClass     32 or 64 bit
 * @param byteOrder    little or big endian
 * @param type         {@code e_type}
 * @param machine      {@code e_machine}, named
 * @param machineCode  the raw {@code e_machine}, for machines without a name here
 * @param interpreter  {@code PT_INTERP}: the program interpreter of an executable ({@code /lib64/ld-linux-x86-64.so.2})
 * @param needed       {@code DT_NEEDED} libraries in order
 * @param soname       {@code DT_SONAME}
 * @param runPaths     {@code DT_RPATH} and {@code DT_RUNPATH} entries, split at {@code :}
 * @param positionIndependentExecutable {@code DF_1_PIE} in {@code DT_FLAGS_1}
 * @param versionNeeds {@code .gnu.version_r}: the symbol versions needed, per library
 */
public record ElfFile(ElfClass elfClass, ByteOrder byteOrder, ElfType type, ElfMachine machine, int machineCode,
        Optional<String> interpreter, List<String> needed, Optional<String> soname, List<String> runPaths,
        boolean positionIndependentExecutable, List<VersionNeed> versionNeeds) {

    public ElfFile {
        Objects.requireNonNull(elfClass, "elfClass");
        Objects.requireNonNull(byteOrder, "byteOrder");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(interpreter, "interpreter");
        Objects.requireNonNull(soname, "soname");
        needed = List.copyOf(needed);
        runPaths = List.copyOf(runPaths);
        versionNeeds = List.copyOf(versionNeeds);
    }

    /** The highest numbered, non-weak version needed of a family ({@code GLIBC}, {@code GLIBCXX}, {@code CXXABI}, {@code GCC}). */
    public Optional<SymbolVersion> maxRequired(String family) {
        return versionNeeds.stream()
                .flatMap(need -> need.versions().stream())
                .filter(version -> !version.weak() && version.isNumbered() && version.family().equals(family))
                .max(Comparator.naturalOrder());
    }

    /** The glibc this file needs at least: its highest {@code GLIBC_x.y}. */
    public Optional<GlibcVersion> maxGlibc() {
        return maxRequired("GLIBC").map(version -> {
            int[] numbers = version.numbers();
            return new GlibcVersion(numbers[0], numbers.length > 1 ? numbers[1] : 0);
        });
    }

    /** The C library, judged as auditwheel and the loader would: musl markers win over glibc ones. */
    public Libc libc() {
        boolean musl = interpreter.filter(path -> path.contains("ld-musl-")).isPresent()
                || needed.stream().anyMatch(library -> library.startsWith("libc.musl-") || library.startsWith("ld-musl-"));
        if (musl) {
            return Libc.MUSL;
        }
        boolean glibc = interpreter.filter(path -> path.contains("ld-linux")).isPresent()
                || needed.stream().anyMatch(library -> library.equals("libc.so.6") || library.startsWith("ld-linux"))
                || versionNeeds.stream().flatMap(need -> need.versions().stream())
                        .anyMatch(version -> version.family().equals("GLIBC"));
        return glibc ? Libc.GLIBC : Libc.NONE;
    }

    /**
     * Whether this is a program rather than a library: {@code ET_EXEC}, or a PIE ({@code DF_1_PIE}, or an
     * interpreter without a soname, as older linkers wrote PIEs). A program failing to start does not stop an import.
     */
    public boolean isExecutable() {
        return type == ElfType.EXECUTABLE || positionIndependentExecutable
                || (type == ElfType.SHARED_OBJECT && interpreter.isPresent() && soname.isEmpty());
    }
}
