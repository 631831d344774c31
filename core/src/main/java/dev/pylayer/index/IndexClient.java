package dev.pylayer.index;

import dev.pylayer.Pylayer;
import dev.pylayer.cache.ContentCache;
import dev.pylayer.cache.ContentDigest;
import dev.pylayer.name.PackageName;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The entry point: one HTTP transport (connection reuse, HTTP/2 where offered, TLS set up only for https), one
 * cache, one set of credentials, shared by every index it makes and every fetch. Thread-safe: the resolver may list projects
 * and fetch metadata from many threads at once; requests beyond {@code maxConcurrentRequests} wait.
 *
 * <pre>{@code
 * try (IndexClient client = IndexClient.builder().cache(ContentCache.openDefault()).build()) {
 *     PackageIndex index = client.index(IndexOptions.of("https://pypi.org/simple"));
 *     ProjectListing listing = index.listProject(PackageName.of("requests"));
 *     byte[] metadata = client.coreMetadata(listing.files().get(0));
 *     Path wheel = client.wheel(listing.files().get(0), List.of(), bytes -> { });
 * }
 * }</pre>
 */
public final class IndexClient implements AutoCloseable {
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final boolean offline;
    private final HttpTransport transport;
    private final CredentialStore credentials;
    private final IndexHttp http;
    private final DistributionFetcher fetcher;
    private final ExecutorService executor;

