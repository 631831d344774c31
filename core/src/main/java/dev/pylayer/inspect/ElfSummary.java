package dev.pylayer.inspect;

import dev.pylayer.elf.ElfFile;
import java.util.Objects;
import java.util.Optional;

/**
 * One ELF file of the layer (or a file that looks like one but cannot be read).
 *
 * @param path         the zip entry
 * @param elf          what its headers say, when readable
 * @param error        why it could not be read
 * @param extension    the extension module name it carries, if any ({@code cpython-311-x86_64-linux-gnu}, {@code abi3})
 * @param distribution the distribution whose RECORD lists it ("numpy 2.3.5")
 */
public record ElfSummary(String path, Optional<ElfFile> elf, Optional<String> error,
        Optional<ExtensionModuleName> extension, Optional<String> distribution) {
    public ElfSummary {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(elf, "elf");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(distribution, "distribution");
    }
}
