package dev.pylayer.index;

import dev.pylayer.Futures;
import dev.pylayer.name.PackageName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * Several sources as one, as pip treats {@code --index-url}, {@code --extra-index-url} and
 * {@code --find-links}: every source's files in one listing, asked in parallel, the first source listing a
 * file name winning over later ones.
 */
final class MergedIndex implements PackageIndex {
    private final List<PackageIndex> sources;
    private final Executor executor;

    MergedIndex(List<PackageIndex> sources, Executor executor) {
        this.sources = List.copyOf(sources);
        this.executor = executor;
    }

    @Override
    public ProjectListing listProject(PackageName project) {
        List<CompletableFuture<ProjectListing>> pending = new ArrayList<>();
        for (int i = 1; i < sources.size(); i++) {
            PackageIndex source = sources.get(i);
            pending.add(CompletableFuture.supplyAsync(() -> source.listProject(project), executor));
        }
        List<ProjectListing> listings = new ArrayList<>();
        listings.add(sources.get(0).listProject(project));
        for (CompletableFuture<ProjectListing> future : pending) {
            listings.add(Futures.join(future));
        }
        Set<String> seen = new HashSet<>();
        List<DistributionFile> merged = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        for (ProjectListing listing : listings) {
            hints.addAll(listing.likelyRequirements());
            for (DistributionFile file : listing.files()) {
                if (seen.add(file.filename())) {
                    merged.add(file);
                }
            }
        }
        return new ProjectListing(project, merged, hints);
    }

    @Override
    public String displayUrl() {
        return sources.stream().map(PackageIndex::displayUrl).collect(Collectors.joining(", "));
    }

    List<PackageIndex> sources() {
        return sources;
    }

    @Override
    public String toString() {
        return sources.toString();
    }
}
