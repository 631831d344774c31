package dev.pylayer.api;

import java.util.List;
import java.util.Objects;

/**
 * What a build's size options left out of the layer.
 *
 * @param packages distributions resolved (and downloaded) but left out whole, sorted by name: the ones the Lambda
 *                 runtime ships, with {@code --exclude-runtime-provided}
 * @param rules    one entry per option that applied, in the order applied, each with the files it left out
 */
public record Excluded(List<BuiltPackage> packages, List<Rule> rules) {
    /** Nothing left out. */
    public static final Excluded NONE = new Excluded(List.of(), List.of());

    /**
     * One option's share.
     *
     * @param name    {@code runtime-provided}, {@code exclude}, {@code slim} or {@code slim-stubs}
     * @param pattern the glob, for {@code exclude}; empty otherwise
     * @param files   the files left out
     * @param bytes   their size unzipped
     */
    public record Rule(String name, String pattern, int files, long bytes) {
        public Rule {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(pattern, "pattern");
        }
    }

    public Excluded {
        packages = List.copyOf(packages);
        rules = List.copyOf(rules);
    }

    /** All files left out. */
    public int files() {
        return rules.stream().mapToInt(Rule::files).sum();
    }

    /** Their size unzipped: what the options saved. */
    public long bytes() {
        return rules.stream().mapToLong(Rule::bytes).sum();
    }
}
