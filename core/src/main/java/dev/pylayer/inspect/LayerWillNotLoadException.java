package dev.pylayer.inspect;

import java.util.ArrayList;
import java.util.List;

/** A layer with error findings: what {@code pylayer build} raises instead of writing it. */
public final class LayerWillNotLoadException extends InspectException {
    private final InspectionReport report;

    public LayerWillNotLoadException(InspectionReport report) {
        super("layer `" + report.layer().getFileName() + "` will not load on " + report.target().describe() + ": "
                + report.errors().size() + (report.errors().size() == 1 ? " problem" : " problems"), hints(report), null);
        this.report = report;
    }

    private static List<String> hints(InspectionReport report) {
        List<String> hints = new ArrayList<>();
        for (Finding error : report.errors()) {
            hints.add(error.message() + " (" + error.fix() + ")");
        }
        return hints;
    }

    /** The full inspection, for rendering every finding. */
    public InspectionReport report() {
        return report;
    }
}
