package dev.pylayer.resolve;

import dev.pylayer.name.PackageName;
import dev.pylayer.requirement.MarkerEnvironment;
import dev.pylayer.requirement.Requirement;
import dev.pylayer.resolve.engine.BacktrackingResolver;
import dev.pylayer.resolve.engine.CandidateUnusableException;
import dev.pylayer.resolve.engine.Criterion;
import dev.pylayer.resolve.engine.RequirementInformation;
import dev.pylayer.resolve.engine.ResolutionImpossibleException;
import dev.pylayer.resolve.engine.ResolutionReporter;
import dev.pylayer.resolve.engine.ResolutionResult;
import dev.pylayer.resolve.engine.ResolutionTooDeepException;
import dev.pylayer.runtime.LambdaTarget;
import dev.pylayer.version.SpecifierSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * Resolves requirements for a Lambda target the way pip does (resolvelib's backtracking over pip's provider),
 * reading the indexes through a {@link DistributionCatalog}. Thread-confined: one resolution per instance at a time.
 */
public final class Resolver {
    /** pip's round budget ({@code try_to_avoid_resolution_too_deep}). */
    static final int MAX_ROUNDS = 200_000;

    private final DistributionCatalog catalog;
    private final LambdaTarget target;
    private final Executor prefetchExecutor;
    private final ResolveListener listener;
    private final String indexDescription;

