package dev.pylayer.inspect;

import dev.pylayer.inspect.DistributionSummary.TagVerdict;
import dev.pylayer.name.PackageName;
import dev.pylayer.runtime.LambdaTarget;
import dev.pylayer.tags.IncompatibleTag;
import dev.pylayer.tags.Tag;
import dev.pylayer.tags.TagCompatibility;
import dev.pylayer.wheel.RecordEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks each importable distribution's dist-info: the tags of the wheel it was installed from against the target
 * (pip would have refused an incompatible wheel; a layer built elsewhere may still carry one), and its RECORD
 * against the files present (sha256 of the inflated bytes, files missing).
 *
 * <p>Tags are a promise, ELF files are the fact: when a wheel's platform tag is too new for the target but every one
 * of its ELF files passed {@link ElfCheck}, the verdict is a warning, not an error.
 */
final class DistributionCheck {
    /** Examples named in one finding; the JSON lists every file through the summaries' counts. */
    private static final int EXAMPLES = 5;

    private final RuntimeView view;
    private final Map<String, LayerEntry> entries = new LinkedHashMap<>();
    private final Set<String> elfFailures;
    private final List<Finding> findings = new ArrayList<>();
    private final List<DistributionSummary> summaries = new ArrayList<>();

    DistributionCheck(LayerScan scan, RuntimeView view, Set<String> elfFailures) {
        this.view = view;
        this.elfFailures = elfFailures;
        scan.entries().forEach(entry -> entries.put(entry.name(), entry));
    }

    List<Finding> findings() {
        return findings;
    }

    List<DistributionSummary> summaries() {
        return summaries;
    }

    DistributionCheck run(List<InstalledDistribution> distributions) {
        Map<String, List<InstalledDistribution>> byName = new LinkedHashMap<>();
        for (InstalledDistribution distribution : distributions) {
            if (!view.placement(distribution.distInfo()).importable()) {
                continue;
            }
            byName.computeIfAbsent(PackageName.normalize(distribution.name()), k -> new ArrayList<>()).add(distribution);
            check(distribution);
        }
        for (List<InstalledDistribution> same : byName.values()) {
            if (same.size() > 1) {
                findings.add(new Finding(Severity.WARNING, FindingKind.DUPLICATE_DISTRIBUTION, same.get(0).distInfo(),
                        "`" + same.get(0).name() + "` is installed " + same.size() + " times: " + same.stream()
                                .map(d -> d.version() + " in `" + d.distInfo() + "`").collect(Collectors.joining(", "))
                                + "; its files are a mix of whichever was written last",
                        "rebuild the layer with one version of " + same.get(0).name()));
            }
        }
        return this;
    }

    private void check(InstalledDistribution distribution) {
        TagVerdict verdict = TagVerdict.UNKNOWN;
        String detail = "no WHEEL file";
        List<String> tagTexts = distribution.tags().map(tags -> tags.stream().map(Tag::toString).toList()).orElse(List.of());
        if (distribution.tags().isEmpty() || distribution.tags().get().isEmpty()) {
            detail = distribution.tags().isEmpty() ? "no WHEEL file" : "no Tag lines in WHEEL";
            findings.add(new Finding(Severity.INFO, FindingKind.WHEEL_FILE_MISSING, distribution.distInfo(),
                    "`" + distribution.displayName() + "` has " + detail + ", so its wheel tags cannot be checked",
                    "nothing to do; its ELF files are still checked"));
        } else {
            TagCompatibility compatibility = view.target().compatibleTags().compatibility(distribution.tags().get());
            if (compatibility instanceof TagCompatibility.Compatible compatible) {
                verdict = TagVerdict.COMPATIBLE;
                detail = compatible.bestTag().toString();
            } else {
                verdict = TagVerdict.INCOMPATIBLE;
                TagCompatibility.Incompatible incompatible = (TagCompatibility.Incompatible) compatibility;
                detail = misses(incompatible);
                findings.add(tagFinding(distribution, incompatible, detail));
            }
        }
        int[] counts = checkRecord(distribution);
        long bytes = distribution.ownedEntries().stream().map(entries::get).filter(e -> e != null)
                .mapToLong(LayerEntry::size).sum();
        summaries.add(new DistributionSummary(distribution.name(), distribution.version(), distribution.distInfo(),
                tagTexts, verdict, detail, counts[0], counts[1], counts[2], bytes));
    }

