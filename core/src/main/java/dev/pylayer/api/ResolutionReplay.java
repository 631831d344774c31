package dev.pylayer.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pylayer.Pylayer;
import dev.pylayer.cache.ContentCache;
import dev.pylayer.cache.ContentDigest;
import dev.pylayer.index.DistributionFile;
import dev.pylayer.index.ProjectListing;
import dev.pylayer.name.PackageName;
import dev.pylayer.resolve.DistributionCatalog;
import dev.pylayer.resolve.Resolution;
import dev.pylayer.resolve.ResolveRequest;
import dev.pylayer.resolve.ResolvedPackage;
import dev.pylayer.runtime.LambdaTarget;
import dev.pylayer.version.Version;
import dev.pylayer.wheel.CoreMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A resolution remembered with the digest of every listing the resolver read, as Bazel's action cache keeps an
 * action's result by the digests of its inputs. The resolver's answer is a function of the request, the target,
 * this pylayer, the listings it reads and the METADATA of wheels in them; each wheel's METADATA is fixed by its
 * sha256, which the listing carries. So when the same request finds every listing it read last time unchanged
 * (fetched again, as always: a new release changes the digest), the last resolution is the answer, and the
 * METADATA reads and the search are skipped. A listing with a wheel whose sha256 the index does not give (a
 * find-links folder) makes the resolution not replayable.
 */
final class ResolutionReplay {
    /** Bump when the stored form or what the resolver reads changes. */
    static final int FORMAT = 1;
    private static final String HINT = "resolution of\n";

    private ResolutionReplay() {
    }

    /** A resolution as stored, with the listings it read, by project, and the resolver's warnings. */
    record Stored(Map<PackageName, String> listings, List<StoredPackage> packages, List<String> warnings) {
    }

    /** A resolved package by what names its file in a listing; {@code null} in requiredBy is the user. */
    record StoredPackage(String name, String version, String filename, String url, boolean requested,
            Set<String> allowedHashes, Set<String> requiredBy) {
    }

