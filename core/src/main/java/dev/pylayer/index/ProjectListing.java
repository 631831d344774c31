package dev.pylayer.index;

import dev.pylayer.name.PackageName;
import java.util.List;
import java.util.Objects;

/**
 * Every file the index(es) list for a project, wheels and sdists alike, in the order served: choosing among
 * them is the resolver's work. A project the index does not know has an empty listing.
 */
public record ProjectListing(PackageName project, List<DistributionFile> files) {
    public ProjectListing {
        Objects.requireNonNull(project, "project");
        files = List.copyOf(files);
    }

    public static ProjectListing empty(PackageName project) {
        return new ProjectListing(project, List.of());
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }
}