    private Finding tagFinding(InstalledDistribution distribution, TagCompatibility.Incompatible incompatible,
            String detail) {
        LambdaTarget target = view.target();
        Set<Tag> tags = distribution.tags().orElseThrow();
        List<String> elfFiles = distribution.ownedEntries().stream()
                .filter(name -> entries.containsKey(name) && entries.get(name).elf() != null).toList();
        boolean elfFailed = elfFiles.stream().anyMatch(elfFailures::contains);
        boolean pure = tags.stream().allMatch(tag -> tag.abi().equals("none") && tag.platform().equals("any"));
        List<String> would = LambdaTarget.all().stream().filter(t -> t.accepts(tags)).map(LambdaTarget::toString).toList();
        String message = "`" + distribution.displayName() + "` is a wheel for `" + incompatible.closest() + "` (" + detail
                + "), which " + target + " does not accept" + (would.isEmpty() ? "" : "; it fits "
                + String.join(", ", would));
        if (incompatible.kind() == IncompatibleTag.PLATFORM && !elfFiles.isEmpty() && !elfFailed) {
            return new Finding(Severity.WARNING, FindingKind.WHEEL_TAGS, distribution.distInfo(), message + ", but its "
                    + elfFiles.size() + " ELF file" + (elfFiles.size() == 1 ? "" : "s") + " passed the checks for " + target,
                    "nothing to do if it imports; pylayer build would pick a wheel tagged for " + target);
        }
        if ((incompatible.kind() == IncompatibleTag.PLATFORM && elfFiles.isEmpty()) || pure) {
            return new Finding(Severity.WARNING, FindingKind.WHEEL_TAGS, distribution.distInfo(), message,
                    "install a release of " + distribution.name() + " with a wheel for " + target);
        }
        return new Finding(Severity.ERROR, FindingKind.WHEEL_TAGS, distribution.distInfo(), message,
                (would.isEmpty() ? "" : "target " + would.get(0) + ", or ") + "install a release of "
                        + distribution.name() + " with a wheel for " + target);
    }

    /** What the closest tag misses, in words. */
    private String misses(TagCompatibility.Incompatible incompatible) {
        Tag closest = incompatible.closest();
        return switch (incompatible.kind()) {
            case PYTHON -> "interpreter `" + closest.interpreter() + "`";
            case ABI -> "ABI `" + closest.abi() + "`";
            case PLATFORM -> incompatible.platform().describe();
        };
    }

    /** Compares RECORD with the entries; returns {recorded, mismatched, missing}. */
    private int[] checkRecord(InstalledDistribution distribution) {
        for (String problem : distribution.problems()) {
            findings.add(new Finding(Severity.WARNING, FindingKind.DIST_INFO_INVALID, distribution.distInfo(),
                    "`" + distribution.displayName() + "` has an unreadable " + problem,
                    "reinstall " + distribution.displayName() + "; its metadata is damaged"));
        }
        if (distribution.record().isEmpty()) {
            if (distribution.problems().stream().noneMatch(problem -> problem.startsWith("RECORD"))) {
                findings.add(new Finding(Severity.INFO, FindingKind.RECORD_MISSING, distribution.distInfo(),
                        "`" + distribution.displayName() + "` has no RECORD, so its files cannot be verified",
                        "nothing to do; installers other than pip may leave it out"));
            }
            return new int[3];
        }
        int recorded = 0;
        List<String> mismatched = new ArrayList<>();
        List<String> missingImportant = new ArrayList<>();
        List<String> missingOther = new ArrayList<>();
        for (RecordEntry row : distribution.recordEntries()) {
            String name = distribution.entryName(row.path()).orElse(null);
            if (name == null) {
                continue;
            }
            recorded++;
            LayerEntry entry = entries.get(name);
            if (entry == null) {
                if (row.path().endsWith(".pyc") || row.path().contains("__pycache__/")) {
                    continue; // compiled on install and dropped by slimming; Python recompiles or runs without them
                }
                (row.path().endsWith(".py") || ExtensionModuleName.parse(fileName(row.path())).isPresent()
                        ? missingImportant : missingOther).add(row.path());
            } else if (entry.sha256() != null && row.hash().filter(hash -> hash.algorithm().equals("sha256"))
                    .filter(hash -> !hash.matches(entry.sha256())).isPresent()) {
                mismatched.add(row.path());
            }
        }
        String who = "`" + distribution.displayName() + "`";
        if (!mismatched.isEmpty()) {
            findings.add(new Finding(Severity.WARNING, FindingKind.RECORD_HASH_MISMATCH, distribution.distInfo(),
                    files(mismatched) + " of " + who + (mismatched.size() == 1 ? " differs" : " differ")
                            + " from its RECORD: " + examples(mismatched)
                            + " (edited, patched or damaged after install)",
                    "reinstall " + distribution.displayName() + "; ignore this if the change is deliberate"));
        }
        if (!missingImportant.isEmpty()) {
            findings.add(new Finding(Severity.WARNING, FindingKind.RECORD_FILE_MISSING, distribution.distInfo(),
                    files(missingImportant) + " of " + who + " listed in its RECORD " + (missingImportant.size() == 1
                            ? "is" : "are") + " not in the layer: " + examples(missingImportant)
                            + "; importing " + (missingImportant.size() == 1 ? "it" : "them") + " will fail",
                    "reinstall " + distribution.displayName() + " without removing modules"));
        }
        if (!missingOther.isEmpty()) {
            findings.add(new Finding(Severity.INFO, FindingKind.RECORD_FILE_MISSING, distribution.distInfo(),
                    files(missingOther) + " of " + who + " listed in its RECORD " + (missingOther.size() == 1 ? "is"
                            : "are") + " not in the layer: " + examples(missingOther),
                    "nothing to do if they were left out on purpose"));
        }
        return new int[] {recorded, mismatched.size(), missingImportant.size() + missingOther.size()};
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String files(List<String> paths) {
        return paths.size() == 1 ? "1 file" : paths.size() + " files";
    }

    private static String examples(List<String> paths) {
        String shown = paths.stream().limit(EXAMPLES).map(path -> "`" + path + "`").collect(Collectors.joining(", "));
        return paths.size() > EXAMPLES ? shown + " and " + (paths.size() - EXAMPLES) + " more" : shown;
    }
}
