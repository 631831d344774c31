package dev.pylayer.index;

import dev.pylayer.cache.ContentCache;
import dev.pylayer.cache.PendingWheel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ProtocolException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import okhttp3.Request;

/** Wheels and their METADATA, each fetched the cheapest way and checked against the digests known for it. */
final class DistributionFetcher {
    /** A wheel up to this many range tails is fetched whole for its METADATA. */
    static final int WHOLE_WHEEL_TAILS = 4;
    private final IndexHttp http;
    private final ContentCache cache;
    private final boolean rangeReads;
    private final int rangeTail;
    private final Map<String, CompletableFuture<Path>> downloading = new ConcurrentHashMap<>();

    DistributionFetcher(IndexHttp http, boolean rangeReads, int rangeTail) {
        this.http = http;
        this.cache = http.cache();
        this.rangeReads = rangeReads;
        this.rangeTail = rangeTail;
    }

    /**
     * The wheel's METADATA: the metadata cache → a local or cached wheel → PEP 658 {@code .metadata} → the whole
     * wheel when it is small ({@link #WHOLE_WHEEL_TAILS} range tails) → HTTP range reads of the central directory
     * and the entry → the whole wheel.
     */
    byte[] coreMetadata(DistributionFile file) {
        if (!file.isWheel()) {
            throw new IllegalArgumentException("not a wheel: " + file.filename());
        }
        Optional<String> sha256 = file.sha256();
        Optional<byte[]> cached = sha256.flatMap(cache::metadata);
        if (cached.isPresent()) {
            return cached.get();
        }
        if (file.isLocal()) {
            return readFromFile(file, Path.of(URI.create(file.url())));
        }
        Optional<Path> cachedWheel = sha256.flatMap(cache::wheel);
        byte[] metadata;
        if (cachedWheel.isPresent()) {
            metadata = readFromFile(file, cachedWheel.get());
        } else {
            if (http.offline()) {
                throw new OfflineException("METADATA of `" + file.filename() + "`", IndexUrl.mask(file.url()));
            }
            metadata = file.coreMetadata().flatMap(core -> pep658(file, core)).orElse(null);
            if (metadata == null && file.size().isPresent() && file.size().getAsLong() <= WHOLE_WHEEL_TAILS * rangeTail) {
                // Range reads take two round trips when METADATA is not in the tail; a wheel this small comes whole
                // in one, barely more bytes, into the cache, where it is found again if the resolver chooses it.
                metadata = readFromFile(file, wheel(file, Set.of(), bytes -> { }));
            }
            if (metadata == null && rangeReads) {
                metadata = rangeRead(file).orElse(null);
            }
            if (metadata == null) {
                metadata = readFromFile(file, wheel(file, Set.of(), bytes -> { }));
            }
        }
        byte[] result = metadata;
        sha256.ifPresent(hex -> cache.putMetadata(hex, result));
        return result;
    }

    private Optional<byte[]> pep658(DistributionFile file, DistributionFile.CoreMetadata core) {
        String url = file.url() + ".metadata";
        Optional<byte[]> bytes = http.bytes(url, "METADATA of `" + file.filename() + "`", WheelMetadataReader.MAX_METADATA_BYTES);
        bytes.ifPresent(metadata -> {
            Map<String, String> claims = new TreeMap<>(core.hashes());
            claims.keySet().removeIf(algorithm -> !Digests.supports(algorithm));
            if (!claims.isEmpty()) {
                Digests digests = new Digests(claims.keySet());
                digests.update(metadata, 0, metadata.length);
                Digests.verify(digests.finish(), claims, Map.of(), file.filename() + ".metadata", IndexUrl.mask(url));
            }
        });
        return bytes;
    }

