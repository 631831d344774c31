package dev.pylayer.inspect;

import dev.pylayer.elf.ElfException;
import dev.pylayer.elf.ElfFile;
import java.util.Optional;

/**
 * One file of the layer as the scan saw it.
 *
 * @param name           the entry name
 * @param size           bytes inflated (counted while reading; the declared size when the entry was not read)
 * @param compressedSize bytes in the archive
 * @param sha256         sha256 digest of the inflated bytes; null when not read
 * @param format         ELF, Mach-O, PE or other, from the first bytes
 * @param elf            the ELF reading, when the file is ELF and readable
 * @param elfError       why an ELF file could not be read
 * @param symlink        a Unix symbolic link entry
 * @param readError      why the entry's bytes could not be read (bad compressed data, unsupported method)
 */
record LayerEntry(String name, long size, long compressedSize, byte[] sha256, BinaryFormat format, ElfFile elf,
        ElfException elfError, boolean symlink, String readError) {

    Optional<ElfFile> elfFile() {
        return Optional.ofNullable(elf);
    }

    String fileName() {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    String directory() {
        return name.substring(0, name.lastIndexOf('/') + 1);
    }
}
