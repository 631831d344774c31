package dev.pylayer.elf;

import java.util.List;

/** The first bytes are not {@code \x7fELF}. */
public final class NotElfException extends ElfException {
    public NotElfException(String start) {
        super("not an ELF file: it starts with `" + start + "`, not `7f 45 4c 46` (\\x7fELF)",
                List.of("only Linux shared objects and executables are ELF; macOS (Mach-O) and Windows (PE) "
                        + "binaries do not load on Lambda"));
    }
}
