package dev.pylayer.index;

import dev.pylayer.name.PackageName;
import java.util.List;
import java.util.Objects;

/**
 * Every file the index(es) list for a project, wheels and sdists alike, in the order served: choosing among
 * them is the resolver's work. A project the index does not know has an empty listing.
 *
 * @param likelyRequirements what the index says the project's newest release requires (the PyPI JSON API's
 *                           {@code info.requires_dist}), unchecked PEP 508 text: a hint for fetching the next
 *                           listings early, never what the resolver reads (that is each wheel's own METADATA)
 */
public record ProjectListing(PackageName project, List<DistributionFile> files, List<String> likelyRequirements) {
    public ProjectListing {
        Objects.requireNonNull(project, "project");
        files = List.copyOf(files);
        likelyRequirements = List.copyOf(likelyRequirements);
    }

    /** A listing without hints. */
    public ProjectListing(PackageName project, List<DistributionFile> files) {
        this(project, files, List.of());
    }

    public static ProjectListing empty(PackageName project) {
        return new ProjectListing(project, List.of());
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }
}
