package dev.pylayer.resolve;

import dev.pylayer.index.DistributionFile;
import dev.pylayer.index.ProjectListing;
import dev.pylayer.name.PackageName;
import dev.pylayer.wheel.CoreMetadata;

/**
 * Where the resolver learns what exists: project listings and wheel metadata. Implementations must be
 * thread-safe and should cache; the resolver calls {@link #prefetchListing} and {@link #prefetchMetadata} as soon
 * as it can guess what it will need, so that network round trips overlap while it works.
 */
public interface DistributionCatalog {

    /** Every file the indexes list for the project; empty when no index knows it. Blocks until known. */
    ProjectListing listing(PackageName name);

    /** The METADATA of a wheel. Blocks until known. */
    CoreMetadata metadata(DistributionFile file);

    /** Starts fetching a listing in the background (no-op by default). */
    default void prefetchListing(PackageName name) {
    }

    /** Starts fetching a wheel's metadata in the background (no-op by default). */
    default void prefetchMetadata(DistributionFile file) {
    }
}
