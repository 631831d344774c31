package dev.pylayer.resolve;

import dev.pylayer.name.PackageName;
import dev.pylayer.resolve.engine.RequirementInformation;
import dev.pylayer.runtime.LambdaTarget;
import dev.pylayer.tags.IncompatibleTag;
import dev.pylayer.tags.PlatformTag;
import dev.pylayer.tags.Tag;
import dev.pylayer.version.SpecifierSet;
import dev.pylayer.version.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns the engine's final conflict into a message a user can act on: which project, who asked for it, which
 * versions were looked at, what the nearest wheel needs (a newer glibc → the runtime that has it; another
 * Python; another architecture; only an sdist), and for true conflicts both sides.
 */
final class FailureExplainer {
    private final PipProvider provider;
    private final CandidateFinder finder;
    private final LambdaTarget target;
    private final boolean allowPrereleases;
    private final String indexes;

    FailureExplainer(PipProvider provider, CandidateFinder finder, LambdaTarget target, boolean allowPrereleases,
            String indexes) {
        this.provider = provider;
        this.finder = finder;
        this.target = target;
        this.allowPrereleases = allowPrereleases;
        this.indexes = indexes;
    }

    /** For explanations that need only the target, not a resolution (a user's URL requirement checked up front). */
    static FailureExplainer forTarget(LambdaTarget target) {
        return new FailureExplainer(null, null, target, false, null);
    }

    /** pip's {@code UnsupportedWheel} for {@code name @ url}, with the why and the fix of any other wheel. */
    ResolutionException unsupportedDirectWheel(String display, FileVerdict.IncompatibleWheel wheel) {
        String project = wheel.wheel().name().normalized();
        List<String> hints = new ArrayList<>();
        List<String> fixes = targetsAccepting(List.of(wheel.wheel().tags()), null);
        if (!fixes.isEmpty()) {
            hints.add("use " + String.join(" or ", fixes));
        }
        hints.add((fixes.isEmpty() ? "" : "or ") + "point the URL at a wheel of " + project + " built for " + target
                + " (" + preferredPlatform() + ")");
        return new ResolutionException.NoMatchingDistribution(project, "`" + display + "` cannot be installed for "
                + target.describe() + ": " + wheel.file().filename() + " " + describeWheels(List.of(wheel), true), hints);
    }

    ResolutionException explain(List<RequirementInformation<PythonRequirement, Candidate>> causes) {
        Map<String, List<RequirementInformation<PythonRequirement, Candidate>>> byProject = new LinkedHashMap<>();
        for (RequirementInformation<PythonRequirement, Candidate> cause : causes) {
            String project = PipProvider.ParsedIdentifier.of(cause.requirement().identifier()).base();
            byProject.computeIfAbsent(project, k -> new ArrayList<>()).add(cause);
        }
        List<RequirementInformation<PythonRequirement, Candidate>> pythonCauses = byProject.get(PythonCandidate.IDENTIFIER);
        for (Map.Entry<String, List<RequirementInformation<PythonRequirement, Candidate>>> entry : byProject.entrySet()) {
            if (entry.getKey().equals(PythonCandidate.IDENTIFIER)) {
                continue;
            }
            Optional<ResolutionException> nothing = nothingFits(PackageName.of(entry.getKey()), entry.getValue());
            if (nothing.isPresent()) {
                return nothing.get();
            }
        }
        if (pythonCauses != null && byProject.size() == 1) {
            return RequiresPythonExplainer.metadataMismatch(target, pythonCauses);
        }
        return conflict(causes);
    }

    private static String askedBy(RequirementInformation<PythonRequirement, Candidate> info) {
        return info.parent() == null ? "you asked for `" + info.requirement().describe() + "`"
                : info.parent().describe() + " depends on `" + info.requirement().describe() + "`";
    }

    // ---- a project where nothing fits, whatever the rest of the resolution does ----

