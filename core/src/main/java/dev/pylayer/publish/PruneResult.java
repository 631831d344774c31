package dev.pylayer.publish;

import java.util.List;

/** What {@link LayerPublisher#prune} decided for each version of a layer, newest first. */
public record PruneResult(LayerName layer, int keep, boolean dryRun, List<VersionDecision> decisions) {

    public PruneResult {
        decisions = List.copyOf(decisions);
    }

    public enum Decision {
        /** Among the newest {@code keep} versions. */
        KEPT_NEWEST,
        /** Older, but used by one of the functions named. */
        KEPT_IN_USE,
        /** Deleted. */
        DELETED,
        /** Would be deleted (dry run). */
        WOULD_DELETE
    }

    /** One version and what happened to it; {@code usedBy} lists the named functions that use it. */
    public record VersionDecision(LayerVersionInfo version, Decision decision, List<String> usedBy) {
        public VersionDecision {
            usedBy = List.copyOf(usedBy);
        }
    }

    public List<LayerVersionInfo> deleted() {
        return decisions.stream().filter(d -> d.decision() == Decision.DELETED).map(VersionDecision::version).toList();
    }
}
