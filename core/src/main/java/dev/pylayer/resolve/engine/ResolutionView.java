package dev.pylayer.resolve.engine;

import java.util.List;
import java.util.Map;

/** A read-only view of the resolution state, given to {@link ResolutionProvider#select}. */
public interface ResolutionView<R, C, K> {
    /** Current pins. */
    Map<K, C> resolutions();

    /** Current criteria per identifier. */
    Map<K, Criterion<R, C>> criteria();

    /** The requirement information that caused the latest backtrack. */
    List<RequirementInformation<R, C>> backtrackCauses();
}
