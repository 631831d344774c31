package dev.pylayer.resolve.engine;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * resolvelib's {@code _build_result} with {@code _has_route_to_root}: turns the final state into the result,
 * keeping only pins reachable from the root requirements, with the identifiers that required each.
 */
final class ResultGraph {
    private ResultGraph() {
    }

    /** Keeps only pins reachable from the root, with who required each (resolvelib's _build_result). */
    static <R, C, K> ResolutionResult<R, C, K> build(ResolutionState<R, C, K> state) {
        Map<C, K> keyOfPin = new HashMap<>();
        for (Map.Entry<K, C> entry : state.mapping.entrySet()) {
            keyOfPin.put(entry.getValue(), entry.getKey());
        }
        Set<K> connected = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<K, Criterion<R, C>> entry : state.criteria.entrySet()) {
                if (connected.contains(entry.getKey())) {
                    continue;
                }
                for (RequirementInformation<R, C> information : entry.getValue().information()) {
                    C parent = information.parent();
                    if (parent == null || (keyOfPin.containsKey(parent) && connected.contains(keyOfPin.get(parent)))) {
                        connected.add(entry.getKey());
                        grew = true;
                        break;
                    }
                }
            }
        }
        Map<K, C> mapping = new LinkedHashMap<>();
        Map<K, Set<K>> parents = new LinkedHashMap<>();
        for (Map.Entry<K, C> entry : state.mapping.entrySet()) {
            if (!connected.contains(entry.getKey())) {
                continue;
            }
            mapping.put(entry.getKey(), entry.getValue());
            Set<K> parentKeys = new LinkedHashSet<>();
            Criterion<R, C> criterion = state.criteria.get(entry.getKey());
            if (criterion != null) {
                for (RequirementInformation<R, C> information : criterion.information()) {
                    C parent = information.parent();
                    if (parent == null) {
                        parentKeys.add(null);
                    } else if (keyOfPin.containsKey(parent)) {
                        parentKeys.add(keyOfPin.get(parent));
                    }
                }
            }
            parents.put(entry.getKey(), Collections.unmodifiableSet(parentKeys));
        }
        return new ResolutionResult<>(Collections.unmodifiableMap(mapping),
                Collections.unmodifiableMap(new LinkedHashMap<>(state.criteria)),
                Collections.unmodifiableMap(parents));
    }
}
