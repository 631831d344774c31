package dev.pylayer.api;

import dev.pylayer.cache.ContentCache;
import dev.pylayer.index.IndexOptions;
import dev.pylayer.name.PackageName;
import dev.pylayer.resolve.Resolution;
import dev.pylayer.resolve.ResolveRequest;
import dev.pylayer.resolve.ResolvedPackage;
import dev.pylayer.resolve.RootRequirement;
import dev.pylayer.runtime.LambdaTarget;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The projects the last build with the same inputs installed, remembered in the cache so that a warm build asks
 * the indexes for all their documents at once, as it starts, instead of one level of the dependency tree after
 * another (each level waits for the documents and metadata of the one above). Only the order of requests
 * changes: the resolver reads every document it uses as it always does, and a stale hint costs a few needless
 * requests.
 */
final class ListingHints {
    private static final String VERSION = "listing-hints 1";

    private ListingHints() {
    }

    /** What decides which projects a resolution lists: target, indexes and the request. */
    static String key(LambdaTarget target, IndexOptions options, ResolveRequest request) {
        // IndexOptions spelled out: a record's generated toString costs a method-handle bootstrap on first use.
        StringBuilder key = new StringBuilder(VERSION).append('\n').append(target).append('\n')
                .append("IndexOptions[indexUrl=").append(options.indexUrl()).append(", extraIndexUrls=")
                .append(options.extraIndexUrls()).append(", findLinks=").append(options.findLinks()).append(']');
        for (RootRequirement root : request.requirements()) {
            key.append('\n').append(root.requirement());
        }
        request.constraints().forEach(constraint -> key.append("\n-c ").append(constraint));
        return key.append("\npre ").append(request.allowPrereleases()).toString();
    }

    /** The projects to list early; none when there is no hint (or it does not read). */
    static List<PackageName> load(ContentCache cache, String key) {
        List<PackageName> names = new ArrayList<>();
        cache.hint(key).ifPresent(bytes -> {
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    try {
                        names.add(PackageName.of(line.strip()));
                    } catch (RuntimeException e) {
                        // not a project name: the hint is from elsewhere; the resolver lists what it needs anyway
                    }
                }
            }
        });
        return names;
    }

    /** Saves the resolution's projects, those the user asked for first: the resolver lists them first. */
    static void save(ContentCache cache, String key, Resolution resolution) {
        StringBuilder text = new StringBuilder();
        for (boolean requested : new boolean[] {true, false}) {
            for (ResolvedPackage resolved : resolution.packages()) {
                if (resolved.requested() == requested) {
                    text.append(resolved.name().normalized()).append('\n');
                }
            }
        }
        cache.putHint(key, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
