package dev.pylayer.resolve;

import dev.pylayer.index.DistributionFile;
import dev.pylayer.index.IndexClient;
import dev.pylayer.index.PackageIndex;
import dev.pylayer.index.ProjectListing;
import dev.pylayer.name.PackageName;
import dev.pylayer.wheel.CoreMetadata;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The catalog the resolver reads in a real build: listings from the configured indexes and wheel METADATA
 * through the index client (cache, PEP 658, range reads), each fetched once and shared between the resolving
 * thread and background prefetches.
 */
public final class IndexCatalog implements DistributionCatalog {
    private final PackageIndex index;
    private final IndexClient client;
    private final Executor executor;
    private final Memo<PackageName, ProjectListing> listings;
    private final Memo<String, CoreMetadata> metadata;
    private final java.util.Map<String, DistributionFile> filesByUrl = new java.util.concurrent.ConcurrentHashMap<>();

    public IndexCatalog(PackageIndex index, IndexClient client, Executor executor) {
        this.index = Objects.requireNonNull(index, "index");
        this.client = Objects.requireNonNull(client, "client");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.listings = new Memo<>(index::listProject);
        this.metadata = new Memo<>(url -> CoreMetadata.parse(client.coreMetadata(filesByUrl.get(url))));
    }

    @Override
    public ProjectListing listing(PackageName name) {
        return listings.get(name);
    }

    @Override
    public CoreMetadata metadata(DistributionFile file) {
        filesByUrl.putIfAbsent(file.url(), file);
        return metadata.get(file.url());
    }

    @Override
    public void prefetchListing(PackageName name) {
        listings.prefetch(name, executor);
    }

    @Override
    public void prefetchMetadata(DistributionFile file) {
        filesByUrl.putIfAbsent(file.url(), file);
        metadata.prefetch(file.url(), executor);
    }

    /** Where listings come from, for messages. */
    public String describeIndexes() {
        return index.displayUrl();
    }
}