    private Optional<byte[]> rangeRead(DistributionFile file) {
        String what = "wheel `" + file.filename() + "`";
        Optional<HttpRangeChannel> channel = HttpRangeChannel.open(http, file.url(), what, rangeTail);
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(WheelMetadataReader.read(channel.get(), file.filename()));
        } catch (WheelMetadataReader.MissingMetadata e) {
            throw new DistributionException(file.filename(), IndexUrl.mask(file.url()), e.getMessage(), null);
        } catch (IOException e) {
            // A zip that does not read through ranges is fetched whole and judged from the real bytes.
            return Optional.empty();
        }
    }

    private static byte[] readFromFile(DistributionFile file, Path wheel) {
        try {
            return WheelMetadataReader.read(wheel, file.filename());
        } catch (WheelMetadataReader.MissingMetadata e) {
            throw new DistributionException(file.filename(), IndexUrl.mask(file.url()), e.getMessage(), null);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new DistributionException(file.filename(), IndexUrl.mask(file.url()), "is missing", e);
        } catch (IOException e) {
            throw new DistributionException(file.filename(), IndexUrl.mask(file.url()), "is not a readable zip: " + e.getMessage(), e);
        }
    }

    /**
     * The wheel on local disk, its digests checked: a local file in place, else the cache entry, else downloaded
     * (streamed into the cache, committed only when every digest matches).
     */
    Path wheel(DistributionFile file, Collection<String> requiredHashes, LongConsumer progress) {
        Map<String, Set<String>> required = parseRequired(requiredHashes);
        String masked = IndexUrl.mask(file.url());
        Set<String> needed = Digests.needed(file.hashes(), required);
        if (file.isLocal()) {
            Path path = Path.of(URI.create(file.url()));
            if (!Files.isRegularFile(path)) {
                throw new DistributionException(file.filename(), masked, "is missing", null);
            }
            try {
                Digests.verify(Digests.ofFile(path, needed), file.hashes(), required, file.filename(), masked);
                progress.accept(Files.size(path));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return path;
        }
        Optional<Path> cached = file.sha256().flatMap(cache::wheel);
        if (cached.isPresent()) {
            verifyCached(file, cached.get(), required, masked);
            try {
                progress.accept(Files.size(cached.get()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return cached.get();
        }
        if (http.offline()) {
            throw new OfflineException("wheel `" + file.filename() + "`", masked);
        }
        return downloadOnce(file, needed, required, progress, masked);
    }

    /**
     * Downloads the wheel unless another thread already is (an early download the build started and the resolver
     * asking for the same wheel's METADATA, say): then waits for that one and checks this caller's hashes against
     * the file it committed. If that download fails, this caller downloads for itself.
     */
    private Path downloadOnce(DistributionFile file, Set<String> needed, Map<String, Set<String>> required,
                              LongConsumer progress, String masked) {
        CompletableFuture<Path> mine = new CompletableFuture<>();
        CompletableFuture<Path> running = downloading.putIfAbsent(file.url(), mine);
        if (running != null) {
            Path path;
            try {
                path = running.join();
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                return download(file, needed, required, progress, masked);
            }
            verifyCached(file, path, required, masked);
            try {
                progress.accept(Files.size(path));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return path;
        }
        try {
            Path path = download(file, needed, required, progress, masked);
            mine.complete(path);
            return path;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            downloading.remove(file.url(), mine);
        }
    }

    private void verifyCached(DistributionFile file, Path path, Map<String, Set<String>> required, String masked) {
        if (required.isEmpty()) {
            return;
        }
        Map<String, String> actual;
        if (required.containsKey("sha256")) {
            actual = Map.of("sha256", file.sha256().orElseThrow());
        } else {
            try {
                actual = Digests.ofFile(path, required.keySet());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Digests.verify(actual, Map.of(), required, file.filename(), masked);
    }

    private Path download(DistributionFile file, Set<String> needed, Map<String, Set<String>> required,
                          LongConsumer progress, String masked) {
        Request request = new Request.Builder().url(file.url()).build();
        return http.execute(request, "wheel `" + file.filename() + "`", response -> {
            if (response.code() != 200) {
                throw IndexResponseException.status(masked, response.code(), 1, false);
            }
            try (PendingWheel pending = cache.newWheel(file.filename())) {
                Digests others = new Digests(needed, false);
                long written = 0;
                try (InputStream in = response.body().byteStream(); OutputStream out = pending.output()) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        out.write(buffer, 0, n);
                        others.update(buffer, 0, n);
                        written += n;
                        progress.accept(n);
                    }
                } catch (IOException e) {
                    progress.accept(-written);
                    throw e;
                }
                long declared = response.body().contentLength();
                if (declared >= 0 && written != declared) {
                    progress.accept(-written);
                    throw new ProtocolException("truncated body: " + written + " of " + declared + " bytes");
                }
                Map<String, String> actual = new TreeMap<>(others.finish());
                actual.put("sha256", pending.sha256());
                Digests.verify(actual, file.hashes(), required, file.filename(), masked);
                return pending.commit();
            }
        });
    }

    /** {@code sha256:<hex>} strings (a requirements file's {@code --hash} values) by algorithm. */
    static Map<String, Set<String>> parseRequired(Collection<String> hashes) {
        Map<String, Set<String>> required = new TreeMap<>();
        for (String hash : hashes) {
            int colon = hash.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("expected `algorithm:hexdigest`, got `" + hash + "`");
            }
            required.computeIfAbsent(hash.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT), key -> new TreeSet<>())
                    .add(hash.substring(colon + 1).strip().toLowerCase(java.util.Locale.ROOT));
        }
        return required;
    }
}
