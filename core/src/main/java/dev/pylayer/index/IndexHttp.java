package dev.pylayer.index;

import dev.pylayer.cache.CachedDocument;
import dev.pylayer.cache.ContentCache;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Call;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Every request pylayer makes to an index: bounded concurrency (a semaphore around each call, body included,
 * since the resolver calls from many threads), retries with backoff for network faults, retryable statuses
 * and bodies that fail to parse, and cached documents revalidated with {@code If-None-Match} /
 * {@code If-Modified-Since}. Offline, nothing is sent.
 */
final class IndexHttp {
    /** Reads an accepted response (2xx, 304, 404 or 416); may throw to have the request retried. */
    interface Handler<T> {
        T handle(Response response) throws IOException;
    }

    /** A ranged read: {@code status} 206 with bytes from {@code start}, or 200 when the server ignored Range. */
    record RangeResponse(int status, long start, long total, byte[] bytes) {
    }

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age=\"?(\\d+)\"?");
    private static final long MAX_DOCUMENT_BYTES = 256L << 20;

    private final Call.Factory client;
    private final RetryPolicy retry;
    private final CredentialStore credentials;
    private final Semaphore permits;
    private final java.util.Map<String, HostPermits> hosts = new java.util.concurrent.ConcurrentHashMap<>();
    private final boolean offline;
    private final ContentCache cache;
    private final Clock clock;

    /** {@code client} is asked for each request's call (a {@link HttpTransport} picks the client by scheme). */
    IndexHttp(Call.Factory client, RetryPolicy retry, CredentialStore credentials, int maxConcurrentRequests,
              boolean offline, ContentCache cache, Clock clock) {
        this.client = client;
        this.retry = retry;
        this.credentials = credentials;
        this.permits = new Semaphore(maxConcurrentRequests);
        this.offline = offline;
        this.cache = cache;
        this.clock = clock;
    }

    boolean offline() {
        return offline;
    }

    ContentCache cache() {
        return cache;
    }

    /**
     * A document (project page) through the cache: reused while fresh (or always, offline), revalidated when it
     * has validators, fetched otherwise. {@code parser} sees 200 and 404 documents; a
     * {@link MalformedDocumentException} from it has the request retried and nothing cached.
     */
    <T> T document(String url, String accept, String what, Function<CachedDocument, T> parser) {
        String key = accept + " " + url;
        Optional<CachedDocument> cached = cache.document(key);
        if (cached.isPresent() && (offline || cached.get().isFresh(clock.instant()))) {
            try {
                return parser.apply(cached.get());
            } catch (MalformedDocumentException e) {
                cached = Optional.empty();
            }
        }
        if (offline) {
            throw new OfflineException(what, IndexUrl.mask(url));
        }
        CachedDocument stored = cached.orElse(null);
        Request.Builder request = new Request.Builder().url(url).header("Accept", accept);
        CachedDocument previous = cached.filter(CachedDocument::hasValidators).orElse(null);
        if (previous != null) {
            previous.etag().ifPresent(etag -> request.header("If-None-Match", etag));
            previous.lastModified().ifPresent(date -> request.header("If-Modified-Since", date));
        }
        return execute(request.build(), what, response -> {
            Instant now = clock.instant();
            Optional<String> etag = Optional.ofNullable(response.header("ETag"));
            Optional<String> lastModified = Optional.ofNullable(response.header("Last-Modified"));
            Optional<Duration> maxAge = maxAge(response);
            String finalUrl = response.request().url().toString();
            CachedDocument document;
            if (response.code() == 304 && previous != null) {
                document = previous.revalidated(now, etag, lastModified, maxAge);
            } else if (response.code() == 404) {
                document = new CachedDocument(finalUrl, 404, new byte[0], Optional.empty(), Optional.empty(),
                        Optional.empty(), now, maxAge);
            } else if (response.code() / 100 == 2) {
                byte[] body = readLimited(response, MAX_DOCUMENT_BYTES);
                document = new CachedDocument(finalUrl, 200, body, Optional.ofNullable(response.header("Content-Type")),
                        etag, lastModified, now, maxAge);
            } else {
                throw unexpected(response);
            }
            T parsed = parser.apply(document);
            if (stored == null || !stored.sameStoredAnswer(document)) {
                cache.putDocument(key, document);
            }
            return parsed;
        });
    }

    /** A small file (e.g. PEP 658 metadata) without caching; empty on 404. */
    Optional<byte[]> bytes(String url, String what, long maxBytes) {
        Request request = new Request.Builder().url(url).build();
        return execute(request, what, response -> {
            if (response.code() == 404) {
                return Optional.empty();
            }
            if (response.code() != 200) {
                throw unexpected(response);
            }
            return Optional.of(readLimited(response, maxBytes));
        });
    }

    /** {@code Range: bytes=…}: a 206 with its bytes, or status 200/416 and no bytes when the server will not. */
    RangeResponse range(String url, String range, String what) {
        Request request = new Request.Builder().url(url).header("Range", "bytes=" + range).build();
        return execute(request, what, response -> {
            if (response.code() != 206) {
                if (response.code() == 200 || response.code() == 416) {
                    return new RangeResponse(response.code(), 0, -1, new byte[0]);
                }
                throw unexpected(response);
            }
            Matcher matcher = CONTENT_RANGE.matcher(String.valueOf(response.header("Content-Range")));
            if (!matcher.matches() || matcher.group(3).equals("*")) {
                return new RangeResponse(200, 0, -1, new byte[0]);
            }
            long start = Long.parseLong(matcher.group(1));
            long end = Long.parseLong(matcher.group(2));
            byte[] bytes = readLimited(response, end - start + 1);
            if (bytes.length != end - start + 1) {
                throw new ProtocolException("range response has " + bytes.length + " bytes, Content-Range says " + (end - start + 1));
            }
            return new RangeResponse(206, start, Long.parseLong(matcher.group(3)), bytes);
        });
    }

    /** Sends {@code request} with retries; {@code what} names the thing fetched in offline errors. */
    <T> T execute(Request request, String what, Handler<T> handler) {
        String masked = display(request.url());
        if (offline) {
            throw new OfflineException(what, masked);
        }
        int attempt = 0;
        while (true) {
            attempt++;
            Throwable failure;
            int failedStatus = 0;
            Duration retryAfter = null;
            HostPermits host = hostPermits(request.url());
            boolean hostPermit = host.acquire();
            acquire();
            try (Response response = client.newCall(request).execute()) {
                if (response.protocol() == Protocol.HTTP_2 || response.protocol() == Protocol.H2_PRIOR_KNOWLEDGE) {
                    host.multiplexed = true;
                }
                int code = response.code();
                if (code == 408 || code == 429 || code >= 500) {
                    failedStatus = code;
                    failure = null;
                    retryAfter = retryAfter(response.header("Retry-After"));
                } else if (code / 100 == 2 || code == 304 || code == 404 || code == 416) {
                    return handler.handle(response);
                } else {
                    throw IndexResponseException.status(masked, code, attempt,
                            credentials.forUrl(request.url()).isPresent());
                }
            } catch (IOException | MalformedDocumentException e) {
                failure = e;
            } finally {
                permits.release();
                if (hostPermit) {
                    host.permits.release();
                }
            }
            if (attempt >= retry.maxAttempts()) {
                if (failure instanceof MalformedDocumentException malformed) {
                    throw IndexResponseException.malformed(masked, malformed.what(), attempt, malformed);
                }
                if (failure == null) {
                    throw IndexResponseException.status(masked, failedStatus, attempt,
                            credentials.forUrl(request.url()).isPresent());
                }
                throw new IndexUnreachableException(masked, attempt, describe((IOException) failure), failure);
            }
            pause(retryAfter != null ? retry.retryAfter(retryAfter) : retry.backoff(attempt));
        }
    }

    /**
     * The URL for messages: when credentials go to its host, their user name is shown and the password masked
     * ({@code https://user:****@host/…}), so the reader knows which credentials were used and never sees them.
     */
    String display(okhttp3.HttpUrl url) {
        String bare = url.toString();
        return credentials.forUrl(url)
                .map(found -> bare.replaceFirst("://", "://" + (found.username().isEmpty() ? "" : found.username() + ":") + "****@"))
                .orElse(bare);
    }

    /** A status the caller cannot use (e.g. 404 for a file the index listed): reported, not retried. */
    private IndexResponseException unexpected(Response response) {
        return IndexResponseException.status(display(response.request().url()), response.code(), 1,
                credentials.forUrl(response.request().url()).isPresent());
    }

    /**
     * Requests at once to one HTTP/1.1 host, each on its own connection: the browsers' limit, and OkHttp's. Small
     * servers accept only a few connections at a time (Python's http.server queues 5; the next SYN is dropped
     * and retried a second later), so a burst of prefetches must not open one connection per request. A host
     * that answers over HTTP/2 multiplexes on one connection and gets no limit beyond the global one. Permits
     * are handed out in order, so requests go out in the order they were asked for (what the resolver needs first).
     */
    static final int MAX_REQUESTS_PER_HOST = 5;

    private static final class HostPermits {
        final Semaphore permits = new Semaphore(MAX_REQUESTS_PER_HOST, true);
        volatile boolean multiplexed;

        /** Whether a permit was taken (to be released). */
        boolean acquire() {
            if (multiplexed) {
                return false;
            }
            try {
                permits.acquire();
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to send a request", e);
            }
        }
    }

    private HostPermits hostPermits(okhttp3.HttpUrl url) {
        return hosts.computeIfAbsent(url.scheme() + "://" + url.host() + ":" + url.port(), key -> new HostPermits());
    }

    private void acquire() {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to send a request", e);
        }
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a request", e);
        }
    }

    /** The body, refusing more than {@code limit} bytes; OkHttp throws when it is shorter than Content-Length. */
    static byte[] readLimited(Response response, long limit) throws IOException {
        long declared = response.body().contentLength();
        if (declared > limit) {
            throw new ProtocolException("response of " + declared + " bytes is over the limit of " + limit);
        }
        okio.BufferedSource source = response.body().source();
        if (!source.request(limit + 1)) {
            byte[] bytes = source.getBuffer().readByteArray();
            if (declared >= 0 && bytes.length != declared) {
                throw new ProtocolException("truncated body: " + bytes.length + " of " + declared + " bytes");
            }
            return bytes;
        }
        throw new ProtocolException("response is over the limit of " + limit + " bytes");
    }

    /** {@code Retry-After}: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            return Duration.between(clock.instant(), when.toInstant());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Optional<Duration> maxAge(Response response) {
        String cacheControl = response.header("Cache-Control");
        if (cacheControl == null) {
            return Optional.empty();
        }
        String lower = cacheControl.toLowerCase(Locale.ROOT);
        if (lower.contains("no-cache") || lower.contains("no-store")) {
            return Optional.empty();
        }
        Matcher matcher = MAX_AGE.matcher(lower);
        return matcher.find() ? Optional.of(Duration.ofSeconds(Long.parseLong(matcher.group(1)))) : Optional.empty();
    }

    static String describe(IOException failure) {
        if (failure instanceof SocketTimeoutException || failure instanceof InterruptedIOException) {
            return "timed out";
        }
        if (failure instanceof ConnectException) {
            return "connection refused";
        }
        if (failure instanceof UnknownHostException) {
            return "unknown host " + failure.getMessage();
        }
        String message = String.valueOf(failure.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("reset")) {
            return "connection reset";
        }
        if (lower.contains("unexpected end of stream") || lower.contains("truncated") || failure instanceof java.io.EOFException) {
            return "the response ended early (truncated body)";
        }
        return failure.getClass().getSimpleName() + ": " + IndexUrl.mask(message);
    }
}
