package dev.pylayer.elf;

import java.util.Optional;

/**
 * {@code e_machine}: the instruction set. The two Lambda runs are {@link #X86_64} and {@link #AARCH64}; the
 * others are named so a message can say what a wrong file was built for.
 */
public enum ElfMachine {
    X86_64(62, "x86-64", "x86_64"),
    AARCH64(183, "AArch64", "aarch64"),
    I386(3, "Intel 80386", "i686"),
    ARM(40, "32-bit ARM", "armv7l"),
    PPC(20, "PowerPC", "ppc"),
    PPC64(21, "PowerPC64", "ppc64le"),
    S390(22, "IBM S/390", "s390x"),
    MIPS(8, "MIPS", "mips"),
    SPARCV9(43, "SPARC V9", "sparc64"),
    RISCV(243, "RISC-V", "riscv64"),
    LOONGARCH(258, "LoongArch", "loongarch64"),
    OTHER(-1, "unknown machine", "");

    private final int code;
    private final String displayName;
    private final String wheelMachine;

    ElfMachine(int code, String displayName, String wheelMachine) {
        this.code = code;
        this.displayName = displayName;
        this.wheelMachine = wheelMachine;
    }

    static ElfMachine of(int code) {
        for (ElfMachine machine : values()) {
            if (machine.code == code) {
                return machine;
            }
        }
        return OTHER;
    }

    /** The numeric {@code e_machine} ({@code -1} for {@link #OTHER}: see {@link ElfFile#machineCode()}). */
    public int code() {
        return code;
    }

    /** "x86-64", "AArch64", as readelf names them. */
    public String displayName() {
        return displayName;
    }

    /** The machine as wheel platform tags spell it ({@code x86_64}, {@code aarch64}), when there is one. */
    public Optional<String> wheelMachine() {
        return wheelMachine.isEmpty() ? Optional.empty() : Optional.of(wheelMachine);
    }
}