    /**
     * The key of a request's resolution: this pylayer, the target, the indexes and everything the request says;
     * empty when the code's origin is unknown.
     */
    static Optional<String> key(String listingHintKey, ResolveRequest request) {
        if (CodeIdentity.VALUE.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder("pylayer-resolution ").append(FORMAT).append('\n');
        text.append("pylayer ").append(Pylayer.version()).append(' ').append(CodeIdentity.VALUE.get()).append('\n');
        text.append(listingHintKey).append('\n');
        new TreeMap<>(request.hashes()).forEach((name, hashes) ->
                text.append("hashes ").append(name).append(' ').append(new TreeSet<>(hashes)).append('\n'));
        text.append("hash-checking ").append(request.hashCheckingMode()).append('\n');
        return Optional.of(ContentDigest.sha256Hex(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The catalog the resolver reads through, noting each listing it reads and whether all can be replayed. */
    static final class Recording extends ForwardingCatalog {
        private final Map<PackageName, ProjectListing> read = new ConcurrentHashMap<>();
        private final AtomicBoolean replayable = new AtomicBoolean(true);

        Recording(DistributionCatalog catalog) {
            super(catalog);
        }

        @Override
        public ProjectListing listing(PackageName name) {
            ProjectListing listing = super.listing(name);
            if (listing.files().stream().anyMatch(f -> f.filename().endsWith(".whl") && f.sha256().isEmpty())) {
                replayable.set(false);
            }
            read.put(name, listing);
            return listing;
        }

        @Override
        public CoreMetadata metadata(DistributionFile file) {
            if (file.sha256().isEmpty()) {
                replayable.set(false);
            }
            return super.metadata(file);
        }
    }

    /** The resolution stored under {@code key}; empty when there is none or it does not read. */
    static Optional<Stored> load(ContentCache cache, String key) {
        return cache.hint(HINT + key).flatMap(ResolutionReplay::decode);
    }

    /**
     * The stored resolution, when every listing it read is, fetched again through {@code catalog}, what it was:
     * the packages' files are taken from those listings. Empty otherwise, or when anything fails on the way (the
     * resolver then runs, and meets and reports the same failure).
     */
    static Optional<Resolution> replay(Stored stored, DistributionCatalog catalog, LambdaTarget target) {
        try {
            stored.listings().keySet().forEach(catalog::prefetchListing);
            Map<PackageName, ProjectListing> listings = new LinkedHashMap<>();
            for (Map.Entry<PackageName, String> read : stored.listings().entrySet()) {
                ProjectListing listing = catalog.listing(read.getKey());
                if (!listing.contentDigest().equals(read.getValue())) {
                    return Optional.empty();
                }
                listings.put(read.getKey(), listing);
            }
            List<ResolvedPackage> packages = new ArrayList<>();
            for (StoredPackage p : stored.packages()) {
                PackageName name = PackageName.of(p.name());
                ProjectListing listing = listings.get(name);
                if (listing == null) {
                    return Optional.empty();
                }
                Optional<DistributionFile> file = listing.files().stream()
                        .filter(f -> f.filename().equals(p.filename()) && f.url().equals(p.url())).findFirst();
                if (file.isEmpty()) {
                    return Optional.empty();
                }
                packages.add(new ResolvedPackage(name, Version.parse(p.version()), file.get(), p.requested(),
                        p.allowedHashes(), p.requiredBy()));
            }
            return Optional.of(new Resolution(target, packages));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stores {@code resolution} under {@code key} when what the resolver read allows replaying it. */
    static void remember(ContentCache cache, String key, Recording recording, Resolution resolution,
            List<String> warnings) {
        if (!recording.replayable.get()) {
            return;
        }
        Map<PackageName, String> listings = new TreeMap<>();
        recording.read.forEach((name, listing) -> listings.put(name, listing.contentDigest()));
        List<StoredPackage> packages = new ArrayList<>();
        for (ResolvedPackage p : resolution.packages()) {
            packages.add(new StoredPackage(p.name().normalized(), p.version().toString(), p.file().filename(),
                    p.file().url(), p.requested(), p.allowedHashes(), p.requiredBy()));
        }
        cache.putHint(HINT + key, encode(new Stored(listings, packages, List.copyOf(warnings))));
    }

    static byte[] encode(Stored stored) {
        ObjectNode root = CacheJson.object();
        ObjectNode listings = root.putObject("listings");
        stored.listings().forEach((name, digest) -> listings.put(name.normalized(), digest));
        ArrayNode packages = root.putArray("packages");
        for (StoredPackage p : stored.packages()) {
            ObjectNode one = packages.addObject().put("name", p.name()).put("version", p.version())
                    .put("filename", p.filename()).put("url", p.url()).put("requested", p.requested());
            ArrayNode allowed = one.putArray("allowedHashes");
            new TreeSet<>(p.allowedHashes()).forEach(allowed::add);
            ArrayNode requiredBy = one.putArray("requiredBy");
            p.requiredBy().forEach(requiredBy::add);
        }
        ArrayNode warnings = root.putArray("warnings");
        stored.warnings().forEach(warnings::add);
        return CacheJson.bytes(root);
    }

    static Optional<Stored> decode(byte[] bytes) {
        try {
            JsonNode root = CacheJson.tree(bytes);
            Map<PackageName, String> listings = new LinkedHashMap<>();
            JsonNode read = root.get("listings");
            if (read == null || !read.isObject()) {
                return Optional.empty();
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = read.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> listing = it.next();
                if (!listing.getValue().isTextual() || !ContentDigest.isSha256(listing.getValue().textValue())) {
                    return Optional.empty();
                }
                listings.put(PackageName.of(listing.getKey()), listing.getValue().textValue());
            }
            List<StoredPackage> packages = new ArrayList<>();
            for (JsonNode p : CacheJson.array(root, "packages")) {
                JsonNode requested = p.get("requested");
                if (requested == null || !requested.isBoolean()) {
                    return Optional.empty();
                }
                Set<String> requiredBy = new LinkedHashSet<>();
                for (JsonNode by : CacheJson.array(p, "requiredBy")) {
                    requiredBy.add(by.isNull() ? null : CacheJson.text(by));
                }
                Set<String> allowed = new LinkedHashSet<>();
                for (JsonNode hash : CacheJson.array(p, "allowedHashes")) {
                    allowed.add(CacheJson.text(hash));
                }
                packages.add(new StoredPackage(CacheJson.text(p, "name"), CacheJson.text(p, "version"),
                        CacheJson.text(p, "filename"), CacheJson.text(p, "url"), requested.booleanValue(), allowed,
                        requiredBy));
            }
            return Optional.of(new Stored(listings, packages, CacheJson.strings(root, "warnings")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // another format, or not written by us: resolve as if never stored
        }
    }
}
