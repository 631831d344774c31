package dev.pylayer.inspect;

import dev.pylayer.runtime.LambdaTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The result of inspecting a layer: findings (errors first), sizes, the distributions and ELF files found.
 *
 * @param layer          the zip inspected
 * @param inspected      the target and where it came from
 * @param findings       every finding, errors first, then warnings, then infos, each group in zip order
 * @param sizes          zipped and unzipped sizes, the largest packages and folders
 * @param distributions  the importable distributions (by dist-info)
 * @param elfFiles       every ELF file in the layer
 */
public record InspectionReport(Path layer, InspectedTarget inspected, List<Finding> findings, LayerSizes sizes,
        List<DistributionSummary> distributions, List<ElfSummary> elfFiles) {

    public InspectionReport {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(inspected, "inspected");
        Objects.requireNonNull(sizes, "sizes");
        findings = List.copyOf(findings);
        distributions = List.copyOf(distributions);
        elfFiles = List.copyOf(elfFiles);
    }

    public LambdaTarget target() {
        return inspected.target();
    }

    /** True when no finding is an error: every file the target loads will load. */
    public boolean willLoad() {
        return errors().isEmpty();
    }

    public List<Finding> errors() {
        return findings(Severity.ERROR);
    }

    public List<Finding> warnings() {
        return findings(Severity.WARNING);
    }

    public List<Finding> findings(Severity severity) {
        return findings.stream().filter(finding -> finding.severity() == severity).toList();
    }

    /** Returns this report when the layer will load; otherwise throws, for builds that must not ship a broken layer. */
    public InspectionReport requireWillLoad() {
        if (!willLoad()) {
            throw new LayerWillNotLoadException(this);
        }
        return this;
    }
}
