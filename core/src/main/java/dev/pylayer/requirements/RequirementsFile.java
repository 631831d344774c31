package dev.pylayer.requirements;

import dev.pylayer.name.PackageName;
import dev.pylayer.requirement.MarkerEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The requirements, constraints and index options of a pip requirements file and the files it includes,
 * read with the rules of pip 26's {@code req_file.py}: {@code #} comments (at the start of a line or after
 * whitespace), {@code \} continuations, {@code ${VAR}} expansion (upper-case names only, unset left as is),
 * {@code -r}/{@code -c} includes relative to the including file (cycles refused), {@code --hash} per line,
 * markers after {@code ;}.
 *
 * <p>Hash-checking mode is reported, not enforced, by {@link #parse}: pip decides which requirements need hashes
 * only once markers are evaluated for the target, so {@link #validateHashCheckingMode(MarkerEnvironment)}
 * checks the requirements that apply there. In that mode the resolver must also refuse any distribution,
 * dependencies included, without a hash here ({@link #hashesFor}).
 */
public final class RequirementsFile {
    private final List<RequirementLine> requirements;
    private final List<RequirementLine> constraints;
    private final String indexUrl;
    private final List<String> extraIndexUrls;
    private final List<String> findLinks;
    private final List<String> trustedHosts;
    private final boolean noIndex;
    private final boolean pre;
    private final boolean preferBinary;
    private final boolean requireHashes;
    private final boolean noRequireHashes;
    private final List<String> warnings;

    private RequirementsFile(Builder b) {
        this.requirements = List.copyOf(b.requirements);
        this.constraints = List.copyOf(b.constraints);
        this.indexUrl = b.indexUrl;
        this.extraIndexUrls = List.copyOf(b.extraIndexUrls);
        this.findLinks = List.copyOf(b.findLinks);
        this.trustedHosts = List.copyOf(b.trustedHosts);
        this.noIndex = b.noIndex;
        this.pre = b.pre;
        this.preferBinary = b.preferBinary;
        this.requireHashes = b.requireHashes;
        this.noRequireHashes = b.noRequireHashes;
        this.warnings = List.copyOf(b.warnings);
    }

    /** Reads {@code file} and its includes; {@code ${VAR}} from the process environment. */
    public static RequirementsFile parse(Path file) {
        return parse(List.of(file), System::getenv);
    }

    /**
     * Reads several files as pip reads several {@code -r} options: in order, into one result. {@code environment}
     * gives the values of {@code ${VAR}} (null for unset).
     */
    public static RequirementsFile parse(List<Path> files, UnaryOperator<String> environment) {
        Builder builder = new Builder();
        RequirementsFileReader reader = new RequirementsFileReader(builder, environment);
        for (Path file : files) {
            Map<Path, String> chain = new HashMap<>();
            chain.put(RequirementsFileReader.identity(file), null);
            reader.readFile(file, false, chain, null);
        }
        return builder.build();
    }

    /**
     * Reads {@code content} as if it were the file at {@code location}: includes and find-links resolve against
     * its folder, messages name it. {@code environment} gives {@code ${VAR}} values (null for unset).
     */
    public static RequirementsFile parse(String content, Path location, UnaryOperator<String> environment) {
        Objects.requireNonNull(content, "content");
        Builder builder = new Builder();
        Map<Path, String> chain = new HashMap<>();
        chain.put(RequirementsFileReader.identity(location), null);
        new RequirementsFileReader(builder, environment).readContent(content, location, false, chain);
        return builder.build();
    }

    /** {@link #parse(String, Path, UnaryOperator)} with no environment variables set. */
    public static RequirementsFile parse(String content, Path location) {
        return parse(content, location, name -> null);
    }

    /** The requirements in file order, includes expanded in place. */
    public List<RequirementLine> requirements() {
        return requirements;
    }

    /** The requirements of {@code -c} files: they limit versions but do not ask for installs. */
    public List<RequirementLine> constraints() {
        return constraints;
    }

    /** The last {@code -i}/{@code --index-url}; in pip it replaces earlier and command-line index URLs. */
    public Optional<String> indexUrl() {
        return Optional.ofNullable(indexUrl);
    }

    public List<String> extraIndexUrls() {
        return extraIndexUrls;
    }

    /** {@code -f}/{@code --find-links} values; relative paths resolved against their file when they exist there. */
    public List<String> findLinks() {
        return findLinks;
    }

    public List<String> trustedHosts() {
        return trustedHosts;
    }

    public boolean noIndex() {
        return noIndex;
    }

    /** {@code --pre}: pre-releases allowed for every project. */
    public boolean pre() {
        return pre;
    }

    public boolean preferBinary() {
        return preferBinary;
    }

    /** Whether a file says {@code --require-hashes}. */
    public boolean requireHashes() {
        return requireHashes;
    }

    /**
     * pip's hash-checking mode: {@code --require-hashes}, or any requirement or constraint with {@code --hash}
     * unless {@code --no-require-hashes} says otherwise.
     */
    public boolean hashCheckingMode() {
        if (requireHashes) {
            return true;
        }
        return !noRequireHashes && (requirements.stream().anyMatch(line -> !line.hashes().isEmpty())
                || constraints.stream().anyMatch(line -> !line.hashes().isEmpty()));
    }

    /** Things pip would accept that pylayer ignores or pip itself ignores, one line each, {@code file:line:} first. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The hashes a distribution of {@code name} must match: from its requirement lines and, as pip intersects
     * them, its constraint lines (when both give hashes, only those in both). Empty: no hashes given.
     */
    public Set<Hash> hashesFor(PackageName name) {
        Set<Hash> required = hashesOf(requirements, name);
        Set<Hash> constrained = hashesOf(constraints, name);
        if (required.isEmpty() || constrained.isEmpty()) {
            return required.isEmpty() ? constrained : required;
        }
        Set<Hash> both = new LinkedHashSet<>(required);
        both.retainAll(constrained);
        return Set.copyOf(both);
    }

    private static Set<Hash> hashesOf(List<RequirementLine> lines, PackageName name) {
        Set<Hash> hashes = new LinkedHashSet<>();
        for (RequirementLine line : lines) {
            if (line.requirement().name().equals(name)) {
                hashes.addAll(line.hashes());
            }
        }
        return hashes;
    }

    /**
     * In hash-checking mode, checks pip's rules for the requirements that apply in {@code environment} (markers
     * evaluated with no extra): each needs hashes (its own or a constraint's), and one without a URL needs a
     * {@code ==}/{@code ===} pin unless its hashes come from a constraint. Throws {@link HashCheckingException}
     * naming every offender. Does nothing outside hash-checking mode.
     */
    public void validateHashCheckingMode(MarkerEnvironment environment) {
        Objects.requireNonNull(environment, "environment");
        if (!hashCheckingMode()) {
            return;
        }
        List<RequirementLine> missing = new ArrayList<>();
        List<RequirementLine> unpinned = new ArrayList<>();
        for (RequirementLine line : requirements) {
            if (!line.requirement().appliesTo(environment, List.of())) {
                continue;
            }
            boolean fromConstraint = line.hashes().isEmpty()
                    && !hashesOf(constraints, line.requirement().name()).isEmpty();
            if (line.hashes().isEmpty() && !fromConstraint) {
                missing.add(line);
            } else if (!fromConstraint && line.requirement().url().isEmpty() && !line.isPinned()) {
                unpinned.add(line);
            }
        }
        if (missing.isEmpty() && unpinned.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("hash-checking mode is on");
        message.append(requireHashes ? " (--require-hashes)" : " (some requirements have --hash)");
        if (!missing.isEmpty()) {
            message.append(", and these requirements have no --hash:");
            missing.forEach(line -> message.append("\n    ").append(line.source()).append(": ").append(line.requirement()));
        }
        if (!unpinned.isEmpty()) {
            message.append(missing.isEmpty() ? ", and" : "\nand").append(" these are not pinned with ==:");
            unpinned.forEach(line -> message.append("\n    ").append(line.source()).append(": ").append(line.requirement()));
        }
        List<RequirementLine> offending = new ArrayList<>(missing);
        offending.addAll(unpinned);
        throw new HashCheckingException(message.toString(), offending, List.of(
                "give every requirement `==version` and `--hash=sha256:…` (pip-compile --generate-hashes writes"
                        + " such files), or remove all --hash options",
                "`--no-require-hashes` in the file keeps the hashes given but stops requiring them everywhere"));
    }

    /** What the reader collects; mutable while one file set is read. */
    static final class Builder {
        final List<RequirementLine> requirements = new ArrayList<>();
        final List<RequirementLine> constraints = new ArrayList<>();
        final List<String> extraIndexUrls = new ArrayList<>();
        final List<String> findLinks = new ArrayList<>();
        final List<String> trustedHosts = new ArrayList<>();
        final Map<String, Boolean> seenWarnings = new LinkedHashMap<>();
        final List<String> warnings = new ArrayList<>();
        String indexUrl;
        boolean noIndex;
        boolean pre;
        boolean preferBinary;
        boolean requireHashes;
        boolean noRequireHashes;

        void warn(String warning) {
            if (seenWarnings.put(warning, Boolean.TRUE) == null) {
                warnings.add(warning);
            }
        }

        RequirementsFile build() {
            if (requireHashes && noRequireHashes) {
                throw new RequirementsFileSyntaxException(null, "--require-hashes and --no-require-hashes are"
                        + " mutually exclusive", List.of("keep one of them"));
            }
            return new RequirementsFile(this);
        }
    }
}