    /**
     * @param prefetchExecutor where listings and metadata the resolver will probably need are fetched ahead of time;
     *        {@code null} fetches only on demand
     * @param indexDescription how to name the indexes in messages, e.g. {@code https://pypi.org/pypi}
     */
    public Resolver(DistributionCatalog catalog, LambdaTarget target, Executor prefetchExecutor,
            ResolveListener listener, String indexDescription) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.target = Objects.requireNonNull(target, "target");
        this.prefetchExecutor = prefetchExecutor;
        this.listener = listener == null ? ResolveListener.NONE : listener;
        this.indexDescription = indexDescription;
    }

    public Resolution resolve(ResolveRequest request) {
        MarkerEnvironment environment = target.markerEnvironment();
        Map<PackageName, Constraint> constraints = new HashMap<>();
        for (Requirement constraint : request.constraints()) {
            if (constraint.url().isPresent()) {
                throw new ResolutionException.UnsupportedDirectUrl("the constraint `" + constraint.name().normalized()
                        + " @ " + dev.pylayer.index.IndexUrl.mask(constraint.url().get())
                        + "` names a URL; pylayer takes URLs only in requirements",
                        List.of("move `" + constraint.name().normalized() + " @ …` to the requirements, or constrain "
                                + "the version with `" + constraint.name().normalized() + "==VERSION`"));
            }
            if (constraint.appliesTo(environment, Set.of())) {
                constraints.merge(constraint.name(), new Constraint(constraint.specifier(), Set.of()), Constraint::and);
            }
        }
        List<PythonRequirement> roots = new ArrayList<>();
        Map<String, Integer> userRequested = new HashMap<>();
        Map<PackageName, WheelCandidate> directWheels = new HashMap<>();
        for (int i = 0; i < request.requirements().size(); i++) {
            RootRequirement root = request.requirements().get(i);
            Requirement requirement = root.requirement();
            if (!requirement.appliesTo(environment, Set.of())) {
                continue;
            }
            List<PythonRequirement> split = requirement.url().isPresent() ? direct(requirement, directWheels)
                    : PipProvider.split(requirement);
            userRequested.putIfAbsent(split.get(0).identifier(), i);
            roots.addAll(split);
        }
        request.hashes().forEach((name, hashes) -> constraints.merge(name, new Constraint(SpecifierSet.any(), hashes),
                Constraint::and));
        // pip puts requirements with extras last: the base's constraints then shape their candidate lists.
        roots.sort(Comparator.comparing(r -> r.identifier().contains("[")));

        CandidateFinder finder = new CandidateFinder(target);
        PipProvider provider = new PipProvider(catalog, finder, environment, constraints, userRequested,
                request.allowPrereleases(), prefetchExecutor, listener::warning);
        provider.prefetch(roots);
        BacktrackingResolver<PythonRequirement, Candidate, String> engine =
                new BacktrackingResolver<>(provider, new Reporter());
        ResolutionResult<PythonRequirement, Candidate, String> result;
        try {
            result = engine.resolve(roots, MAX_ROUNDS);
        } catch (ResolutionImpossibleException impossible) {
            List<RequirementInformation<PythonRequirement, Candidate>> causes = impossible.causes();
            throw new FailureExplainer(provider, finder, target, request.allowPrereleases(), indexDescription)
                    .explain(causes);
        } catch (ResolutionTooDeepException tooDeep) {
            throw new ResolutionException.TooComplex("gave up after " + MAX_ROUNDS
                    + " rounds of backtracking without finding versions that fit together",
                    List.of("pin the versions of the main packages (e.g. from a lock file or `pip freeze` of a "
                            + "working environment) so there is less to search"));
        }
        Resolution resolution = toResolution(result, userRequested, constraints, directWheels);
        for (ResolvedPackage p : resolution.packages()) {
            if (p.file().yanked()) {
                // pip: "The candidate selected for download or install is a yanked version".
                listener.warning(p.name().normalized() + " " + p.version() + " (" + p.file().filename()
                        + ") is yanked from the index" + p.file().yankedReason().map(r -> ": " + r).orElse("")
                        + "; it is installed because it is pinned with ==");
            }
        }
        if (request.hashCheckingMode()) {
            checkHashes(resolution);
        }
        return resolution;
    }

    /**
     * pip's root requirements for {@code name[extras] @ url}: exactly the URL's wheel, and its extras on top of it
     * ({@code _make_requirements_from_install_req}).
     */
    private List<PythonRequirement> direct(Requirement requirement, Map<PackageName, WheelCandidate> directWheels) {
        WheelCandidate wheel = DirectWheel.candidate(requirement, target);
        directWheels.putIfAbsent(wheel.name(), wheel);
        String url = dev.pylayer.index.IndexUrl.mask(requirement.url().orElseThrow());
        List<PythonRequirement> split = new ArrayList<>();
        split.add(new PythonRequirement.Explicit(wheel, url));
        if (!requirement.extras().isEmpty()) {
            split.add(new PythonRequirement.Explicit(new ExtrasCandidate(wheel, new java.util.TreeSet<>(requirement.extras())), url));
        }
        return split;
    }

    private Resolution toResolution(ResolutionResult<PythonRequirement, Candidate, String> result,
            Map<String, Integer> userRequested, Map<PackageName, Constraint> constraints,
            Map<PackageName, WheelCandidate> directWheels) {
        Set<PackageName> requested = userRequested.keySet().stream()
                .map(id -> PackageName.of(PipProvider.ParsedIdentifier.of(id).base())).collect(Collectors.toSet());
        Map<PackageName, Set<String>> requiredBy = new LinkedHashMap<>();
        result.parents().forEach((identifier, parents) -> {
            if (identifier.equals(PythonCandidate.IDENTIFIER)) {
                return;
            }
            PackageName name = PackageName.of(PipProvider.ParsedIdentifier.of(identifier).base());
            Set<String> names = requiredBy.computeIfAbsent(name, k -> new LinkedHashSet<>());
            for (String parent : parents) {
                if (parent == null) {
                    names.add(null);
                } else {
                    String base = PipProvider.ParsedIdentifier.of(parent).base();
                    if (!base.equals(name.normalized())) {
                        names.add(base);
                    }
                }
            }
        });
        List<ResolvedPackage> packages = new ArrayList<>();
        for (Candidate candidate : result.mapping().values()) {
            if (candidate instanceof WheelCandidate wheel) {
                Set<String> parents = requiredBy.getOrDefault(wheel.name(), Set.of());
                Set<String> allowed = new LinkedHashSet<>(constraints.getOrDefault(wheel.name(), Constraint.NONE).hashes());
                if (wheel.equals(directWheels.get(wheel.name()))) {
                    // pip: a user's URL requirement's fragment digest counts as a hash in hash-checking mode.
                    allowed.addAll(DirectWheel.allowedHashes(wheel));
                }
                packages.add(new ResolvedPackage(wheel.name(), wheel.version(), wheel.file(),
                        requested.contains(wheel.name()), allowed, parents));
            }
        }
        packages.sort(Comparator.comparing(ResolvedPackage::name));
        return new Resolution(target, packages);
    }

    /** pip's hash-checking mode: every distribution installed needs an allowed hash, dependencies included. */
    private static void checkHashes(Resolution resolution) {
        List<String> missing = new ArrayList<>();
        for (ResolvedPackage p : resolution.packages()) {
            if (p.allowedHashes().isEmpty()) {
                missing.add(p.name().normalized() + "==" + p.version()
                        + p.file().sha256().map(h -> " --hash=sha256:" + h).orElse(""));
            }
        }
        if (!missing.isEmpty()) {
            throw new ResolutionException.HashesRequired("hash-checking mode is on (a requirement has --hash), but "
                    + missing.size() + " of the distributions to install have no hash:"
                    + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", missing),
                    List.of("add these lines (with the hashes the index publishes, shown above) to the requirements "
                            + "file, or remove every --hash to turn hash checking off"));
        }
    }

    /** Reports the engine's progress to the listener. */
    private final class Reporter implements ResolutionReporter<PythonRequirement, Candidate> {
        @Override
        public void pinning(Candidate candidate) {
            if (candidate instanceof WheelCandidate wheel) {
                listener.pinned(wheel);
            }
        }

        @Override
        public void rejectingCandidate(Criterion<PythonRequirement, Candidate> criterion, Candidate candidate) {
            String because = criterion.information().stream()
                    .map(i -> (i.parent() == null ? "you" : i.parent().describe()) + " → " + i.requirement().describe())
                    .distinct().collect(Collectors.joining(", "));
            listener.backtracking(candidate.describe() + " conflicts with " + because);
        }

        @Override
        public void unusableCandidate(Candidate candidate, CandidateUnusableException reason) {
            listener.warning("skipping " + candidate.describe() + ": " + reason.getMessage());
        }
    }
}
