package dev.pylayer.requirements;

import java.util.List;

/**
 * A line pip accepts but pylayer cannot honour: editable installs, local paths and bare URLs (pylayer installs
 * wheels found by name on an index), includes over HTTP, per-package release control, constraints pip's
 * resolver refuses.
 */
public final class UnsupportedRequirementException extends RequirementsFileException {
    UnsupportedRequirementException(String source, String message, List<String> hints) {
        super(source, message, hints, null);
    }
}
