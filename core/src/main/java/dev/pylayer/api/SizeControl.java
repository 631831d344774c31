package dev.pylayer.api;

import dev.pylayer.PylayerException;
import dev.pylayer.layer.Exclusion;
import dev.pylayer.layer.LayerBudget;
import dev.pylayer.layer.LayerPlan;
import dev.pylayer.layer.LayerTrim;
import dev.pylayer.layer.PathGlob;
import dev.pylayer.name.PackageName;
import dev.pylayer.requirement.Requirement;
import dev.pylayer.resolve.ResolvedPackage;
import dev.pylayer.resolve.RootRequirement;
import dev.pylayer.runtime.ByteSize;
import dev.pylayer.runtime.LambdaTarget;
import dev.pylayer.runtime.RuntimeProvidedPackages;
import dev.pylayer.wheel.CoreMetadata;
import dev.pylayer.wheel.WheelArchive;
import dev.pylayer.wheel.WheelFilename;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A build's size options turned into a {@link LayerTrim}, the check of the plan against Lambda's limits before
 * writing (with what each option not chosen would save), and the warnings and report of what was left out.
 *
 * <p>{@code --exclude-runtime-provided} resolves as usual, so that every dependency stays consistent, and then
 * leaves out the distributions the runtime ships ({@link RuntimeProvidedPackages}) except those the user pinned
 * ({@code ==} or {@code ===} in a requirement of their own, or a direct URL; constraints files do not count).
 * The function then imports the runtime's copies, whose versions AWS does not publish; every requirement on them
 * that names versions is therefore named in a warning.
 */
final class SizeControl {
    /** The options as given to {@link LayerBuild}. */
    record Options(boolean excludeRuntimeProvided, boolean slim, boolean slimStubs, List<PathGlob> excludes,
                   boolean directUpload) {
        Options {
            excludes = List.copyOf(excludes);
        }
    }

    private final Options options;
    private final LambdaTarget target;
    private final List<RootRequirement> roots;
    private final List<ResolvedPackage> packages;
    private final List<Path> wheels;
    private final Set<PackageName> provided;
    private final Set<PackageName> leftOut;

    SizeControl(Options options, LambdaTarget target, List<RootRequirement> roots, List<ResolvedPackage> packages,
                List<Path> wheels) {
        this.options = options;
        this.target = target;
        this.roots = List.copyOf(roots);
        this.packages = List.copyOf(packages);
        this.wheels = List.copyOf(wheels);
        Set<PackageName> pinned = new TreeSet<>();
        for (RootRequirement root : roots) {
            // A direct URL (`boto3 @ https://…`) names one file: as pinned as `==`.
            if (root.requirement().specifier().isPinned() || root.requirement().url().isPresent()) {
                pinned.add(root.requirement().name());
            }
        }
        Set<PackageName> inRuntime = new TreeSet<>();
        for (ResolvedPackage p : packages) {
            if (RuntimeProvidedPackages.provides(target.runtime(), p.name()) && !pinned.contains(p.name())) {
                inRuntime.add(p.name());
            }
        }
        this.provided = inRuntime;
        this.leftOut = options.excludeRuntimeProvided() ? inRuntime : Set.of();
    }

    /** What to leave out of the layer. */
    LayerTrim trim() {
        return LayerTrim.NONE.withDistributions(leftOut).withExcludes(options.excludes())
                .withSlim(options.slim()).withSlimStubs(options.slimStubs());
    }

    /** Whether {@code name} is left out whole (it is not in the layer). */
    boolean leavesOut(PackageName name) {
        return leftOut.contains(name);
    }

