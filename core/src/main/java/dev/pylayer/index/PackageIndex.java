package dev.pylayer.index;

import dev.pylayer.name.PackageName;

/** A source of distribution files: one index, a find-links location, or several merged. Thread-safe. */
public interface PackageIndex {
    /** Every file listed for {@code project}; an empty listing when the index does not have it (404). */
    ProjectListing listProject(PackageName project);

    /** The location for messages, password masked. */
    String displayUrl();
}
