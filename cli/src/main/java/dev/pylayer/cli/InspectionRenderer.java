package dev.pylayer.cli;

import dev.pylayer.inspect.Finding;
import dev.pylayer.inspect.FindingKind;
import dev.pylayer.inspect.InspectionReport;
import dev.pylayer.inspect.LayerSizes;
import dev.pylayer.inspect.Severity;
import dev.pylayer.inspect.SizeEntry;
import dev.pylayer.runtime.ByteSize;
import dev.pylayer.runtime.LambdaLimits;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The human-readable inspection: target, findings grouped by severity with hints, sizes, verdict. */
final class InspectionRenderer {
    /** Findings of one kind and severity shown before "… and N more" (all of them with --verbose). */
    static final int PER_KIND = 10;

    private final boolean verbose;

    InspectionRenderer(boolean verbose) {
        this.verbose = verbose;
    }

    void render(InspectionReport report, PrintWriter out) {
        out.println(report.layer().getFileName() + ": " + report.target().describe());
        out.println("  runtime " + report.inspected().runtimeBasis() + "; architecture "
                + report.inspected().architectureBasis());
        for (Severity severity : Severity.values()) {
            List<Finding> findings = report.findings(severity);
            if (findings.isEmpty()) {
                continue;
            }
            out.println();
            Map<FindingKind, Integer> shown = new LinkedHashMap<>();
            Map<FindingKind, Integer> hidden = new LinkedHashMap<>();
            for (Finding finding : findings) {
                int count = shown.merge(finding.kind(), 1, Integer::sum);
                if (!verbose && count > PER_KIND) {
                    hidden.merge(finding.kind(), 1, Integer::sum);
                    continue;
                }
                out.println(severity.label() + ": " + finding.message());
                out.println("  hint: " + finding.fix());
            }
            hidden.forEach((kind, count) -> out.println(severity.label() + ": … and " + count + " more `" + kind.code()
                    + "` " + (count == 1 ? "finding" : "findings") + " (--verbose or --json lists them all)"));
        }
        out.println();
        renderSizes(report.sizes(), out);
        out.println();
        int errors = report.errors().size();
        int warnings = report.warnings().size();
        out.println(report.distributions().size() + plural(report.distributions().size(), " distribution") + ", "
                + report.elfFiles().size() + plural(report.elfFiles().size(), " ELF file") + ": " + errors
                + plural(errors, " error") + ", " + warnings + plural(warnings, " warning"));
        out.println(report.willLoad() ? "will load on " + report.target() : "will NOT load on " + report.target());
    }

    private static void renderSizes(LayerSizes sizes, PrintWriter out) {
        out.println("sizes");
        out.printf(Locale.ROOT, "  %-10s %10s   of %s for a direct upload%n", "zipped", ByteSize.human(sizes.zippedBytes()),
                ByteSize.human(LambdaLimits.MAX_DIRECT_UPLOAD_BYTES));
        out.printf(Locale.ROOT, "  %-10s %10s   of %s for the function and all its layers (%s)%n", "unzipped",
                ByteSize.human(sizes.unzippedBytes()), ByteSize.human(LambdaLimits.MAX_UNZIPPED_BYTES),
                sizes.unzippedHeadroom() >= 0 ? ByteSize.human(sizes.unzippedHeadroom()) + " left"
                        : ByteSize.human(-sizes.unzippedHeadroom()) + " over");
        out.printf(Locale.ROOT, "  %-10s %10d%n", "files", sizes.files());
        table("largest packages", sizes.largestPackages(), out);
        table("largest folders", sizes.largestFolders(), out);
    }

    private static void table(String title, List<SizeEntry> entries, PrintWriter out) {
        if (entries.isEmpty()) {
            return;
        }
        out.println("  " + title);
        int width = entries.stream().mapToInt(entry -> entry.name().length()).max().orElse(0);
        for (SizeEntry entry : entries) {
            out.printf(Locale.ROOT, "    %-" + width + "s %10s %10s zipped %7d %s%n", entry.name(),
                    ByteSize.human(entry.unzippedBytes()), ByteSize.human(entry.zippedBytes()), entry.files(),
                    entry.files() == 1 ? "file" : "files");
        }
    }

    private static String plural(int count, String noun) {
        return count == 1 ? noun : noun + "s";
    }
}
