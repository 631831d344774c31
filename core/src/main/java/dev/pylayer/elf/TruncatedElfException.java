package dev.pylayer.elf;

import java.util.List;

/** A structure the headers point to lies (partly) beyond the end of the file. */
public final class TruncatedElfException extends ElfException {
    private final String structure;

    public TruncatedElfException(String structure, long offset, long length, long fileSize) {
        super("ELF file is cut short: `" + structure + "` at offset " + offset + " (" + length
                        + " bytes) extends past the end of the file (" + fileSize + " bytes)",
                List.of("the file was probably truncated in transfer or when the archive was written; "
                        + "reinstall the package that ships it"));
        this.structure = structure;
    }

    /** The structure that did not fit, e.g. {@code section headers}. */
    public String structure() {
        return structure;
    }
}
