package dev.pylayer.resolve.engine;

import java.util.Map;
import java.util.Set;

/**
 * The outcome: one candidate per identifier reachable from the root requirements, the criteria behind them,
 * and for each identifier the identifiers that required it ({@code null} stands for the root).
 */
public record ResolutionResult<R, C, K>(Map<K, C> mapping, Map<K, Criterion<R, C>> criteria,
        Map<K, Set<K>> parents) {
}
