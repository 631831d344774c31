package dev.pylayer.elf;

/** {@code EI_CLASS}: the width of addresses and offsets in the file. */
public enum ElfClass {
    ELF32(1, 52, 32, 40, 8),
    ELF64(2, 64, 56, 64, 16);

    private final int code;
    private final int headerSize;
    private final int programHeaderSize;
    private final int sectionHeaderSize;
    private final int dynamicEntrySize;

    ElfClass(int code, int headerSize, int programHeaderSize, int sectionHeaderSize, int dynamicEntrySize) {
        this.code = code;
        this.headerSize = headerSize;
        this.programHeaderSize = programHeaderSize;
        this.sectionHeaderSize = sectionHeaderSize;
        this.dynamicEntrySize = dynamicEntrySize;
    }

    static ElfClass of(int code) {
        for (ElfClass elfClass : values()) {
            if (elfClass.code == code) {
                return elfClass;
            }
        }
        throw new MalformedElfException("`EI_CLASS` " + code + " is neither 1 (ELF32) nor 2 (ELF64)");
    }

    int headerSize() {
        return headerSize;
    }

    int programHeaderSize() {
        return programHeaderSize;
    }

    int sectionHeaderSize() {
        return sectionHeaderSize;
    }

    int dynamicEntrySize() {
        return dynamicEntrySize;
    }
}
