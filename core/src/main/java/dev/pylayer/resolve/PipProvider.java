package dev.pylayer.resolve;

import dev.pylayer.PylayerException;
import dev.pylayer.index.DistributionException;
import dev.pylayer.index.DistributionFile;
import dev.pylayer.name.PackageName;
import dev.pylayer.requirement.MarkerEnvironment;
import dev.pylayer.requirement.Requirement;
import dev.pylayer.resolve.engine.CandidateUnusableException;
import dev.pylayer.resolve.engine.ResolutionProvider;
import dev.pylayer.resolve.engine.ResolutionView;
import dev.pylayer.version.InvalidSpecifierException;
import dev.pylayer.version.SpecifierSet;
import dev.pylayer.wheel.CoreMetadata;
import dev.pylayer.wheel.WheelException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * pip's resolvelib provider and factory ({@code provider.py}, {@code factory.py}, {@code candidates.py}) over
 * pylayer's models, so that the engine makes the choices pip makes: the same narrowing and preference order for
 * what to pin next, the same candidate order, extras as separate nodes tied to their base, and
 * {@code Requires-Python} as a requirement on the target's interpreter.
 */
final class PipProvider implements ResolutionProvider<PythonRequirement, Candidate, String> {
    private final DistributionCatalog catalog;
    private final CandidateFinder finder;
    private final MarkerEnvironment environment;
    private final PythonCandidate python;
    private final Map<PackageName, Constraint> constraints;
    private final PipPreference preference;
    private final boolean allowPrereleases;
    private final Executor prefetchExecutor;
    private final Consumer<String> warnings;

    private final Memo<PackageName, List<FileVerdict>> verdicts;
    private final Map<Candidate, List<PythonRequirement>> dependencies = new ConcurrentHashMap<>();
    private final Map<String, String> unusable = new ConcurrentHashMap<>();
    private final Set<Candidate> prefetched = ConcurrentHashMap.newKeySet();

    PipProvider(DistributionCatalog catalog, CandidateFinder finder, MarkerEnvironment environment,
            Map<PackageName, Constraint> constraints, Map<String, Integer> userRequested, boolean allowPrereleases,
            Executor prefetchExecutor, Consumer<String> warnings) {
        this.catalog = catalog;
        this.finder = finder;
        this.environment = environment;
        this.python = new PythonCandidate(finder.pythonVersion());
        this.constraints = Map.copyOf(constraints);
        this.preference = new PipPreference(userRequested);
        this.allowPrereleases = allowPrereleases;
        this.prefetchExecutor = prefetchExecutor;
        this.warnings = warnings;
        this.verdicts = new Memo<>(name -> finder.evaluate(catalog.listing(name)));
    }

    /** The judged files of a project (fetched once). */
    List<FileVerdict> verdicts(PackageName name) {
        return verdicts.get(name);
    }

    /** Why a release was found unusable (broken or inconsistent metadata), once the resolver has tried it. */
    Optional<String> unusableReason(DistributionFile file) {
        return Optional.ofNullable(unusable.get(file.url()));
    }

    Optional<String> unusableReason(Candidate candidate) {
        DistributionFile file = fileOf(candidate);
        return file == null ? Optional.empty() : unusableReason(file);
    }

    Constraint constraint(PackageName name) {
        return constraints.getOrDefault(name, Constraint.NONE);
    }

    @Override
    public String identifyRequirement(PythonRequirement requirement) {
        return requirement.identifier();
    }

    @Override
    public String identifyCandidate(Candidate candidate) {
        return candidate.identifier();
    }

    // ---- what to work on next: pip's narrow_requirement_selection, then min(get_preference) ----

    @Override
    public String select(List<String> unsatisfied, ResolutionView<PythonRequirement, Candidate, String> view) {
        return preference.select(unsatisfied, view);
    }

    // ---- candidates: pip's Factory.find_candidates ----

