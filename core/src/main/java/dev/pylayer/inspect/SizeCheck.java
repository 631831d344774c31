package dev.pylayer.inspect;

import dev.pylayer.runtime.ByteSize;
import dev.pylayer.runtime.LambdaLimits;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Weighs the layer against Lambda's size quotas and names what is heavy. */
final class SizeCheck {
    /** How many packages and folders the report lists. */
    static final int LARGEST = 10;
    private static final Pattern SITE_PACKAGES = Pattern.compile("python/lib/python\\d+\\.\\d+/site-packages/");

    private SizeCheck() {
    }

    static LayerSizes measure(LayerScan scan, RuntimeView view, List<InstalledDistribution> distributions) {
        Map<String, String> owner = new HashMap<>();
        for (InstalledDistribution distribution : distributions) {
            distribution.ownedEntries().forEach(entry -> owner.putIfAbsent(entry, distribution.displayName()));
        }
        Map<String, long[]> packages = new LinkedHashMap<>();
        Map<String, long[]> folders = new LinkedHashMap<>();
        long unzipped = 0;
        for (LayerEntry entry : scan.entries()) {
            unzipped += entry.size();
            String name = entry.name();
            Optional<String> root = view.importRoot(name).or(() -> anySitePackages(name));
            String relative = root.map(r -> name.substring(r.length())).orElse(name);
            String item = owner.getOrDefault(name, firstSegments(relative, 1));
            add(packages, item, entry);
            if (root.isPresent() && relative.chars().filter(c -> c == '/').count() >= 2) {
                add(folders, firstSegments(relative, 2), entry);
            }
        }
        return new LayerSizes(scan.zippedBytes(), unzipped, scan.entries().size(), largest(packages), largest(folders));
    }

    static List<Finding> check(LayerSizes sizes, RuntimeView view) {
        List<Finding> findings = new ArrayList<>();
        if (sizes.unzippedBytes() > LambdaLimits.MAX_UNZIPPED_BYTES) {
            String heaviest = sizes.largestPackages().stream().limit(3)
                    .map(entry -> entry.name() + " " + ByteSize.human(entry.unzippedBytes()))
                    .collect(Collectors.joining(", "));
            findings.add(new Finding(Severity.ERROR, FindingKind.SIZE_UNZIPPED, "", "the layer is "
                    + ByteSize.human(sizes.unzippedBytes()) + " unzipped, over Lambda's "
                    + ByteSize.human(LambdaLimits.MAX_UNZIPPED_BYTES) + " for a function and all its layers (largest: "
                    + heaviest + ")", "leave out what " + view.target().runtime() + " already has (boto3, botocore), "
                    + "drop tests and __pycache__ folders, split the layer, or ship a container image instead"));
        }
        if (sizes.zippedBytes() > LambdaLimits.MAX_DIRECT_UPLOAD_BYTES) {
            findings.add(new Finding(Severity.WARNING, FindingKind.SIZE_ZIPPED, "", "the zip is "
                    + ByteSize.human(sizes.zippedBytes()) + ", over the " + ByteSize.human(LambdaLimits.MAX_DIRECT_UPLOAD_BYTES)
                    + " Lambda accepts in an upload request", "publish it through an S3 bucket"));
        }
        return findings;
    }

    private static void add(Map<String, long[]> totals, String key, LayerEntry entry) {
        long[] total = totals.computeIfAbsent(key, k -> new long[3]);
        total[0] += entry.size();
        total[1] += entry.compressedSize();
        total[2]++;
    }

    private static List<SizeEntry> largest(Map<String, long[]> totals) {
        return totals.entrySet().stream()
                .map(e -> new SizeEntry(e.getKey(), e.getValue()[0], e.getValue()[1], (int) e.getValue()[2]))
                .sorted(Comparator.comparingLong(SizeEntry::unzippedBytes).reversed().thenComparing(SizeEntry::name))
                .limit(LARGEST)
                .toList();
    }

    /** {@code python/lib/python3.12/site-packages/} of any Python, so a layer built for another one still itemizes. */
    private static Optional<String> anySitePackages(String name) {
        Matcher m = SITE_PACKAGES.matcher(name);
        return m.lookingAt() ? Optional.of(m.group()) : Optional.empty();
    }

    /** {@code numpy/} or {@code numpy/_core/} for {@code numpy/_core/x.so}; a top-level file stays itself. */
    private static String firstSegments(String path, int count) {
        int end = -1;
        for (int i = 0; i < count; i++) {
            end = path.indexOf('/', end + 1);
            if (end < 0) {
                return path;
            }
        }
        return path.substring(0, end + 1);
    }
}
