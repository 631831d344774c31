package dev.pylayer.inspect;

import dev.pylayer.runtime.Architecture;
import dev.pylayer.runtime.LambdaRuntime;
import dev.pylayer.runtime.LambdaTarget;
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

    private InspectionReport run(Path zip, Optional<LambdaRuntime> runtime, Optional<Architecture> architecture) {
        Objects.requireNonNull(zip, "zip");
        LayerScan scan = LayerScan.read(zip, limits);
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