    @Override
    public List<Candidate> findMatches(String identifier, Function<String, List<PythonRequirement>> requirements,
            Function<String, Collection<Candidate>> incompatibilities) {
        Collection<Candidate> incompatible = incompatibilities.apply(identifier);
        List<PythonRequirement> own = requirements.apply(identifier);
        if (identifier.equals(PythonCandidate.IDENTIFIER)) {
            boolean fits = own.stream().allMatch(r -> r.isSatisfiedBy(python)) && !incompatible.contains(python);
            return fits ? List.of(python) : List.of();
        }
        ParsedIdentifier parsed = ParsedIdentifier.of(identifier);
        Set<Candidate> explicit = new LinkedHashSet<>();
        List<PythonRequirement.Specified> specified = new ArrayList<>();
        for (PythonRequirement requirement : own) {
            if (requirement instanceof PythonRequirement.Explicit e) {
                explicit.add(e.candidate());
            } else if (requirement instanceof PythonRequirement.Specified s) {
                specified.add(s);
            }
        }
        if (!parsed.extras().isEmpty()) {
            // The extras node also honours what is asked of its base project.
            for (PythonRequirement requirement : requirements.apply(parsed.base())) {
                if (requirement instanceof PythonRequirement.Explicit e && e.candidate() instanceof WheelCandidate base) {
                    explicit.add(new ExtrasCandidate(base, parsed.extras()));
                } else if (requirement instanceof PythonRequirement.Specified s) {
                    specified.add(s);
                }
            }
        }
        Constraint constraint = constraintFor(identifier, parsed);
        if (explicit.isEmpty()) {
            if (specified.isEmpty()) {
                return List.of();
            }
            PackageName name = specified.get(0).name();
            SpecifierSet specifier = constraint.specifier();
            for (PythonRequirement.Specified s : specified) {
                specifier = specifier.and(s.specifier());
            }
            List<WheelCandidate> wheels = finder.candidates(name, verdicts(name), specifier,
                    constraint.sha256(), allowPrereleases);
            List<Candidate> matches = new ArrayList<>(wheels.size());
            for (WheelCandidate wheel : wheels) {
                Candidate candidate = parsed.extras().isEmpty() ? wheel : new ExtrasCandidate(wheel, parsed.extras());
                if (!incompatible.contains(candidate)) {
                    matches.add(candidate);
                }
            }
            return matches;
        }
        List<Candidate> matches = new ArrayList<>();
        for (Candidate candidate : explicit) {
            if (incompatible.contains(candidate)
                    || !constraint.specifier().contains(candidate.version(), true)
                    || !own.stream().allMatch(r -> r.isSatisfiedBy(candidate))) {
                continue;
            }
            matches.add(candidate);
        }
        return matches;
    }

    private Constraint constraintFor(String identifier, ParsedIdentifier parsed) {
        return constraints.getOrDefault(PackageName.of(parsed.base()), Constraint.NONE);
    }

    @Override
    public boolean isSatisfiedBy(PythonRequirement requirement, Candidate candidate) {
        return requirement.isSatisfiedBy(candidate);
    }

    // ---- dependencies: pip's LinkCandidate / ExtrasCandidate.iter_dependencies ----

    @Override
    public List<PythonRequirement> dependencies(Candidate candidate) {
        List<PythonRequirement> cached = dependencies.get(candidate);
        if (cached != null) {
            return cached;
        }
        List<PythonRequirement> computed = computeDependencies(candidate);
        dependencies.put(candidate, computed);
        prefetch(computed);
        return computed;
    }

    private List<PythonRequirement> computeDependencies(Candidate candidate) {
        try {
            return readDependencies(candidate);
        } catch (CandidateUnusableException e) {
            DistributionFile file = fileOf(candidate);
            if (file != null) {
                unusable.putIfAbsent(file.url(), e.getMessage());
            }
            throw e;
        }
    }

    private List<PythonRequirement> readDependencies(Candidate candidate) {
        if (candidate instanceof PythonCandidate) {
            return List.of();
        }
        if (candidate instanceof WheelCandidate wheel) {
            CoreMetadata metadata = metadataOf(wheel);
            List<PythonRequirement> result = new ArrayList<>();
            metadata.requiresPython().filter(text -> !text.isBlank()).ifPresent(text -> {
                try {
                    result.add(new PythonRequirement.RequiresPython(SpecifierSet.parse(text)));
                } catch (InvalidSpecifierException e) {
                    // pip: "Package has an invalid Requires-Python" is a warning and the constraint is dropped.
                    warnings.accept(wheel.describe() + " has an invalid Requires-Python `" + text + "`; ignoring it");
                }
            });
            for (Requirement requirement : requiresDist(wheel, metadata)) {
                if (requirement.appliesTo(environment, Set.of())) {
                    result.addAll(split(requirement));
                }
            }
            return List.copyOf(result);
        }
        ExtrasCandidate extras = (ExtrasCandidate) candidate;
        CoreMetadata metadata = metadataOf(extras.base());
        List<PythonRequirement> result = new ArrayList<>();
        result.add(new PythonRequirement.Explicit(extras.base()));
        Set<String> provided = new TreeSet<>();
        for (String extra : metadata.providesExtra()) {
            provided.add(PackageName.normalize(extra));
        }
        Set<String> valid = new TreeSet<>(extras.extras());
        valid.retainAll(provided);
        for (String extra : extras.extras()) {
            if (!provided.contains(extra)) {
                warnings.accept(extras.base().describe() + " does not provide the extra '" + extra + "'");
            }
        }
        for (Requirement requirement : requiresDist(extras.base(), metadata)) {
            if (requirement.appliesTo(environment, valid)) {
                result.addAll(split(requirement));
            }
        }
        return List.copyOf(result);
    }

