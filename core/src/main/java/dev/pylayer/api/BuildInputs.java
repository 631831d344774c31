package dev.pylayer.api;

import dev.pylayer.index.IndexOptions;
import dev.pylayer.name.PackageName;
import dev.pylayer.requirement.Requirement;
import dev.pylayer.requirements.Hash;
import dev.pylayer.requirements.RequirementLine;
import dev.pylayer.requirements.RequirementsFile;
import dev.pylayer.resolve.ResolveRequest;
import dev.pylayer.resolve.RootRequirement;
import dev.pylayer.runtime.LambdaTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the builder and its requirements files say about one build, before any resource is opened: the resolve
 * request (roots, constraints, hashes, pre-releases, hash-checking mode), the hashes a wheel must match, the
 * indexes to ask, and the files' warnings.
 *
 * @param hashes   the {@code --hash} values of each project, as {@code sha256:…} texts
 * @param warnings what the requirements files warned about, in order
 */
record BuildInputs(LambdaTarget target, ResolveRequest request, Map<PackageName, Set<String>> hashes,
        IndexOptions indexOptions, List<String> warnings) {
    BuildInputs {
        hashes = Map.copyOf(hashes);
        warnings = List.copyOf(warnings);
    }

    /**
     * Reads the requirements and constraints files and merges them with the builder's values: the builder's
     * requirements come first, a {@code -c} file holds constraints only, a builder's index URL wins over a file's,
     * and {@code --no-index} from either side drops every index.
     *
     * @throws NothingToBuildException when neither the builder nor a file names a requirement
     */
    static BuildInputs gather(LambdaTarget target, List<RootRequirement> requirements, List<Path> requirementsFiles,
            List<Path> constraintsFiles, boolean allowPrereleases, String indexUrl, List<String> extraIndexUrls,
            List<String> findLinks, boolean noIndex) {
        List<RootRequirement> roots = new ArrayList<>(requirements);
        List<Requirement> constraints = new ArrayList<>();
        Map<PackageName, Set<String>> hashesByName = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        boolean pre = allowPrereleases;
        boolean hashChecking = false;
        Optional<String> fileIndexUrl = Optional.empty();
        List<String> extras = new ArrayList<>(extraIndexUrls);
        List<String> links = new ArrayList<>(findLinks);
        boolean fileNoIndex = false;
        if (!requirementsFiles.isEmpty() || !constraintsFiles.isEmpty()) {
            RequirementsFile parsed = RequirementsFile.parse(new ArrayList<>(requirementsFiles), System::getenv);
            RequirementsFile constraintsOnly = constraintsFiles.isEmpty() ? null
                    : RequirementsFile.parse(constraintsFiles, System::getenv);
            for (RequirementLine line : parsed.requirements()) {
                roots.add(new RootRequirement(line.requirement(), line.source()));
            }
            parsed.constraints().forEach(line -> constraints.add(line.requirement()));
            if (constraintsOnly != null) {
                // A file given as -c holds constraints only, whatever its lines look like (pip's rule).
                constraintsOnly.requirements().forEach(line -> constraints.add(line.requirement()));
                constraintsOnly.constraints().forEach(line -> constraints.add(line.requirement()));
            }
            parsed.validateHashCheckingMode(target.markerEnvironment());
            hashChecking = parsed.hashCheckingMode();
            for (RequirementLine line : concat(parsed.requirements(), parsed.constraints())) {
                Set<Hash> given = parsed.hashesFor(line.requirement().name());
                if (!given.isEmpty()) {
                    Set<String> texts = new LinkedHashSet<>();
                    given.forEach(h -> texts.add(h.toString()));
                    hashesByName.put(line.requirement().name(), texts);
                }
            }
            pre = pre || parsed.pre();
            fileIndexUrl = parsed.indexUrl();
            extras.addAll(parsed.extraIndexUrls());
            parsed.findLinks().forEach(links::add);
            fileNoIndex = parsed.noIndex();
            warnings.addAll(parsed.warnings());
        }
        if (roots.isEmpty()) {
            throw new NothingToBuildException();
        }
        Map<PackageName, Set<String>> hashes = Map.copyOf(hashesByName);
        ResolveRequest request = new ResolveRequest(roots, constraints, hashes, pre, hashChecking);

        String mainIndex = indexUrl != null ? indexUrl : fileIndexUrl.orElse(IndexOptions.DEFAULT_INDEX_URL);
        IndexOptions options = new IndexOptions(Optional.of(mainIndex), extras, links);
        if (noIndex || fileNoIndex) {
            options = options.withoutIndex();
        }
        return new BuildInputs(target, request, hashes, options, warnings);
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
