package dev.pylayer.index;

import dev.pylayer.cache.ContentDigest;
import dev.pylayer.name.PackageName;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

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

    /**
     * The sha256 (hex) of everything a resolver reads here: each file, in order, with all its fields (the hints
     * aside). Two listings with one digest offer the same choices: with each wheel's METADATA fixed by its sha256,
     * they resolve alike.
     */
    public String contentDigest() {
        StringBuilder text = new StringBuilder("listing ").append(files.size()).append('\n');
        for (DistributionFile file : files) {
            field(text, file.filename());
            field(text, file.url());
            field(text, new TreeMap<>(file.hashes()).toString());
            field(text, file.requiresPython().orElse(null));
            field(text, Boolean.toString(file.yanked()));
            field(text, file.yankedReason().orElse(null));
            field(text, file.size().isPresent() ? Long.toString(file.size().getAsLong()) : null);
            field(text, file.coreMetadata().map(m -> new TreeMap<>(m.hashes()).toString()).orElse(null));
            field(text, file.uploadTime().map(Object::toString).orElse(null));
            field(text, file.index());
            text.append('\n');
        }
        return ContentDigest.sha256Hex(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Length-prefixed, so that no two different field lists write the same text. */
    private static void field(StringBuilder text, String value) {
        if (value == null) {
            text.append("-;");
        } else {
            text.append(value.length()).append(':').append(value).append(';');
        }
    }
}
