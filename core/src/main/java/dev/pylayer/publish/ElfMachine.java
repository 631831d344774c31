package dev.pylayer.publish;

import dev.pylayer.runtime.Architecture;
import java.util.Optional;

/**
 * The instruction set of an ELF file from its header's {@code e_machine} field: just enough to tell which
 * Lambda architecture a layer's {@code .so} files were built for. (A full ELF reader lives elsewhere; this
 * reads 20 bytes.)
 */
final class ElfMachine {
    /** e_ident (16 bytes), e_type (2), e_machine (2): the same offsets for 32- and 64-bit ELF. */
    static final int HEADER_BYTES = 20;
    private static final int EM_X86_64 = 62;
    private static final int EM_AARCH64 = 183;

    private ElfMachine() {
    }

    /** Whether the bytes start with the ELF magic {@code 0x7f E L F}. */
    static boolean isElf(byte[] header) {
        return header.length >= 4 && header[0] == 0x7f && header[1] == 'E' && header[2] == 'L' && header[3] == 'F';
    }

    /** The raw e_machine value, or -1 when the header is not ELF or too short. */
    static int machine(byte[] header) {
        if (!isElf(header) || header.length < HEADER_BYTES) {
            return -1;
        }
        int low = header[18] & 0xff;
        int high = header[19] & 0xff;
        // EI_DATA (byte 5): 1 = little-endian, 2 = big-endian.
        return header[5] == 2 ? (low << 8) | high : (high << 8) | low;
    }

    /** The Lambda architecture of an ELF header, or empty for non-ELF and other machines (i386, s390x, …). */
    static Optional<Architecture> architecture(byte[] header) {
        return switch (machine(header)) {
            case EM_X86_64 -> Optional.of(Architecture.X86_64);
            case EM_AARCH64 -> Optional.of(Architecture.ARM64);
            default -> Optional.empty();
        };
    }
}
