package dev.pylayer.api;

/**
 * The layer zip as written: its sha256 (hex; Lambda's {@code CodeSha256} is the base64 of the same digest),
 * its size, the sum of its files' uncompressed sizes (what counts against Lambda's 250 MB), and its file count.
 */
public record LayerSummary(String sha256, long size, long uncompressedSize, int files) {
}
