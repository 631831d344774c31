package dev.pylayer.layer;

import dev.pylayer.name.PackageName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to leave out of a layer to make it smaller, applied to the plan before anything is written (see
 * {@link LayerPlan#create(LayerLayout, Collection, LayerTrim)}), in this order:
 *
 * @param distributions whole distributions to leave out, dist-info included (the ones the Lambda runtime ships)
 * @param excludes      globs over paths relative to site-packages; each file is counted against the first that
 *                      matches it
 * @param slim          {@code __pycache__}, {@code *.pyc}/{@code *.pyo} and the test suites of packages (see
 *                      {@link SlimRules})
 * @param slimStubs     {@code *.pyi} type stubs
 */
public record LayerTrim(Set<PackageName> distributions, List<PathGlob> excludes, boolean slim, boolean slimStubs) {
    /** Nothing left out. */
    public static final LayerTrim NONE = new LayerTrim(Set.of(), List.of(), false, false);

    public LayerTrim {
        distributions = Set.copyOf(Objects.requireNonNull(distributions, "distributions"));
        excludes = List.copyOf(excludes);
    }

    public LayerTrim withDistributions(Collection<PackageName> names) {
        return new LayerTrim(Set.copyOf(names), excludes, slim, slimStubs);
    }

    public LayerTrim withExcludes(Collection<PathGlob> globs) {
        return new LayerTrim(distributions, new ArrayList<>(globs), slim, slimStubs);
    }

    public LayerTrim withSlim(boolean value) {
        return new LayerTrim(distributions, excludes, value, slimStubs);
    }

    public LayerTrim withSlimStubs(boolean value) {
        return new LayerTrim(distributions, excludes, slim, value);
    }

    /** Whether this leaves nothing out. */
    public boolean isEmpty() {
        return distributions.isEmpty() && excludes.isEmpty() && !slim && !slimStubs;
    }
}
