package dev.pylayer.resolve;

import dev.pylayer.index.DistributionFile;
import dev.pylayer.index.IndexClient;
import dev.pylayer.index.PackageIndex;
import dev.pylayer.index.ProjectListing;
import dev.pylayer.name.PackageName;
import dev.pylayer.requirement.MarkerEnvironment;
import dev.pylayer.requirement.Requirement;
import dev.pylayer.wheel.CoreMetadata;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
        this(index, client, executor, Optional.empty());
    }

    /**
     * A catalog that, as each listing arrives, starts fetching the listings of what the index says the project's
     * newest release requires on {@code environment} ({@link ProjectListing#likelyRequirements}, extras aside): the
     * resolver would ask for them only once that release's METADATA arrived, a round trip later per level of the
     * dependency tree. A wrong hint costs a needless request; the resolver reads each wheel's own METADATA.
     */
    public IndexCatalog(PackageIndex index, IndexClient client, Executor executor, MarkerEnvironment environment) {
        this(index, client, executor, Optional.of(environment));
    }

    private IndexCatalog(PackageIndex index, IndexClient client, Executor executor,
            Optional<MarkerEnvironment> environment) {
        this.index = Objects.requireNonNull(index, "index");
        this.client = Objects.requireNonNull(client, "client");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.listings = new Memo<>(name -> {
            ProjectListing listing = index.listProject(name);
            environment.ifPresent(env -> prefetchLikelyRequirements(listing, env));
            return listing;
        });
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

    private void prefetchLikelyRequirements(ProjectListing listing, MarkerEnvironment environment) {
        for (String text : listing.likelyRequirements()) {
            int marker = text.indexOf(';');
            if (marker >= 0 && text.indexOf("extra", marker) >= 0) {
                // Most of a big project's list (pandas: 85 of 90) is optional extras: skipped unparsed, since this
                // runs before the listing reaches the resolver. A marker that only mentions an extra is no loss.
                continue;
            }
            try {
                Requirement requirement = Requirement.parse(text);
                if (requirement.appliesTo(environment, Set.of())) {
                    prefetchListing(requirement.name());
                }
            } catch (RuntimeException e) {
                // not PEP 508: a hint from a careless or hostile index, of no use
            }
        }
    }

    /** Where listings come from, for messages. */
    public String describeIndexes() {
        return index.displayUrl();
    }
}