    private IndexClient(Builder builder) {
        this.connectTimeout = builder.connectTimeout;
        this.readTimeout = builder.readTimeout;
        this.offline = builder.offline;
        this.credentials = new CredentialStore(builder.netrc != null ? builder.netrc : Netrc.load());
        this.transport = new HttpTransport(this::configure, builder.tlsBase, builder.maxConcurrentRequests);
        if (!offline) {
            // Overlaps, on a thread of its own, what a build does before its first request.
            transport.prepare();
        }
        ContentCache cache = builder.cache != null ? builder.cache : ContentCache.openDefault();
        this.http = new IndexHttp(transport, builder.retryPolicy, credentials, builder.maxConcurrentRequests,
                builder.offline, cache, builder.clock);
        this.fetcher = new DistributionFetcher(http, builder.rangeReads, builder.rangeTail);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "pylayer-index-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private static final AtomicBoolean WARMING = new AtomicBoolean();

    /**
     * Starts, on threads of their own, the set-up that the first request of any client would otherwise wait for:
     * OkHttp's classes, its TLS when {@code tls} (the JDK's trust store read and parsed, an SSL context: worth
     * skipping when every index is plain http), the JSON parser of index documents and SHA-256's compiled code
     * ({@link #warmUpSha256}). A command line calls it first thing, so that this overlaps its own start-up; clients
     * made later share what it built. Does nothing the second time, and never fails: what it could not do is done
     * again, and reported, where it is needed. A wrong guess of {@code tls} costs time, never correctness: TLS is
     * set up when an https URL is met.
     */
    public static void warmUp(boolean tls) {
        if (!WARMING.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                // Even the transport's class initialization is left to this thread: the caller goes straight on.
                HttpTransport.warmUp(tls);
                JsonApiDocument.listing(PackageName.of("warm-up"), WARM_UP_DOCUMENT,
                        "https://index.invalid/pypi/warm-up/json", "warm-up");
                warmUpSha256();
            } catch (RuntimeException | Error ignored) {
                // the same work is done again, and any failure reported, by the first request that needs it
            }
        }, "pylayer-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Hashes 4 MiB of zeros. Every byte a build downloads is hashed with SHA-256, and the content check hashes the
     * inflated files again; the JVM hashes at ~1.6 GB/s only once C2 has compiled its SHA-256 intrinsic, which takes
     * a few MB of much slower hashing first (~50 ms of CPU). Done here, that happens on a core the starting command
     * line leaves idle, instead of in the busiest part of the build.
     */
    private static void warmUpSha256() {
        MessageDigest sha256 = ContentDigest.newSha256();
        byte[] block = new byte[1 << 16];
        for (int i = 0; i < 64; i++) {
            sha256.update(block);
        }
        sha256.digest();
    }

    private static final byte[] WARM_UP_DOCUMENT = ("{\"info\": {\"requires_dist\": [\"warm-up-dep>=1\"]}, "
            + "\"releases\": {\"1.0\": [{\"filename\": \"warm_up-1.0-py3-none-any.whl\", "
            + "\"url\": \"https://index.invalid/warm_up-1.0-py3-none-any.whl\", \"digests\": {\"sha256\": \""
            + "0".repeat(64) + "\"}, \"requires_python\": \">=3.8\", \"yanked\": false, \"size\": 1, "
            + "\"upload_time_iso_8601\": \"2024-01-01T00:00:00.000000Z\"}]}}").getBytes(StandardCharsets.UTF_8);

    /** This client's settings on an OkHttp client derived from a shared base (whose set-up it reuses). */
    private OkHttpClient.Builder configure(OkHttpClient.Builder base) {
        return base.connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                .addInterceptor(chain -> {
                    Request request = chain.request();
                    Request.Builder decorated = request.newBuilder().header("User-Agent", Pylayer.userAgent());
                    if (request.header("Authorization") == null) {
                        credentials.forUrl(request.url()).ifPresent(found -> decorated.header("Authorization",
                                okhttp3.Credentials.basic(found.username(), found.password(), StandardCharsets.UTF_8)));
                    }
                    return chain.proceed(decorated.build());
                });
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The sources the options name, merged (pip semantics: every file from every source, first source wins a name). */
    public PackageIndex index(IndexOptions options) {
        List<PackageIndex> sources = new ArrayList<>();
        options.indexUrl().ifPresent(url -> sources.add(index(url)));
        options.extraIndexUrls().forEach(url -> sources.add(index(url)));
        options.findLinks().forEach(location -> sources.add(findLinks(location)));
        if (sources.isEmpty()) {
            throw new InvalidIndexUrlException("--no-index", "leaves nowhere to look for distributions",
                    List.of("add `--find-links DIR` with the wheels to use, or drop `--no-index`"));
        }
        return sources.size() == 1 ? sources.get(0) : new MergedIndex(sources, executor);
    }

    /**
     * One index by the command line's rule: a URL whose last path segment is {@code simple} is a PEP 503/691
     * simple index (http(s) or a {@code file://} folder); any other is a PyPI JSON API base.
     */
    public PackageIndex index(String url) {
        IndexUrl parsed = IndexUrl.parse(url);
        credentials.register(parsed);
        expect(parsed);
        boolean simple = parsed.lastSegment().equals("simple");
        if (parsed.isFile()) {
            if (!simple) {
                throw new InvalidIndexUrlException(parsed.displayUrl(), "is a local folder but not a `simple` index",
                        List.of("a local index is a folder named `simple` with one `<project>/index.html` per project",
                                "for a folder of wheels, use `--find-links`"));
            }
            if (!Files.isDirectory(parsed.path())) {
                throw new InvalidIndexUrlException(parsed.displayUrl(), "is not a folder",
                        List.of("check the path of the local simple index"));
            }
        }
        return simple ? new SimpleIndex(parsed, http) : new JsonApiIndex(parsed, http);
    }

    /** An https index will be asked: its TLS set-up starts now, beside what comes before the first request. */
    private void expect(IndexUrl url) {
        if (!offline && url.url().startsWith("https:")) {
            transport.prepareTls();
        }
    }

    /** A {@code --find-links} location: a folder of distributions or an HTML page of links. */
    public PackageIndex findLinks(String location) {
        IndexUrl parsed = IndexUrl.parse(location);
        credentials.register(parsed);
        expect(parsed);
        if (parsed.isFile() && !Files.exists(parsed.path())) {
            throw new InvalidIndexUrlException(parsed.displayUrl(), "does not exist",
                    List.of("`--find-links` takes an existing folder of wheels or the URL of a page of links"));
        }
        return new FindLinks(parsed, http);
    }

    /** The wheel's METADATA bytes, fetched the cheapest way available and cached by the wheel's sha256. */
    public byte[] coreMetadata(DistributionFile file) {
        return fetcher.coreMetadata(file);
    }

    /**
     * Whether the digests the index gives for {@code file} satisfy {@code requiredHashes} ({@code sha256:…} texts, as
     * {@link #wheel} checks them against the downloaded bytes): true when none are required.
     */
    public static boolean indexDigestsSatisfy(DistributionFile file, Collection<String> requiredHashes) {
        return Digests.matchesRequired(file.hashes(), DistributionFetcher.parseRequired(requiredHashes));
    }

    /**
     * The wheel as a local file whose digests match the index's and, when given, one of {@code requiredHashes}
     * ({@code sha256:<hex>} as in a requirements file's {@code --hash}). Remote wheels are streamed into the cache;
     * local files ({@code file:} indexes, find-links folders) are used in place after hashing. {@code progress}
     * receives byte counts as they arrive (a negative count undoes an attempt that failed and is retried).
     */
    public Path wheel(DistributionFile file, Collection<String> requiredHashes, LongConsumer progress) {
        return fetcher.wheel(file, requiredHashes, Objects.requireNonNull(progress, "progress"));
    }

    public Path wheel(DistributionFile file) {
        return wheel(file, Set.of(), bytes -> { });
    }

    /** Whether this client's TLS is set up (tests: only https URLs set it up). */
    boolean tlsSetUp() {
        return transport.tlsReady();
    }

    public ContentCache cache() {
        return http.cache();
    }

    public boolean offline() {
        return http.offline();
    }

    /** Stops the helper threads and closes idle connections; the cache is the caller's to close. */
    @Override
    public void close() {
        executor.shutdownNow();
        transport.close();
    }

    /** Settings; every one has a default suited to a command-line build. */
    public static final class Builder {
        private ContentCache cache;
        private boolean offline;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Duration connectTimeout = Duration.ofSeconds(15);
        private Duration readTimeout = Duration.ofSeconds(60);
        private int maxConcurrentRequests = 16;
        private Netrc netrc;
        private boolean rangeReads = true;
        private int rangeTail = HttpRangeChannel.DEFAULT_TAIL;
        private Clock clock = Clock.systemUTC();
        private OkHttpClient tlsBase;

        private Builder() {
        }

        /** Default: {@link ContentCache#openDefault()}; for {@code --no-cache} pass {@link ContentCache#throwaway()}. */
        public Builder cache(ContentCache value) {
            this.cache = value;
            return this;
        }

        /** {@code --offline}: no request leaves the machine; cached documents and wheels only. */
        public Builder offline(boolean value) {
            this.offline = value;
            return this;
        }

        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = Objects.requireNonNull(value);
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = Objects.requireNonNull(value);
            return this;
        }

        /** The longest silence while reading a response (not the whole download). */
        public Builder readTimeout(Duration value) {
            this.readTimeout = Objects.requireNonNull(value);
            return this;
        }

        public Builder maxConcurrentRequests(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxConcurrentRequests must be at least 1");
            }
            this.maxConcurrentRequests = value;
            return this;
        }

        /** Default: {@link Netrc#load()} ({@code $NETRC} or {@code ~/.netrc}). */
        public Builder netrc(Netrc value) {
            this.netrc = Objects.requireNonNull(value);
            return this;
        }

        public Builder netrc(Path file) {
            return netrc(Netrc.load(file));
        }

        /** Whether METADATA may be read with HTTP Range requests (default yes); off, a wheel without PEP 658 is downloaded. */
        public Builder rangeReads(boolean value) {
            this.rangeReads = value;
            return this;
        }

        /** Bytes asked for by the first, suffix, range request. */
        public Builder rangeTail(int bytes) {
            if (bytes < 22) {
                throw new IllegalArgumentException("the tail must hold at least an end-of-central-directory record");
            }
            this.rangeTail = bytes;
            return this;
        }

        /** The client whose TLS set-up https requests use (tests: one that trusts their own server). */
        Builder tlsBase(OkHttpClient value) {
            this.tlsBase = Objects.requireNonNull(value);
            return this;
        }

        Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        public IndexClient build() {
            return new IndexClient(this);
        }
    }
}
