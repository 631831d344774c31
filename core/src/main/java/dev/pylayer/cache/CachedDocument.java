package dev.pylayer.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP document as last fetched: the final URL (after redirects, for resolving relative links), its body,
 * and what is needed to revalidate it (RFC 9110 {@code ETag} / {@code Last-Modified}) or to reuse it without
 * asking ({@code Cache-Control: max-age}, as pip's HTTP cache honours it). {@code status} is 200, or 404 for
 * "this index does not have it", which is worth remembering too (offline builds over several indexes).
 */
public record CachedDocument(String url, int status, byte[] body, Optional<String> contentType, Optional<String> etag,
                             Optional<String> lastModified, Instant fetchedAt, Optional<Duration> maxAge) {
    public CachedDocument {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(maxAge, "maxAge");
    }

    /** Whether the server said this copy may be used without asking again at {@code now}. */
    public boolean isFresh(Instant now) {
        return maxAge.map(age -> now.isBefore(fetchedAt.plus(age))).orElse(false);
    }

    /** Whether a conditional request can revalidate it. */
    public boolean hasValidators() {
        return etag.isPresent() || lastModified.isPresent();
    }

    /**
     * Whether storing {@code newer} in place of this copy would change nothing a later build reads: the same answer
     * and validators, and no {@code max-age} on either, so that when each was fetched decides nothing. A warm build
     * that fetches every listing again then writes none of them back.
     */
    public boolean sameStoredAnswer(CachedDocument newer) {
        return maxAge.isEmpty() && newer.maxAge.isEmpty() && status == newer.status && url.equals(newer.url)
                && java.util.Arrays.equals(body, newer.body) && contentType.equals(newer.contentType)
                && etag.equals(newer.etag) && lastModified.equals(newer.lastModified);
    }

    /** The same body, confirmed unchanged by the server at {@code when} (a 304), with the validators it sent. */
    public CachedDocument revalidated(Instant when, Optional<String> newEtag, Optional<String> newLastModified,
                                      Optional<Duration> newMaxAge) {
        return new CachedDocument(url, status, body, contentType, newEtag.or(() -> etag),
                newLastModified.or(() -> lastModified), when, newMaxAge);
    }
}
