package dev.pylayer.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@link CachedDocument} to and from a {@link SealedEntry}. */
final class DocumentCodec {
    private DocumentCodec() {
    }

    static byte[] encode(CachedDocument document) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("url", document.url());
        headers.put("status", Integer.toString(document.status()));
        document.contentType().ifPresent(value -> headers.put("content-type", value));
        document.etag().ifPresent(value -> headers.put("etag", value));
        document.lastModified().ifPresent(value -> headers.put("last-modified", value));
        headers.put("fetched-at", Long.toString(document.fetchedAt().toEpochMilli()));
        document.maxAge().ifPresent(value -> headers.put("max-age", Long.toString(value.toSeconds())));
        return SealedEntry.seal(headers, document.body());
    }

    static Optional<CachedDocument> decode(SealedEntry entry) {
        Map<String, String> headers = entry.headers();
        String url = headers.get("url");
        String fetchedAt = headers.get("fetched-at");
        String status = headers.get("status");
        if (url == null || fetchedAt == null || status == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CachedDocument(url, Integer.parseInt(status), entry.body(),
                    Optional.ofNullable(headers.get("content-type")),
                    Optional.ofNullable(headers.get("etag")),
                    Optional.ofNullable(headers.get("last-modified")),
                    Instant.ofEpochMilli(Long.parseLong(fetchedAt)),
                    Optional.ofNullable(headers.get("max-age")).map(Long::parseLong).map(Duration::ofSeconds)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
