package dev.pylayer.resolve.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step of the resolution: resolvelib's {@code State} named tuple ({@code structs.py}) of pins
 * ({@code mapping}), {@code criteria} and {@code backtrack_causes}. The resolver keeps a stack of these and
 * changes only the top one; {@link #copy()} is {@code _push_new_state}'s shallow copy.
 */
final class ResolutionState<R, C, K> implements ResolutionView<R, C, K> {
    final LinkedHashMap<K, C> mapping;
    final LinkedHashMap<K, Criterion<R, C>> criteria;
    List<RequirementInformation<R, C>> backtrackCauses;

    ResolutionState(LinkedHashMap<K, C> mapping, LinkedHashMap<K, Criterion<R, C>> criteria,
            List<RequirementInformation<R, C>> backtrackCauses) {
        this.mapping = mapping;
        this.criteria = criteria;
        this.backtrackCauses = backtrackCauses;
    }

    ResolutionState<R, C, K> copy() {
        return new ResolutionState<>(new LinkedHashMap<>(mapping), new LinkedHashMap<>(criteria),
                new ArrayList<>(backtrackCauses));
    }

    /** Python's {@code dict.popitem()}: removes and returns the most recently inserted pin. */
    Map.Entry<K, C> popLastPin() {
        Map.Entry<K, C> last = null;
        for (Map.Entry<K, C> entry : mapping.entrySet()) {
            last = entry;
        }
        if (last == null) {
            return null;
        }
        Map.Entry<K, C> popped = Map.entry(last.getKey(), last.getValue());
        mapping.remove(last.getKey());
        return popped;
    }

    @Override
    public Map<K, C> resolutions() {
        return Collections.unmodifiableMap(mapping);
    }

    @Override
    public Map<K, Criterion<R, C>> criteria() {
        return Collections.unmodifiableMap(criteria);
    }

    @Override
    public List<RequirementInformation<R, C>> backtrackCauses() {
        return Collections.unmodifiableList(backtrackCauses);
    }
}