    private Optional<ResolutionException> nothingFits(PackageName name,
            List<RequirementInformation<PythonRequirement, Candidate>> infos) {
        for (RequirementInformation<PythonRequirement, Candidate> info : infos) {
            if (info.requirement() instanceof PythonRequirement.Explicit explicit && explicit.url() != null) {
                Optional<String> reason = provider.unusableReason(explicit.candidate());
                if (reason.isPresent()) {
                    return Optional.of(new ResolutionException.NoMatchingDistribution(name.normalized(), "`"
                            + explicit.describe() + "` cannot be installed (" + askedBy(info) + "): " + reason.get(),
                            List.of("check that the URL serves the wheel its name promises")));
                }
            }
        }
        // A URL requirement's wheel is the only candidate (the index is not asked): what remains is a conflict.
        if (infos.stream().noneMatch(info -> info.requirement() instanceof PythonRequirement.Specified)
                || infos.stream().anyMatch(info -> info.requirement() instanceof PythonRequirement.Explicit e
                        && e.url() != null)) {
            return Optional.empty();
        }
        Constraint constraint = provider.constraint(name);
        List<FileVerdict> verdicts = provider.verdicts(name);
        String display = name.normalized();
        if (verdicts.isEmpty()) {
            String who = infos.stream().map(FailureExplainer::askedBy).distinct().collect(Collectors.joining("; "));
            return Optional.of(new ResolutionException.NoMatchingDistribution(display,
                    "`" + display + "` was not found on " + indexes + " (" + who + ")",
                    List.of("check the spelling of the project name",
                            "a private project needs --index-url or --extra-index-url pointing at its index")));
        }
        // One requirement that no wheel satisfies on its own is the problem, whatever the rest does. When each one
        // alone has wheels but not all of them together, it is a conflict between the askers (pip names both sides).
        for (RequirementInformation<PythonRequirement, Candidate> info : infos) {
            if (!(info.requirement() instanceof PythonRequirement.Specified specified)) {
                continue;
            }
            SpecifierSet specifier = constraint.specifier().and(specified.specifier());
            boolean any = finder.candidates(name, verdicts, specifier, constraint.sha256(), allowPrereleases).stream()
                    .anyMatch(candidate -> provider.unusableReason(candidate).isEmpty());
            if (!any) {
                String who = infos.stream().filter(i -> i.requirement().equals(info.requirement()))
                        .map(FailureExplainer::askedBy).distinct().collect(Collectors.joining("; "))
                        + (constraint.specifier().isEmpty() ? ""
                                : "; the constraints allow only `" + display + constraint.specifier() + "`");
                return Optional.of(noMatching(name, verdicts, specifier, constraint, who));
            }
        }
        return Optional.empty();
    }

