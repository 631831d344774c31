package dev.pylayer.elf;

import dev.pylayer.PylayerException;
import java.util.List;

/** A file that cannot be read as ELF: not ELF at all, cut short, or with values that contradict each other. */
public abstract sealed class ElfException extends PylayerException
        permits NotElfException, TruncatedElfException, MalformedElfException {
    ElfException(String message, List<String> hints) {
        super(message, hints);
    }
}
