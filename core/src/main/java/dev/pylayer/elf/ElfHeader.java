package dev.pylayer.elf;

import java.nio.ByteBuffer;

/**
 * The fields of the ELF header past {@code e_ident}, as written: where the two header tables are, and how many
 * entries of what size they hold. A 64-bit offset with the top bit set comes out negative
 * ({@link ElfHeaderTables#unsigned} tells it apart). Read by {@link ElfReader}, which checks them, and by
 * {@link StreamedElf}, which only plans what to keep from them.
 */
record ElfHeader(int type, int machineCode, long phoff, long shoff, int phentsize, int phnum, int shentsize,
        int shnum) {

    /** Decodes the header of a file of this class from its first {@link ElfClass#headerSize()} bytes, in its byte order. */
    static ElfHeader of(ByteBuffer header, ElfClass elfClass) {
        boolean wide = elfClass == ElfClass.ELF64;
        int at = wide ? 54 : 42;
        return new ElfHeader(Short.toUnsignedInt(header.getShort(16)), Short.toUnsignedInt(header.getShort(18)),
                wide ? header.getLong(32) : Integer.toUnsignedLong(header.getInt(28)),
                wide ? header.getLong(40) : Integer.toUnsignedLong(header.getInt(32)),
                Short.toUnsignedInt(header.getShort(at)), Short.toUnsignedInt(header.getShort(at + 2)),
                Short.toUnsignedInt(header.getShort(at + 4)), Short.toUnsignedInt(header.getShort(at + 6)));
    }
}