    /**
     * Throws {@code LayerTooLargeException} when the plan passes {@code unzippedLimit} (Lambda's 250 MB) or, for a
     * direct upload, about {@code zippedLimit} zipped (50 MB); its hints say what each option not chosen would save.
     * Throws {@link NothingToBuildException} when --exclude-runtime-provided left every distribution out.
     */
    void check(LayerPlan plan, long unzippedLimit, long zippedLimit) {
        if (plan.distributions().isEmpty() && !leftOut.isEmpty()) {
            throw NothingToBuildException.allProvidedByRuntime(target.runtime().identifier(), names(leftOut));
        }
        LayerBudget unzipped = LayerBudget.of(plan, unzippedLimit);
        if (!unzipped.fits()) {
            unzipped.check(savings(plan, false));
        }
        if (options.directUpload()) {
            LayerBudget zipped = LayerBudget.zipped(plan, zippedLimit);
            if (!zipped.fits()) {
                zipped.check(savings(plan, true));
            }
        }
    }

    private List<String> savings(LayerPlan plan, boolean zipped) {
        List<String> hints = new ArrayList<>();
        LayerTrim all = LayerTrim.NONE;
        String about = zipped ? "about " : "";
        if (!options.excludeRuntimeProvided() && !provided.isEmpty()) {
            LayerTrim trim = LayerTrim.NONE.withDistributions(provided);
            all = all.withDistributions(provided);
            long saved = saved(plan.preview(trim), zipped);
            hints.add("--exclude-runtime-provided would save " + about + ByteSize.human(saved) + ": "
                    + names(provided) + " (the " + target.runtime() + " runtime ships them)");
        }
        if (!options.slim()) {
            all = all.withSlim(true);
            List<Exclusion> preview = plan.preview(LayerTrim.NONE.withSlim(true));
            if (saved(preview, false) > 0) {
                hints.add("--slim would save " + about + ByteSize.human(saved(preview, zipped))
                        + ": __pycache__ folders, .pyc files and the test suites packages ship");
            }
        }
        if (!options.slimStubs()) {
            all = all.withSlimStubs(true);
            List<Exclusion> preview = plan.preview(LayerTrim.NONE.withSlimStubs(true));
            if (saved(preview, false) > 0) {
                hints.add("--slim-stubs would save " + about + ByteSize.human(saved(preview, zipped)) + ": .pyi type stubs");
            }
        }
        if (hints.size() > 1) {
            long size = zipped ? plan.zipSizeEstimate() : plan.uncompressedSize();
            long saved = saved(plan.preview(all), zipped);
            hints.add("all of these together would save " + about + ByteSize.human(saved) + ", leaving " + about
                    + ByteSize.human(size - saved) + (zipped ? " zipped" : " unzipped"));
        }
        return hints;
    }

    private static long saved(List<Exclusion> exclusions, boolean zipped) {
        return exclusions.stream().mapToLong(e -> zipped ? e.zippedBytes() : e.bytes()).sum();
    }

    /** Warns about what was left out and what that means; details the runtime packages kept because pinned. */
    void report(LayerPlan plan, Consumer<String> warn, Consumer<String> detail) {
        for (Exclusion exclusion : plan.exclusions()) {
            if (exclusion.rule() == Exclusion.Rule.EXCLUDE && exclusion.files() == 0) {
                warn.accept("--exclude `" + exclusion.pattern() + "` matched no file (patterns are relative to"
                        + " site-packages, e.g. `botocore/data/**`)");
            }
        }
        if (!options.excludeRuntimeProvided()) {
            return;
        }
        for (ResolvedPackage p : packages) {
            if (RuntimeProvidedPackages.provides(target.runtime(), p.name()) && !leftOut.contains(p.name())) {
                detail.accept("kept " + p.name().display() + " " + p.version() + " in the layer although the "
                        + target.runtime() + " runtime ships it: you pinned it");
            }
        }
        if (leftOut.isEmpty()) {
            return;
        }
        List<String> dropped = packages.stream().filter(p -> leftOut.contains(p.name()))
                .map(p -> p.name().display() + " " + p.version()).toList();
        warn.accept("left out " + String.join(", ", dropped) + ": the " + target.runtime() + " runtime ships "
                + (dropped.size() == 1 ? "it" : "them") + ", and the function imports the runtime's "
                + (dropped.size() == 1 ? "copy" : "copies") + ", whose versions AWS does not publish (they depend on"
                + " the runtime and the Region)");
        for (ResolvedPackage p : packages) {
            if (leftOut.contains(p.name())) {
                List<String> needs = versionedRequirementsOn(p);
                if (!needs.isEmpty()) {
                    warn.accept(p.name().display() + " is left out but " + String.join("; ", needs) + ": the "
                            + target.runtime() + " runtime's copy must satisfy " + (needs.size() == 1 ? "that" : "these")
                            + " (pin `" + p.name().display() + "==" + p.version() + "` to keep it in the layer)");
                }
            }
        }
    }

