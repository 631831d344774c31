package dev.pylayer.inspect;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens the content of a file being inspected again, from its first byte: lets an inspection keep only the parts of
 * an ELF file it expects to need as the file streams past, and read it again in the rare case they were not enough.
 */
@FunctionalInterface
public interface EntryReopener {
    InputStream open() throws IOException;
}
