package dev.pylayer.layer;

import dev.pylayer.wheel.ContentSink;

/**
 * Sees every file of a layer while {@link LayerZipWriter} writes it, with its inflated content, so that a check
 * of the layer (pylayer's inspection of ELF files and dist-info) costs no second pass over the zip. Files are
 * reported in the zip's order, one at a time.
 */
public interface LayerObserver {

    /**
     * A file is about to be written; the returned sink receives its inflated bytes and then {@link ContentSink#finish}.
     *
     * @param path           the entry name in the zip
     * @param size           the inflated size
     * @param compressedSize the bytes it takes in the zip
     */
    ContentSink file(String path, long size, long compressedSize);
}