    private ResolutionException noMatching(PackageName name, List<FileVerdict> verdicts, SpecifierSet specifier,
            Constraint constraint, String who) {
        String display = name.normalized();
        TreeMap<Version, List<FileVerdict>> byVersion = new TreeMap<>(Comparator.reverseOrder());
        for (FileVerdict verdict : verdicts) {
            verdict.version().ifPresent(v -> byVersion.computeIfAbsent(v, k -> new ArrayList<>()).add(verdict));
        }
        List<Version> matching = byVersion.keySet().stream().filter(v -> specifier.contains(v, true)).toList();
        String head = "no version of `" + display + "` can be installed for " + target.describe() + " (" + who + ")";
        List<String> lines = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        if (matching.isEmpty()) {
            lines.add("no release matches `" + display + specifier + "`; the index has "
                    + summarizeVersions(new ArrayList<>(byVersion.keySet())));
            hints.add("relax the version requirement");
            return new ResolutionException.NoMatchingDistribution(display, join(head, lines), hints);
        }
        lines.add("looked at " + matching.size() + (matching.size() == 1 ? " release" : " releases") + " matching `"
                + (specifier.isEmpty() ? display : display + specifier) + "` (" + summarizeVersions(matching) + ")");
        Version newest = matching.get(0);
        List<FileVerdict> files = byVersion.get(newest);
        describeRelease(display, newest, files, constraint, lines, hints);

        // The newest release that would install here if the requirement allowed it.
        Optional<Version> fallback = byVersion.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(f -> f instanceof FileVerdict.Usable u && !u.file().yanked()))
                .map(Map.Entry::getKey)
                .filter(v -> allowPrereleases || !v.isPrerelease())
                .findFirst();
        fallback.filter(v -> !specifier.contains(v, true)).ifPresent(v -> hints.add("`" + display + "==" + v
                + "` is the newest release with a wheel for " + target + "; pin it if your other requirements allow"));
        return new ResolutionException.NoMatchingDistribution(display, join(head, lines), hints);
    }

    private void describeRelease(String display, Version version, List<FileVerdict> files, Constraint constraint,
            List<String> lines, List<String> hints) {
        String release = display + " " + version;
        List<FileVerdict.Usable> usable = new ArrayList<>();
        List<FileVerdict.IncompatibleWheel> incompatible = new ArrayList<>();
        List<FileVerdict.PythonMismatch> python = new ArrayList<>();
        List<FileVerdict.SourceOnly> sdists = new ArrayList<>();
        for (FileVerdict file : files) {
            if (file instanceof FileVerdict.Usable u) {
                usable.add(u);
            } else if (file instanceof FileVerdict.IncompatibleWheel w) {
                incompatible.add(w);
            } else if (file instanceof FileVerdict.PythonMismatch p) {
                python.add(p);
            } else if (file instanceof FileVerdict.SourceOnly s) {
                sdists.add(s);
            }
        }
        if (!usable.isEmpty()) {
            if (version.isPrerelease() && !allowPrereleases) {
                lines.add(release + " is a pre-release, and pre-releases are only chosen when asked for");
                hints.add("pass --pre, or pin `" + display + "==" + version + "`");
            } else if (usable.stream().allMatch(u -> u.file().yanked())) {
                String reason = usable.get(0).file().yankedReason().map(r -> ": " + r).orElse("");
                lines.add(release + " was yanked from the index" + reason);
                hints.add("pin `" + display + "==" + version + "` to use a yanked release anyway (PEP 592)");
            } else if (!constraint.sha256().isEmpty()) {
                lines.add("no wheel of " + release + " has a sha256 among the --hash values of the requirements file");
                hints.add("update the --hash values for " + display + " (the index lists "
                        + usable.stream().map(u -> u.file().sha256().orElse("?")).collect(Collectors.joining(", ")) + ")");
            } else {
                Optional<String> skipped = usable.stream().map(u -> provider.unusableReason(u.file()))
                        .flatMap(Optional::stream).findFirst();
                if (skipped.isPresent()) {
                    lines.add(release + " was skipped: " + skipped.get());
                    hints.add("pin another release of " + display + ", or ask its maintainers to fix the release");
                } else {
                    lines.add(release + " has a usable wheel, but the other requirements rule it out");
                }
            }
            return;
        }
        if (!python.isEmpty()) {
            String requires = python.get(0).requiresPython();
            lines.add(release + " requires Python " + requires + "; " + RequiresPythonExplainer.judged(target, requires));
            List<String> runtimes = targetsAccepting(python.stream().map(p -> p.wheel().tags()).toList(), requires);
            if (!runtimes.isEmpty()) {
                hints.add("use " + String.join(" or ", runtimes));
            }
            hints.add((runtimes.isEmpty() ? "" : "or ") + "pin an older release of " + display
                    + " that supports Python " + target.runtime().pythonVersion());
            return;
        }
        if (!incompatible.isEmpty()) {
            lines.add(release + " " + describeWheels(incompatible, false));
            List<String> fixes = targetsAccepting(incompatible.stream().map(w -> w.wheel().tags()).toList(), null);
            if (!fixes.isEmpty()) {
                hints.add("use " + String.join(" or ", fixes));
            }
            hints.add((fixes.isEmpty() ? "" : "or ") + "pin a release of " + display + " that ships wheels for " + target
                    + " (" + preferredPlatform() + ")");
            return;
        }
        if (!sdists.isEmpty()) {
            lines.add(release + " ships only a source distribution (" + sdists.get(0).file().filename()
                    + "); pylayer installs wheels only and never builds from source");
            hints.add("pin a release of " + display + " that ships manylinux wheels, or build the wheel on Amazon Linux "
                    + "and pass its folder with --find-links");
        }
    }

    private String preferredPlatform() {
        return target.platforms().stream().filter(p -> p.startsWith("manylinux2014")).findFirst()
                .orElse(target.platforms().get(0));
    }

    /** "ships only manylinux_2_34 wheels (needs glibc 2.34); python3.11 has glibc 2.26". */
    /** Why none of a release's wheels loads ("ships only wheels that …"), or one wheel ({@code oneFile}: "needs …"). */
    private String describeWheels(List<FileVerdict.IncompatibleWheel> wheels, boolean oneFile) {
        String onlyFor = oneFile ? "is built only for " : "ships wheels only for ";
        IncompatibleTag closest = wheels.stream().map(w -> w.miss().kind()).max(Comparator.naturalOrder()).orElseThrow();
        List<FileVerdict.IncompatibleWheel> nearest = wheels.stream().filter(w -> w.miss().kind() == closest).toList();
        Set<String> interpreters = new LinkedHashSet<>();
        for (FileVerdict.IncompatibleWheel wheel : wheels) {
            for (Tag tag : wheel.wheel().tags()) {
                interpreters.add(tag.interpreter());
            }
        }
        switch (closest) {
            case PYTHON:
                return onlyFor + "other Pythons (" + String.join(", ", interpreters) + "); "
                        + target.runtime() + " is CPython " + target.runtime().pythonVersion() + " (cp3"
                        + target.runtime().pythonMinor() + ")";
            case ABI:
                return onlyFor + "other CPython ABIs (" + nearest.stream()
                        .map(w -> w.miss().closest().abi()).distinct().collect(Collectors.joining(", ")) + ")";
            default:
                break;
        }
        List<PlatformTag> platforms = nearest.stream().map(w -> w.miss().platform()).toList();
        Optional<PlatformTag.Manylinux> sameArch = platforms.stream()
                .filter(p -> p instanceof PlatformTag.Manylinux m && m.machine().equals(target.architecture().machine()))
                .map(p -> (PlatformTag.Manylinux) p)
                .min(Comparator.comparing(PlatformTag.Manylinux::glibc));
        if (sameArch.isPresent()) {
            return (oneFile ? "needs glibc " : "ships only wheels that need glibc ") + sameArch.get().glibc() + " or newer ("
                    + sameArch.get().text() + "); " + target.runtime() + " runs on "
                    + target.runtime().operatingSystem() + " with glibc " + target.runtime().glibc();
        }
        Set<String> described = new LinkedHashSet<>();
        for (PlatformTag platform : platforms) {
            described.add(platform.describe());
        }
        return (oneFile ? "is built only for " : "ships only wheels for ") + String.join(", ", described) + "; " + target.describe() + " needs a "
                + "manylinux wheel for " + target.architecture().machine();
    }

    /** The runtimes/architectures on which one of these wheels would load: "--runtime python3.12". */
    private List<String> targetsAccepting(List<Set<Tag>> wheelTags, String requiresPython) {
        List<String> sameArch = new ArrayList<>();
        List<String> otherArch = new ArrayList<>();
        for (LambdaTarget candidate : LambdaTarget.all()) {
            if (candidate.equals(target)) {
                continue;
            }
            boolean python = requiresPython == null || new CandidateFinder(candidate).admitsTargetPython(requiresPython);
            if (python && wheelTags.stream().anyMatch(candidate::accepts)) {
                if (candidate.architecture() == target.architecture()) {
                    sameArch.add("--runtime " + candidate.runtime() + " (" + candidate.runtime().operatingSystem()
                            + ", glibc " + candidate.runtime().glibc() + ")");
                } else if (candidate.runtime() == target.runtime()) {
                    otherArch.add("--arch " + candidate.architecture().lambdaName());
                }
            }
        }
        if (!sameArch.isEmpty()) {
            return List.of(sameArch.get(0));
        }
        if (!otherArch.isEmpty()) {
            return List.of(otherArch.get(0));
        }
        for (LambdaTarget candidate : LambdaTarget.all()) {
            if (candidate.architecture() != target.architecture() && wheelTags.stream().anyMatch(candidate::accepts)) {
                return List.of("--runtime " + candidate.runtime() + " --arch " + candidate.architecture().lambdaName());
            }
        }
        return List.of();
    }

    private static String summarizeVersions(List<Version> versions) {
        if (versions.isEmpty()) {
            return "no releases";
        }
        List<Version> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.reverseOrder());
        String shown = sorted.stream().limit(8).map(Version::toString).collect(Collectors.joining(", "));
        return sorted.size() > 8 ? shown + ", … (" + sorted.size() + " in all)" : shown;
    }

    // ---- Requires-Python from METADATA, and true conflicts ----

    private ResolutionException conflict(List<RequirementInformation<PythonRequirement, Candidate>> causes) {
        Set<String> lines = new LinkedHashSet<>();
        Set<String> projects = new LinkedHashSet<>();
        for (RequirementInformation<PythonRequirement, Candidate> cause : causes) {
            if (cause.requirement() instanceof PythonRequirement.RequiresPython) {
                lines.add(cause.parent().describe() + " requires " + cause.requirement().describe() + " (target: Python "
                        + target.runtime().pythonVersion() + ")");
                continue;
            }
            projects.add(PipProvider.ParsedIdentifier.of(cause.requirement().identifier()).base());
            lines.add(askedBy(cause));
        }
        String head = "conflicting requirements on " + projects.stream().map(p -> "`" + p + "`")
                .collect(Collectors.joining(", ")) + " for " + target;
        return new ResolutionException.DependencyConflict(join(head, new ArrayList<>(lines)),
                List.of("loosen one side of the conflict, or pin versions of the packages above that agree"));
    }

    static String join(String head, List<String> lines) {
        StringBuilder text = new StringBuilder(head);
        for (String line : lines) {
            text.append(System.lineSeparator()).append("  ").append(line);
        }
        return text.toString();
    }
}