    /** Who in the layer, or the user, asks for particular versions of {@code dropped}: "`s3fs 2024.6.0` requires `…`". */
    private List<String> versionedRequirementsOn(ResolvedPackage dropped) {
        Set<String> needs = new LinkedHashSet<>();
        for (RootRequirement root : roots) {
            Requirement requirement = root.requirement();
            if (requirement.name().equals(dropped.name()) && !requirement.specifier().isEmpty()
                    && requirement.appliesTo(target.markerEnvironment(), List.of())) {
                needs.add("you asked for `" + requirement + "` (" + root.source() + ")");
            }
        }
        for (int i = 0; i < packages.size(); i++) {
            ResolvedPackage requirer = packages.get(i);
            if (leftOut.contains(requirer.name())
                    || !dropped.requiredBy().contains(requirer.name().normalized())) {
                continue;
            }
            for (Requirement requirement : requirementsOn(dropped.name(), wheels.get(i), requirer)) {
                needs.add("`" + requirer.name().display() + " " + requirer.version() + "` requires `" + requirement + "`");
            }
        }
        return List.copyOf(needs);
    }

    /** The requirements of {@code requirer}'s wheel on {@code name} that name versions and may apply on the target. */
    private List<Requirement> requirementsOn(PackageName name, Path wheel, ResolvedPackage requirer) {
        CoreMetadata metadata;
        try (WheelArchive archive = WheelArchive.open(wheel, WheelFilename.parse(requirer.file().filename()))) {
            metadata = archive.metadata();
        }
        List<String> extras = new ArrayList<>(metadata.providesExtra());
        extras.add("");
        List<Requirement> found = new ArrayList<>();
        for (String line : metadata.requiresDist()) {
            try {
                Requirement requirement = Requirement.parse(line);
                if (requirement.name().equals(name) && !requirement.specifier().isEmpty()
                        && requirement.appliesTo(target.markerEnvironment(), extras)) {
                    found.add(requirement);
                }
            } catch (PylayerException e) {
                // The resolver already read this metadata; a line it could not use did not bring the package in.
            }
        }
        return found;
    }

    /** What the trim left out, for {@link BuildResult} and the report. */
    Excluded excluded(LayerPlan plan, Function<Integer, BuiltPackage> built) {
        List<BuiltPackage> dropped = new ArrayList<>();
        for (int i = 0; i < packages.size(); i++) {
            if (leftOut.contains(packages.get(i).name())) {
                dropped.add(built.apply(i));
            }
        }
        List<Excluded.Rule> rules = new ArrayList<>();
        for (Exclusion exclusion : plan.exclusions()) {
            rules.add(new Excluded.Rule(ruleName(exclusion.rule()), exclusion.pattern(), exclusion.files(),
                    exclusion.bytes()));
        }
        return new Excluded(dropped, rules);
    }

    private static String ruleName(Exclusion.Rule rule) {
        return switch (rule) {
            case DISTRIBUTION -> "runtime-provided";
            case EXCLUDE -> "exclude";
            case SLIM -> "slim";
            case SLIM_STUBS -> "slim-stubs";
        };
    }

    private static String names(Set<PackageName> names) {
        return names.stream().map(PackageName::display).collect(Collectors.joining(", "));
    }
}
