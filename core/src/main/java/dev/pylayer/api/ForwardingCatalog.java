package dev.pylayer.api;

import dev.pylayer.index.DistributionFile;
import dev.pylayer.index.ProjectListing;
import dev.pylayer.name.PackageName;
import dev.pylayer.resolve.DistributionCatalog;
import dev.pylayer.wheel.CoreMetadata;

/** A catalog that passes every call to another; a decorator overrides what it adds to (Guava's Forwarding*). */
abstract class ForwardingCatalog implements DistributionCatalog {
    private final DistributionCatalog catalog;

    ForwardingCatalog(DistributionCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public ProjectListing listing(PackageName name) {
        return catalog.listing(name);
    }

    @Override
    public CoreMetadata metadata(DistributionFile file) {
        return catalog.metadata(file);
    }

    @Override
    public void prefetchListing(PackageName name) {
        catalog.prefetchListing(name);
    }

    @Override
    public void prefetchMetadata(DistributionFile file) {
        catalog.prefetchMetadata(file);
    }
}