    /** pip splits {@code foo[x]>=1} into {@code foo>=1} (base) and {@code foo[x]>=1}. */
    static List<PythonRequirement> split(Requirement requirement) {
        if (!requirement.extras().isEmpty() && !requirement.specifier().isEmpty()) {
            return List.of(new PythonRequirement.Specified(requirement, true),
                    new PythonRequirement.Specified(requirement, false));
        }
        return List.of(new PythonRequirement.Specified(requirement, false));
    }

    private CoreMetadata metadataOf(WheelCandidate wheel) {
        CoreMetadata metadata;
        try {
            metadata = catalog.metadata(wheel.file());
        } catch (WheelException | DistributionException e) {
            // A broken file makes this release unusable (pip skips it). Bytes that do not match their digest stop the
            // build, as they stop pip's: the index or the network is tampering, and an older release is no way out.
            throw new CandidateUnusableException(e.getMessage(), e);
        }
        if (!metadata.name().equals(wheel.name()) || !metadata.version().equals(wheel.version())) {
            // pip's MetadataInconsistent: the file name and its METADATA disagree.
            throw new CandidateUnusableException(wheel.file().filename() + " says it is " + metadata.name() + " "
                    + metadata.version() + " in its METADATA", null);
        }
        return metadata;
    }

    private List<Requirement> requiresDist(WheelCandidate wheel, CoreMetadata metadata) {
        List<Requirement> requirements = new ArrayList<>();
        for (String text : metadata.requiresDist()) {
            try {
                Requirement requirement = Requirement.parse(text.strip());
                if (requirement.url().isPresent()) {
                    throw new CandidateUnusableException("it depends on a direct URL (`" + text
                            + "`), which an index release may not do", null);
                }
                requirements.add(requirement);
            } catch (PylayerException e) {
                // pip 24.1+: "Ignoring version X of Y since it has invalid metadata".
                throw new CandidateUnusableException("its metadata is invalid: " + e.getMessage(), e);
            }
        }
        return requirements;
    }

    // ---- prefetching: overlap the network round trips the engine will need next ----

    /**
     * Fetches listings and the likely winner's metadata for these requirements in the background, and then, from
     * that metadata, the winner's own dependencies, and so on down: the whole tree of likely winners is fetched as
     * fast as the index answers, instead of one level each time the engine gets to it.
     */
    void prefetch(List<PythonRequirement> requirements) {
        if (prefetchExecutor == null) {
            return;
        }
        for (PythonRequirement requirement : requirements) {
            if (requirement instanceof PythonRequirement.Specified specified) {
                PackageName name = specified.name();
                SpecifierSet specifier = constraint(name).specifier().and(specified.specifier());
                prefetchExecutor.execute(() -> {
                    try {
                        List<WheelCandidate> wheels = finder.candidates(name, verdicts(name), specifier,
                                constraint(name).sha256(), allowPrereleases);
                        if (!wheels.isEmpty()) {
                            WheelCandidate likely = wheels.get(0);
                            catalog.prefetchMetadata(likely.file());
                            if (prefetched.add(likely)) {
                                prefetchDependenciesOf(likely);
                            }
                        }
                    } catch (RuntimeException e) {
                        // The resolver meets the same failure when it gets there, and reports it then.
                    }
                });
            }
        }
    }

    /**
     * Prefetches what the likely winner requires. Nothing is recorded (no warning, no unusable release, no
     * dependencies): the engine may never try this candidate, and computes its dependencies when it does.
     */
    private void prefetchDependenciesOf(WheelCandidate likely) {
        CoreMetadata metadata = catalog.metadata(likely.file());
        List<PythonRequirement> next = new ArrayList<>();
        for (String text : metadata.requiresDist()) {
            Requirement requirement = Requirement.parse(text.strip());
            if (requirement.url().isEmpty() && requirement.appliesTo(environment, Set.of())) {
                next.addAll(split(requirement));
            }
        }
        prefetch(next);
    }

    /** An identifier split into its project and extras: {@code foo[a,b]} → {@code foo}, {a, b}. */
    record ParsedIdentifier(String base, java.util.SortedSet<String> extras) {
        static ParsedIdentifier of(String identifier) {
            int bracket = identifier.indexOf('[');
            if (bracket < 0) {
                return new ParsedIdentifier(identifier, new TreeSet<>());
            }
            String inner = identifier.substring(bracket + 1, identifier.length() - 1);
            return new ParsedIdentifier(identifier.substring(0, bracket), new TreeSet<>(List.of(inner.split(","))));
        }
    }

    DistributionFile fileOf(Candidate candidate) {
        if (candidate instanceof WheelCandidate wheel) {
            return wheel.file();
        }
        if (candidate instanceof ExtrasCandidate extras) {
            return extras.base().file();
        }
        return null;
    }
}
