package dev.pylayer.layer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Applies a {@link LayerTrim} to the planned distributions: whole distributions first, then each exclude glob, then
 * {@code --slim}, then {@code --slim-stubs}, each rule seeing only what the earlier ones kept. A file two wheels
 * ship identically is counted once.
 */
final class LayerTrimmer {
    /** The files every dist-info folder keeps: pip, {@code importlib.metadata} and inspection need them. */
    private static final List<String> PROTECTED = List.of("METADATA", "RECORD", "WHEEL");

    record Result(List<DistributionPlan> plans, List<Exclusion> exclusions) {
    }

    private final String sitePrefix;
    private List<DistributionPlan> plans;
    private final List<Exclusion> exclusions = new ArrayList<>();

    private LayerTrimmer(String sitePrefix, List<DistributionPlan> plans) {
        this.sitePrefix = sitePrefix;
        this.plans = plans;
    }

    static Result apply(LayerLayout layout, List<DistributionPlan> plans, LayerTrim trim) {
        LayerTrimmer trimmer = new LayerTrimmer(layout.sitePackages() + "/", plans);
        trimmer.leaveOut(trim);
        for (PathGlob glob : trim.excludes()) {
            trimmer.exclude(glob);
        }
        if (trim.slim()) {
            trimmer.remove(Exclusion.Rule.SLIM, "", SlimRules::slim);
        }
        if (trim.slimStubs()) {
            trimmer.remove(Exclusion.Rule.SLIM_STUBS, "", SlimRules::stubs);
        }
        return new Result(List.copyOf(trimmer.plans), List.copyOf(trimmer.exclusions));
    }

    private void leaveOut(LayerTrim trim) {
        if (trim.distributions().isEmpty()) {
            return;
        }
        List<DistributionPlan> kept = new ArrayList<>();
        List<DistributionFacts> removed = new ArrayList<>();
        for (DistributionPlan plan : plans) {
            if (trim.distributions().contains(plan.facts().name())) {
                removed.add(plan.facts());
            } else {
                kept.add(plan);
            }
        }
        // A file a kept distribution ships too stays in the layer: the count compares the layer before and after.
        apply(Exclusion.Rule.DISTRIBUTION, "", removed, kept);
    }

    private void exclude(PathGlob glob) {
        for (DistributionPlan plan : plans) {
            for (String name : PROTECTED) {
                String path = plan.distInfo() + "/" + name;
                if (glob.matches(path)) {
                    throw InvalidExcludeException.protectedFile(glob.toString(), path);
                }
            }
        }
        remove(Exclusion.Rule.EXCLUDE, glob.toString(), files -> {
            Set<String> matched = new HashSet<>();
            files.keySet().stream().filter(glob::matches).forEach(matched::add);
            return matched;
        });
    }

    private void remove(Exclusion.Rule rule, String pattern, Function<SortedMap<String, LayerFile>, Set<String>> select) {
        Set<String> selected = select.apply(files(plans));
        List<DistributionPlan> trimmed = new ArrayList<>();
        for (DistributionPlan plan : plans) {
            trimmed.add(plan.without(selected));
        }
        apply(rule, pattern, List.of(), trimmed);
    }

    /**
     * Replaces the plans with {@code trimmed} and records the difference: the files gone, and the bytes saved
     * (which include the rows RECORD no longer lists).
     */
    private void apply(Exclusion.Rule rule, String pattern, List<DistributionFacts> distributions,
                       List<DistributionPlan> trimmed) {
        SortedMap<String, LayerFile> before = files(plans);
        SortedMap<String, LayerFile> after = files(trimmed);
        int gone = 0;
        for (String path : before.keySet()) {
            if (!after.containsKey(path)) {
                gone++;
            }
        }
        plans = trimmed;
        exclusions.add(new Exclusion(rule, pattern, distributions, gone, size(before) - size(after),
                zipped(before) - zipped(after)));
    }

    private static SortedMap<String, LayerFile> files(List<DistributionPlan> plans) {
        SortedMap<String, LayerFile> files = new TreeMap<>(Utf8Order.INSTANCE);
        for (DistributionPlan plan : plans) {
            plan.files().forEach(file -> files.putIfAbsent(file.path(), file));
        }
        return files;
    }

    private static long size(Map<String, LayerFile> files) {
        return files.values().stream().mapToLong(LayerFile::size).sum();
    }

    private long zipped(Map<String, LayerFile> files) {
        long total = 0;
        for (Map.Entry<String, LayerFile> entry : files.entrySet()) {
            total += ZipSize.of(sitePrefix + entry.getKey(), entry.getValue());
        }
        return total;
    }
}
