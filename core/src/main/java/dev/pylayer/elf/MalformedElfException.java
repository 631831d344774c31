package dev.pylayer.elf;

import java.util.List;

/** Header values that are invalid or contradict each other (an unknown class, a loop in a chain, …). */
public final class MalformedElfException extends ElfException {
    public MalformedElfException(String problem) {
        super("malformed ELF file: " + problem,
                List.of("the file is damaged or was not produced by a linker; reinstall the package that ships it"));
    }
}
