package dev.pylayer.inspect;

/** What a file's first four bytes say it is. */
enum BinaryFormat {
    ELF("ELF"),
    MACH_O("macOS (Mach-O)"),
    PE("Windows (PE)"),
    OTHER("data");

    private final String description;

    BinaryFormat(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    static BinaryFormat of(byte[] head) {
        if (head.length < 4) {
            return head.length >= 2 && head[0] == 'M' && head[1] == 'Z' ? PE : OTHER;
        }
        int magic = ((head[0] & 0xff) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
        if (magic == 0x7f454c46) {
            return ELF;
        }
        // Thin Mach-O in either byte order; 0xcafebabe (fat) is also a Java class file, so it is left out.
        if (magic == 0xfeedface || magic == 0xfeedfacf || magic == 0xcefaedfe || magic == 0xcffaedfe) {
            return MACH_O;
        }
        if (head[0] == 'M' && head[1] == 'Z') {
            return PE;
        }
        return OTHER;
    }
}
