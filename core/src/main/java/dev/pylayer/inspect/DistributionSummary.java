package dev.pylayer.inspect;

import java.util.List;
import java.util.Objects;

/**
 * One installed distribution of the layer.
 *
 * @param name           the project name as its dist-info folder spells it
 * @param version        its version
 * @param distInfo       the dist-info folder in the zip
 * @param tags           the wheel tags from its WHEEL file
 * @param tagVerdict     whether the target accepts those tags
 * @param tagDetail      the best accepted tag, or what the closest tag misses, or why it is unknown
 * @param recordedFiles  files its RECORD lists inside the layer
 * @param hashMismatches files present whose sha256 differs from RECORD
 * @param missingFiles   files RECORD lists that are not in the layer (compiled {@code .pyc} aside)
 * @param unzippedBytes  the size of its files present in the layer
 */
public record DistributionSummary(String name, String version, String distInfo, List<String> tags,
        TagVerdict tagVerdict, String tagDetail, int recordedFiles, int hashMismatches, int missingFiles,
        long unzippedBytes) {

    /** The verdict on a distribution's wheel tags for the target. */
    public enum TagVerdict {
        COMPATIBLE, INCOMPATIBLE, UNKNOWN
    }

    public DistributionSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(distInfo, "distInfo");
        tags = List.copyOf(tags);
        Objects.requireNonNull(tagVerdict, "tagVerdict");
        Objects.requireNonNull(tagDetail, "tagDetail");
    }
}
