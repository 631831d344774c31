package dev.pylayer.layer;

import dev.pylayer.runtime.LambdaLimits;
import dev.pylayer.wheel.WheelArchive;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Everything a layer will hold, decided before a byte is written: the wheels are opened (and checked, see
 * {@link WheelArchive}), each is planned as pip would install it ({@link DistributionPlan}), and their files are
 * merged under the layout's site-packages. Two wheels writing the same path must write the same bytes (then
 * one copy is kept); different bytes, or a file where another wheel needs a folder, is a
 * {@link PathConflictException} naming both wheels.
 *
 * <p>Scripts from a wheel's {@code .data/scripts} and launchers for its {@code console_scripts} and
 * {@code gui_scripts} go to {@code site-packages/bin/} (pip {@code --target} does the same), executable (0755).
 * A script whose first line starts with {@code #!python} gets {@code #!/var/lang/bin/python3.X} instead, the
 * interpreter of Lambda's Python runtimes (see {@link LayerLayout#forRuntime}), as pip writes the path of the
 * interpreter it installs for; launchers name the same interpreter.
 *
 * <p>Wheels are planned in the order of their file names, whatever order they are given in, so the plan (and
 * the zip written from it) does not depend on the order of requirements. The plan keeps the wheels open for
 * the writer; close it when done.
 */
public final class LayerPlan implements Closeable {
    private final LayerLayout layout;
    private final List<WheelArchive> archives;
    private final SortedMap<String, LayerFile> files;
    private final SortedMap<String, String> directories;
    private final List<DistributionFacts> distributions;
    private final long uncompressedSize;
    private final List<DistributionPlan> plans;
    private final List<Exclusion> exclusions;

    private LayerPlan(LayerLayout layout, List<WheelArchive> archives, SortedMap<String, LayerFile> files,
                      SortedMap<String, String> directories, List<DistributionFacts> distributions,
                      List<DistributionPlan> plans, List<Exclusion> exclusions) {
        this.layout = layout;
        this.archives = archives;
        this.files = files;
        this.directories = directories;
        this.distributions = distributions;
        this.uncompressedSize = files.values().stream().mapToLong(LayerFile::size).sum();
        this.plans = plans;
        this.exclusions = exclusions;
    }

    /** Plans a layer of these wheels; each wheel's declared size is capped at Lambda's 250 MB. */
    public static LayerPlan create(LayerLayout layout, Collection<LayerSource> sources) {
        return create(layout, sources, LambdaLimits.MAX_UNZIPPED_BYTES);
    }

    /** Plans a layer of these wheels, refusing any wheel that declares more than {@code wheelBudget} bytes. */
    public static LayerPlan create(LayerLayout layout, Collection<LayerSource> sources, long wheelBudget) {
        return create(layout, sources, wheelBudget, LayerTrim.NONE);
    }

    /**
     * Plans a layer of these wheels without what {@code trim} leaves out (see {@link #exclusions()}); each dist-info
     * RECORD lists only the files kept. Throws {@link InvalidExcludeException} for a glob that would remove a
     * dist-info's METADATA, RECORD or WHEEL.
     */
    public static LayerPlan create(LayerLayout layout, Collection<LayerSource> sources, LayerTrim trim) {
        return create(layout, sources, LambdaLimits.MAX_UNZIPPED_BYTES, trim);
    }

    private static LayerPlan create(LayerLayout layout, Collection<LayerSource> sources, long wheelBudget,
                                    LayerTrim trim) {
        return create(layout, sources, wheelBudget, trim, null);
    }

    /**
     * The same plan as {@link #create(LayerLayout, Collection, LayerTrim)}, with the wheels opened, checked and
     * planned on {@code executor}, several at once (opening reads each central directory and RECORD: a good part of
     * a build's time for big wheels); {@code null} plans one after the other on the calling thread. When wheels are
     * refused, the error is the one the sequential plan would give: that of the first refused wheel in plan order.
     */
    public static LayerPlan create(LayerLayout layout, Collection<LayerSource> sources, long wheelBudget,
                                   LayerTrim trim, Executor executor) {
        return create(layout, sources, trim, executor,
                source -> WheelArchive.open(source.wheel(), source.filename(), wheelBudget));
    }

    /**
     * As {@link #create(LayerLayout, Collection, long, LayerTrim, Executor)}, with each wheel's archive from
     * {@code opener}: a caller that opened (and checked) the wheels as they arrived hands those over, so that
     * opening (central directory, RECORD, METADATA: a good part of planning) overlapped its resolution. The plan
     * closes every archive it gets.
     */
    public static LayerPlan create(LayerLayout layout, Collection<LayerSource> sources, LayerTrim trim,
                                   Executor executor, Function<LayerSource, WheelArchive> opener) {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(trim, "trim");
        Objects.requireNonNull(opener, "opener");
        List<LayerSource> ordered = ordered(sources);
        List<CompletableFuture<Planned>> futures = new ArrayList<>();
        for (LayerSource source : ordered) {
            futures.add(executor == null ? planNow(source, layout, opener)
                    : CompletableFuture.supplyAsync(() -> Planned.of(source, layout, opener), executor));
        }
        List<WheelArchive> archives = new ArrayList<>();
        List<DistributionPlan> plans = new ArrayList<>();
        RuntimeException failure = null;
        for (CompletableFuture<Planned> future : futures) {
            try {
                Planned planned = future.join();
                archives.add(planned.archive());
                plans.add(planned.plan());
            } catch (CompletionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException runtime ? runtime : e;
                }
            }
        }
        if (failure != null) {
            archives.forEach(WheelArchive::close);
            throw failure;
        }
        try {
            LayerTrimmer.Result trimmed = LayerTrimmer.apply(layout, plans, trim);
            return merge(layout, archives, trimmed.plans(), trimmed.exclusions());
        } catch (RuntimeException e) {
            archives.forEach(WheelArchive::close);
            throw e;
        }
    }

    private static CompletableFuture<Planned> planNow(LayerSource source, LayerLayout layout,
                                                      Function<LayerSource, WheelArchive> opener) {
        try {
            return CompletableFuture.completedFuture(Planned.of(source, layout, opener));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new CompletionException(e));
        }
    }

    /** One wheel opened and planned; the archive is closed when planning fails. */
    private record Planned(WheelArchive archive, DistributionPlan plan) {
        static Planned of(LayerSource source, LayerLayout layout, Function<LayerSource, WheelArchive> opener) {
            WheelArchive archive = opener.apply(source);
            try {
                return new Planned(archive, DistributionPlan.of(archive, source.requested(), layout));
            } catch (RuntimeException e) {
                archive.close();
                throw e;
            }
        }
    }

    private static List<LayerSource> ordered(Collection<LayerSource> sources) {
        List<LayerSource> ordered = new ArrayList<>(sources);
        ordered.sort(Comparator.comparing((LayerSource source) -> source.filename().filename(), Utf8Order.INSTANCE)
                .thenComparing(source -> source.wheel().toString(), Utf8Order.INSTANCE));
        return ordered;
    }

    private static LayerPlan merge(LayerLayout layout, List<WheelArchive> archives, List<DistributionPlan> plans,
                                   List<Exclusion> exclusions) {
        SortedMap<String, LayerFile> files = new TreeMap<>(Utf8Order.INSTANCE);
        List<DistributionFacts> distributions = new ArrayList<>();
        String root = layout.sitePackages() + "/";
        for (DistributionPlan plan : plans) {
            distributions.add(plan.facts());
            for (LayerFile file : plan.files()) {
                String path = root + file.path();
                LayerFile earlier = files.putIfAbsent(path, file);
                if (earlier != null && !earlier.sameContent(file)) {
                    throw new PathConflictException(path, earlier.origin(), file.origin(),
                            "is installed with different content by two wheels");
                }
            }
        }
        SortedMap<String, String> directories = new TreeMap<>(Utf8Order.INSTANCE);
        for (Map.Entry<String, LayerFile> entry : files.entrySet()) {
            String path = entry.getKey();
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                directories.putIfAbsent(path.substring(0, slash + 1), entry.getValue().origin());
            }
        }
        for (Map.Entry<String, LayerFile> entry : files.entrySet()) {
            String folderUser = directories.get(entry.getKey() + "/");
            if (folderUser != null) {
                throw new PathConflictException(entry.getKey(), entry.getValue().origin(), folderUser,
                        "is a file in one wheel and a folder in another");
            }
        }
        distributions.sort(Comparator.comparing(DistributionFacts::name)
                .thenComparing(DistributionFacts::wheel, Utf8Order.INSTANCE));
        return new LayerPlan(layout, List.copyOf(archives), files, directories, List.copyOf(distributions),
                List.copyOf(plans), exclusions);
    }

    public LayerLayout layout() {
        return layout;
    }

    /** The distributions planned, sorted by name. */
    public List<DistributionFacts> distributions() {
        return distributions;
    }

    /** The sum of the sizes of the layer's files. */
    public long uncompressedSize() {
        return uncompressedSize;
    }

    /**
     * About the size of the zip {@link LayerZipWriter} writes from this plan: wheel entries are copied with their
     * compressed size, so only the generated files (RECORD, INSTALLER, launchers; small) are counted high.
     */
    public long zipSizeEstimate() {
        long size = ZipSize.END_RECORD;
        for (Map.Entry<String, LayerFile> entry : files.entrySet()) {
            size += ZipSize.of(entry.getKey(), entry.getValue());
        }
        for (String folder : directories.keySet()) {
            size += ZipSize.headers(folder);
        }
        return size;
    }

    /** What the {@link LayerTrim} this plan was created with left out, one entry per rule, in the order applied. */
    public List<Exclusion> exclusions() {
        return exclusions;
    }

    /**
     * What {@code more} would leave out of this plan on top of what it already leaves out, without changing it: the
     * savings an option not chosen would bring. Exclude globs that would remove a dist-info's METADATA, RECORD or
     * WHEEL throw {@link InvalidExcludeException} here too.
     */
    public List<Exclusion> preview(LayerTrim more) {
        return LayerTrimmer.apply(layout, plans, more).exclusions();
    }

    /**
     * The largest folders {@code depth} levels below site-packages ({@code botocore/data} at depth 2), largest first,
     * with the unzipped size of the files below each: where an {@code --exclude} would save the most.
     */
    public List<FolderSize> largestFolders(int depth, int limit) {
        Map<String, Long> sizes = new HashMap<>();
        String root = layout.sitePackages() + "/";
        for (Map.Entry<String, LayerFile> entry : files.entrySet()) {
            String path = entry.getKey().substring(root.length());
            int end = -1;
            for (int level = 0; level < depth && (end >= 0 || level == 0); level++) {
                end = path.indexOf('/', end + 1);
            }
            if (end > 0 && !SlimRules.isDistInfo(path)) {
                sizes.merge(path.substring(0, end), entry.getValue().size(), Long::sum);
            }
        }
        return sizes.entrySet().stream().map(entry -> new FolderSize(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingLong(FolderSize::bytes).reversed().thenComparing(FolderSize::path))
                .limit(limit).toList();
    }

    /** The number of files (folders not counted). */
    public int fileCount() {
        return files.size();
    }

    /** Every zip entry name the layer will have, folders with a trailing {@code /}, in the order written. */
    public List<String> entryNames() {
        SortedMap<String, Boolean> all = new TreeMap<>(Utf8Order.INSTANCE);
        files.keySet().forEach(name -> all.put(name, Boolean.TRUE));
        directories.keySet().forEach(name -> all.put(name, Boolean.FALSE));
        return List.copyOf(all.keySet());
    }

    /** What each planned file is, without its bytes: for checking a layer before it is written. */
    public interface FileVisitor {
        /** A file copied from the entry {@code entryName} of the wheel file {@code wheel} (its file name). */
        void copied(String zipPath, long size, long compressedSize, String wheel, String entryName);

        /** A file pylayer generates (INSTALLER, REQUESTED, RECORD, launchers, rewritten scripts). */
        void generated(String zipPath, byte[] content);
    }

    /** Shows every file to {@code visitor} in the order they will be written. */
    public void visitFiles(FileVisitor visitor) {
        for (Map.Entry<String, LayerFile> entry : files.entrySet()) {
            if (entry.getValue() instanceof LayerFile.Copied copied) {
                visitor.copied(entry.getKey(), copied.size(), copied.entry().compressedSize(), copied.origin(),
                        copied.entry().name());
            } else {
                visitor.generated(entry.getKey(), ((LayerFile.Generated) entry.getValue()).content());
            }
        }
    }

    SortedMap<String, LayerFile> files() {
        return files;
    }

    SortedMap<String, String> directories() {
        return directories;
    }

    @Override
    public void close() {
        for (WheelArchive archive : archives) {
            archive.close();
        }
    }
}
