package dev.pylayer.resolve;

import dev.pylayer.index.DistributionFile;
import dev.pylayer.index.ProjectListing;
import dev.pylayer.name.PackageName;
import dev.pylayer.runtime.LambdaTarget;
import dev.pylayer.tags.CompatibleTags;
import dev.pylayer.tags.TagCompatibility;
import dev.pylayer.version.InvalidSpecifierException;
import dev.pylayer.version.Specifier;
import dev.pylayer.version.SpecifierSet;
import dev.pylayer.version.Version;
import dev.pylayer.wheel.BuildTag;
import dev.pylayer.wheel.SourceDistFilename;
import dev.pylayer.wheel.WheelFilename;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a project's files into the ordered candidates pip would offer its resolver: pip's {@code LinkEvaluator}
 * (wheels only, tags, Requires-Python from the index), {@code CandidateEvaluator} (specifier filter with PEP 440
 * pre-release rules, hash filter, sort by hash match, not-yanked, version, tag priority, build tag) and the
 * factory's yanked rule (PEP 592: yanked files only when every match is yanked and the specifier pins with
 * {@code ==}/{@code ===}), keeping the best file of each version.
 */
final class CandidateFinder {
    private final CompatibleTags tags;
    private final Version pythonVersion;

    CandidateFinder(LambdaTarget target) {
        this.tags = target.compatibleTags();
        this.pythonVersion = Version.parse(target.runtime().pythonVersion());
    }

    /** Judges every file of a listing once; the result is reused for every specifier asked later. */
    List<FileVerdict> evaluate(ProjectListing listing) {
        List<FileVerdict> verdicts = new ArrayList<>(listing.files().size());
        for (DistributionFile file : listing.files()) {
            verdicts.add(evaluate(listing.project(), file));
        }
        return List.copyOf(verdicts);
    }

    private FileVerdict evaluate(PackageName project, DistributionFile file) {
        String filename = file.filename();
        if (!filename.endsWith(".whl")) {
            Optional<SourceDistFilename> sdist = SourceDistFilename.tryParse(filename, project);
            return sdist.<FileVerdict>map(s -> new FileVerdict.SourceOnly(file, Optional.of(s.version())))
                    .orElseGet(() -> new FileVerdict.Ignored(file, "not a wheel or source distribution"));
        }
        Optional<WheelFilename> parsed = WheelFilename.tryParse(filename);
        if (parsed.isEmpty()) {
            return new FileVerdict.Ignored(file, "invalid wheel filename");
        }
        WheelFilename wheel = parsed.get();
        if (!wheel.name().equals(project)) {
            return new FileVerdict.Ignored(file, "wheel of another project");
        }
        TagCompatibility compatibility = tags.compatibility(wheel.tags());
        if (compatibility instanceof TagCompatibility.Incompatible miss) {
            return new FileVerdict.IncompatibleWheel(file, wheel, miss);
        }
        Optional<String> requiresPython = file.requiresPython();
        if (requiresPython.isPresent() && !admitsTargetPython(requiresPython.get())) {
            return new FileVerdict.PythonMismatch(file, wheel, requiresPython.get());
        }
        return new FileVerdict.Usable(file, wheel, ((TagCompatibility.Compatible) compatibility).priority());
    }

    /** pip's {@code _check_link_requires_python}: an unparsable Requires-Python is ignored, not fatal. */
    boolean admitsTargetPython(String requiresPython) {
        if (requiresPython.isBlank()) {
            return true;
        }
        try {
            return SpecifierSet.parse(requiresPython).contains(pythonVersion, true);
        } catch (InvalidSpecifierException e) {
            return true;
        }
    }

    Version pythonVersion() {
        return pythonVersion;
    }

    /**
     * The candidates for a specifier, best first, one per version.
     *
     * @param allowedSha256 hex digests a requirements file allows ({@code --hash}), or empty for no hash checking
     * @param allowPrereleases {@code true} to offer pre-releases (pip {@code --pre}); otherwise PEP 440's rule
     */
    List<WheelCandidate> candidates(PackageName name, List<FileVerdict> verdicts, SpecifierSet specifier,
            Set<String> allowedSha256, boolean allowPrereleases) {
        List<FileVerdict.Usable> usable = new ArrayList<>();
        for (FileVerdict verdict : verdicts) {
            if (verdict instanceof FileVerdict.Usable u) {
                usable.add(u);
            }
        }
        List<FileVerdict.Usable> applicable = specifier.filter(usable, u -> u.wheel().version(),
                allowPrereleases ? Boolean.TRUE : null);
        applicable = filterUnallowedHashes(applicable, allowedSha256);

        Comparator<FileVerdict.Usable> preference = Comparator
                .comparing((FileVerdict.Usable u) -> hashAllowed(u, allowedSha256))
                .thenComparing(u -> !u.file().yanked())
                .thenComparing(u -> u.wheel().version())
                .thenComparing(u -> -u.tagPriority())
                .thenComparing(CandidateFinder::buildTagKey, Comparator.nullsFirst(Comparator.naturalOrder()));
        List<FileVerdict.Usable> ordered = new ArrayList<>(applicable);
        ordered.sort(preference.reversed());

        boolean allYanked = !ordered.isEmpty() && ordered.stream().allMatch(u -> u.file().yanked());
        boolean pinned = isPinned(specifier);
        Set<Version> seen = new HashSet<>();
        List<WheelCandidate> candidates = new ArrayList<>();
        for (FileVerdict.Usable u : ordered) {
            if (u.file().yanked() && !(allYanked && pinned)) {
                continue;
            }
            if (seen.add(u.wheel().version())) {
                candidates.add(new WheelCandidate(name, u.wheel().version(), u.file(), u.wheel(), u.tagPriority()));
            }
        }
        return candidates;
    }

    private static BuildTag buildTagKey(FileVerdict.Usable usable) {
        return usable.wheel().buildTag().orElse(null);
    }

    private static boolean hashAllowed(FileVerdict.Usable usable, Set<String> allowedSha256) {
        return !allowedSha256.isEmpty() && usable.file().sha256().map(allowedSha256::contains).orElse(false);
    }

    /**
     * pip's {@code filter_unallowed_hashes}: when some file matches an allowed hash, drop the files whose known
     * digest does not match (files without a digest stay, to be checked after download).
     */
    private static List<FileVerdict.Usable> filterUnallowedHashes(List<FileVerdict.Usable> files, Set<String> allowed) {
        if (allowed.isEmpty()) {
            return files;
        }
        List<FileVerdict.Usable> kept = new ArrayList<>();
        int matches = 0;
        for (FileVerdict.Usable file : files) {
            Optional<String> sha256 = file.file().sha256();
            if (sha256.isPresent()) {
                if (!allowed.contains(sha256.get())) {
                    continue;
                }
                matches++;
            }
            kept.add(file);
        }
        return matches > 0 ? kept : files;
    }

    /** pip's {@code is_pinned}: {@code ===}, or {@code ==} without a wildcard. */
    static boolean isPinned(SpecifierSet specifier) {
        for (Specifier spec : specifier.specifiers()) {
            if (spec.operator() == Specifier.Operator.ARBITRARY_EQUAL) {
                return true;
            }
            if (spec.operator() == Specifier.Operator.EQUAL && !spec.isWildcard()) {
                return true;
            }
        }
        return false;
    }
}
