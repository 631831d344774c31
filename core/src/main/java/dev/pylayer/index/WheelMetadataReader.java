package dev.pylayer.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Reads {@code <name>-<version>.dist-info/METADATA} out of a wheel, from any seekable channel (a local file or
 * {@link HttpRangeChannel}) with Commons Compress: only the central directory and that one entry are read.
 */
final class WheelMetadataReader {
    /** The dist-info folder sits at the wheel's root (PEP 427), so METADATA is at depth one. */
    private static final Pattern METADATA = Pattern.compile("[^/]+\\.dist-info/METADATA");
    /** METADATA is text of a few kilobytes; anything past this is refused rather than inflated. */
    static final int MAX_METADATA_BYTES = 16 << 20;

    private WheelMetadataReader() {
    }

    /** The METADATA bytes; an {@link IOException} when the zip is damaged, a message when METADATA is missing. */
    static byte[] read(SeekableByteChannel channel, String filename) throws IOException, MissingMetadata {
        // Local file headers are read only for the entry opened, not for every entry: the point of range reads.
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(channel).setIgnoreLocalFileHeader(true).get()) {
            ZipArchiveEntry entry = choose(Collections.list(zip.getEntries()), filename);
            if (entry.getSize() > MAX_METADATA_BYTES) {
                throw new MissingMetadata("has a METADATA of " + entry.getSize() + " bytes, over the limit of " + MAX_METADATA_BYTES);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                byte[] bytes = in.readNBytes(MAX_METADATA_BYTES + 1);
                if (bytes.length > MAX_METADATA_BYTES) {
                    throw new MissingMetadata("has a METADATA that inflates past " + MAX_METADATA_BYTES + " bytes");
                }
                return bytes;
            }
        }
    }

    static byte[] read(Path wheel, String filename) throws IOException, MissingMetadata {
        return read(Files.newByteChannel(wheel, StandardOpenOption.READ), filename);
    }

    /**
     * The one {@code *.dist-info/METADATA} at the root; when there are several (a badly built wheel), the one whose
     * folder starts with the file name's project part, as pip's {@code wheel_dist_info_dir} insists.
     */
    private static ZipArchiveEntry choose(List<ZipArchiveEntry> entries, String filename) throws MissingMetadata {
        List<ZipArchiveEntry> candidates = new ArrayList<>();
        for (ZipArchiveEntry entry : entries) {
            if (METADATA.matcher(entry.getName()).matches()) {
                candidates.add(entry);
            }
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            throw new MissingMetadata("has no `*.dist-info/METADATA`");
        }
        int dash = filename.indexOf('-');
        String project = dash > 0 ? dev.pylayer.name.PackageName.normalize(filename.substring(0, dash)) : "";
        for (ZipArchiveEntry entry : candidates) {
            String folder = entry.getName().substring(0, entry.getName().indexOf(".dist-info/"));
            int folderDash = folder.indexOf('-');
            String folderProject = folderDash > 0 ? folder.substring(0, folderDash) : folder;
            if (dev.pylayer.name.PackageName.normalize(folderProject).equals(project)) {
                return entry;
            }
        }
        throw new MissingMetadata("has " + candidates.size() + " `.dist-info` folders and none matches its name");
    }

    /** The wheel is a zip but not a usable wheel. */
    static final class MissingMetadata extends Exception {
        MissingMetadata(String problem) {
            super(problem);
        }
    }
}
