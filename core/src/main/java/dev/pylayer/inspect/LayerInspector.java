package dev.pylayer.inspect;

import dev.pylayer.runtime.Architecture;
import dev.pylayer.runtime.LambdaRuntime;
import dev.pylayer.runtime.LambdaTarget;
import dev.pylayer.wheel.ContentSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Inspects a layer zip, from any builder (pylayer, pip, Docker), against a Lambda target without running Python.
 *
 * <pre>{@code
 * InspectionReport report = LayerInspector.inspect(Path.of("layer.zip"), target);
 * if (!report.willLoad()) { ... report.errors() ... }
 * }</pre>
 */
public final class LayerInspector {
    private final LayerScan.Limits limits;

    private LayerInspector(LayerScan.Limits limits) {
        this.limits = limits;
    }

    /** Inspects a layer for a known target: what {@code pylayer build} runs on its own output. */
    public static InspectionReport inspect(Path zip, LambdaTarget target) {
        Objects.requireNonNull(target, "target");
        return new LayerInspector(LayerScan.Limits.DEFAULT).run(zip, Optional.of(target.runtime()),
                Optional.of(target.architecture()));
    }

    /**
     * Inspects a layer for the runtime and architecture given; whichever is empty is inferred from the layer
     * ({@code python/lib/pythonX.Y/}, extension module names, ELF machines) or else the default.
     */
    public static InspectionReport inspect(Path zip, Optional<LambdaRuntime> runtime, Optional<Architecture> architecture) {
        return new LayerInspector(LayerScan.Limits.DEFAULT).run(zip, runtime, architecture);
    }

    /** With other scan limits: for tests of the spill-to-disk and read-budget paths. */
    static InspectionReport inspect(Path zip, LambdaTarget target, LayerScan.Limits limits) {
        return new LayerInspector(limits).run(zip, Optional.of(target.runtime()), Optional.of(target.architecture()));
    }

    /**
     * Collects what an inspection needs of a layer that is not written yet: {@code pylayer build} checks its plan
     * from what each wheel's content check saw ({@link WheelFacts}) and the files it generates, before writing.
     */
    public static Recording record() {
        return new Recording(LayerScan.Limits.DEFAULT);
    }

    /** The files of a planned layer, in zip order; see {@link #record()}. Not thread-safe. */
    public static final class Recording {
        private final LayerScan.Limits limits;
        private final List<LayerEntry> entries = new ArrayList<>();
        private final Map<String, byte[]> metadata = new HashMap<>();

        private Recording(LayerScan.Limits limits) {
            this.limits = limits;
        }

        /** A file whose inflated content the returned sink will be given. */
        public ContentSink file(String path, long size, long compressedSize) {
            boolean keep = LayerScan.isMetadata(path);
            LayerScan.EntryCapture capture = new LayerScan.EntryCapture(path, compressedSize, limits, keep);
            return capture.whenFinished((entry, kept) -> {
                entries.add(entry);
                if (keep && kept != null) {
                    metadata.put(path, kept);
                }
            });
        }

        /**
         * A file whose facts are already known: the wheel entry it is copied from, as {@link WheelFacts} saw it
         * when the wheel was checked. Returns false when the facts have no such entry.
         */
        public boolean copied(String path, long compressedSize, WheelFacts facts, String entryName) {
            Optional<LayerEntry> known = facts.entry(entryName);
            if (known.isEmpty()) {
                return false;
            }
            LayerEntry entry = known.get();
            entries.add(new LayerEntry(path, entry.size(), compressedSize, entry.sha256(), entry.format(), entry.elf(),
                    entry.elfError(), false, entry.readError()));
            if (LayerScan.isMetadata(path)) {
                facts.kept(entryName).ifPresent(content -> metadata.put(path, content));
            }
            return true;
        }

        /** A file given with its content (pylayer's generated files). */
        public void generated(String path, byte[] content) {
            ContentSink sink = file(path, content.length, content.length);
            sink.update(content, 0, content.length);
            sink.finish();
        }

        /**
         * Inspects the recorded layer for {@code target}.
         *
         * @param zip         how to name the layer in findings (the output it will become)
         * @param zippedBytes the zip's size
         */
        public InspectionReport inspect(Path zip, long zippedBytes, LambdaTarget target) {
            LayerScan scan = new LayerScan(zip, zippedBytes, entries, metadata, false, limits);
            return new LayerInspector(limits).run(scan, Optional.of(target.runtime()), Optional.of(target.architecture()));
        }
    }

    private InspectionReport run(Path zip, Optional<LambdaRuntime> runtime, Optional<Architecture> architecture) {
        Objects.requireNonNull(zip, "zip");
        return run(LayerScan.read(zip, limits), runtime, architecture);
    }

    private InspectionReport run(LayerScan scan, Optional<LambdaRuntime> runtime, Optional<Architecture> architecture) {
        Path zip = scan.zip();
        InspectedTarget inspected = TargetInference.infer(scan, runtime, architecture);
        RuntimeView view = new RuntimeView(inspected.target());
        List<InstalledDistribution> distributions = InstalledDistribution.find(scan);
        Map<String, InstalledDistribution> owners = new HashMap<>();
        for (InstalledDistribution distribution : distributions) {
            distribution.ownedEntries().forEach(entry -> owners.putIfAbsent(entry, distribution));
        }

        List<Finding> findings = new ArrayList<>(LayoutCheck.run(scan, view));
        ElfCheck elf = new ElfCheck(scan, view, owners).run();
        findings.addAll(elf.findings());
        findings.addAll(ExtensionCheck.run(scan, view, owners));
        DistributionCheck distributionCheck = new DistributionCheck(scan, view, elf.failed()).run(distributions);
        findings.addAll(distributionCheck.findings());
        LayerSizes sizes = SizeCheck.measure(scan, view, distributions);
        findings.addAll(SizeCheck.check(sizes, view));
        findings.sort(Comparator.comparing(Finding::severity)); // stable: zip order within a severity
        return new InspectionReport(zip, inspected, findings, sizes, distributionCheck.summaries(), elf.summaries());
    }
}
