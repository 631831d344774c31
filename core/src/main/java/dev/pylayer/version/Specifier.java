package dev.pylayer.version;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PEP 440 version clause such as {@code >=1.2}, {@code ==1.4.*}, {@code ~=2.0} or {@code ===foo}, with
 * the matching rules of {@code packaging.specifiers.Specifier} (including its pre-release, post-release and
 * local-version exclusions for {@code <} and {@code >}).
 */
public final class Specifier {
    private static final Pattern CLAUSE = Pattern.compile("^\\s*(===|~=|==|!=|<=|>=|<|>)\\s*(.*?)\\s*$");
    /** What may follow {@code ===}: anything but whitespace, {@code ;} and {@code )}. */
    private static final Pattern ARBITRARY = Pattern.compile("[^\\s;)]*");

    /** The comparison operators. */
    public enum Operator {
        COMPATIBLE("~="), EQUAL("=="), NOT_EQUAL("!="), LESS_EQUAL("<="), GREATER_EQUAL(">="),
        LESS("<"), GREATER(">"), ARBITRARY_EQUAL("===");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        static Operator of(String symbol) {
            for (Operator operator : values()) {
                if (operator.symbol.equals(symbol)) {
                    return operator;
                }
            }
            throw new IllegalArgumentException(symbol);
        }
    }

    private final Operator operator;
    private final String versionText;
    /** The parsed version; null for {@code ===} on a non-PEP 440 string. */
    private final Version version;
    private final boolean wildcard;

    private Specifier(Operator operator, String versionText, Version version, boolean wildcard) {
        this.operator = operator;
        this.versionText = versionText;
        this.version = version;
        this.wildcard = wildcard;
    }

    /** Parses one clause; throws {@link InvalidSpecifierException}. */
    public static Specifier parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = CLAUSE.matcher(text);
        if (!m.matches()) {
            throw new InvalidSpecifierException(text, "it needs an operator (~=, ==, !=, <=, >=, <, >, ===) and a version");
        }
        Operator operator = Operator.of(m.group(1));
        String versionText = m.group(2);
        if (operator == Operator.ARBITRARY_EQUAL) {
            if (!ARBITRARY.matcher(versionText).matches()) {
                throw new InvalidSpecifierException(text, "`===` takes one word");
            }
            return new Specifier(operator, versionText, Version.tryParse(versionText).orElse(null), false);
        }
        if (versionText.isEmpty()) {
            throw new InvalidSpecifierException(text, "the version is missing");
        }
        boolean wildcard = versionText.endsWith(".*");
        String bare = wildcard ? versionText.substring(0, versionText.length() - 2) : versionText;
        if (bare.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidSpecifierException(text, "the version has spaces in it");
        }
        Version version;
        try {
            version = Version.parse(bare);
        } catch (InvalidVersionException e) {
            throw new InvalidSpecifierException(text, "`" + bare + "` is not a PEP 440 version");
        }
        if (wildcard) {
            if (operator != Operator.EQUAL && operator != Operator.NOT_EQUAL) {
                throw new InvalidSpecifierException(text, "a `.*` suffix is allowed only with == and !=");
            }
            if (version.pre().isPresent() || version.isPostrelease() || version.isDevrelease() || version.isLocal()) {
                throw new InvalidSpecifierException(text, "a `.*` prefix may hold only an epoch and release numbers");
            }
        } else if (version.isLocal() && operator != Operator.EQUAL && operator != Operator.NOT_EQUAL) {
            throw new InvalidSpecifierException(text, "local versions (+…) are allowed only with == and !=");
        }
        if (operator == Operator.COMPATIBLE && version.releaseSize() < 2) {
            throw new InvalidSpecifierException(text, "~= needs at least two release numbers, e.g. ~=1.4");
        }
        return new Specifier(operator, versionText, version, wildcard);
    }

    public Operator operator() {
        return operator;
    }

    /** The version as written after the operator (with any {@code .*}). */
    public String versionText() {
        return versionText;
    }

    /** Whether this is a {@code ==X.*} or {@code !=X.*} prefix match. */
    public boolean isWildcard() {
        return wildcard;
    }

    /**
     * Whether the clause itself asks for pre-releases (packaging's {@code Specifier.prereleases}): its
     * version is a pre-release, except for {@code !=} and wildcards; unknown (false) for arbitrary strings.
     */
    public boolean impliesPrereleases() {
        if (operator == Operator.NOT_EQUAL || wildcard || version == null) {
            return false;
        }
        return version.isPrerelease();
    }

    /**
     * Whether {@code candidate} matches. As in packaging 26, a lone version is judged by the operator alone:
     * PEP 440's "pre-releases only if necessary" rule needs the other candidates, so it lives in
     * {@link SpecifierSet#filter}, not here.
     */
    public boolean contains(Version candidate) {
        return matches(candidate);
    }

    /** Whether {@code candidate} matches; pre-releases are rejected unless {@code allowPrereleases}. */
    public boolean contains(Version candidate, boolean allowPrereleases) {
        if (candidate.isPrerelease() && !allowPrereleases) {
            return false;
        }
        return matches(candidate);
    }

    /** The operator's rule alone, pre-release policy aside. */
    boolean matches(Version candidate) {
        switch (operator) {
            case ARBITRARY_EQUAL:
                return candidate.toString().toLowerCase(Locale.ROOT).equals(versionText.toLowerCase(Locale.ROOT));
            case EQUAL:
                return equalMatch(candidate);
            case NOT_EQUAL:
                return !equalMatch(candidate);
            case COMPATIBLE:
                return candidate.publicVersion().compareTo(version) >= 0 && prefixMatch(candidate, version.releaseSize() - 1);
            case LESS_EQUAL:
                return candidate.publicVersion().compareTo(version) <= 0;
            case GREATER_EQUAL:
                return candidate.publicVersion().compareTo(version) >= 0;
            case LESS:
                return lessThan(candidate);
            case GREATER:
                return greaterThan(candidate);
            default:
                throw new AssertionError(operator);
        }
    }

    private boolean equalMatch(Version candidate) {
        if (wildcard) {
            return prefixMatch(candidate, version.releaseSize());
        }
        // Without a local label in the specifier, the candidate's local label is ignored (PEP 440).
        Version compared = version.isLocal() ? candidate : candidate.publicVersion();
        return compared.equals(version);
    }

    /** Epoch equal and the first {@code length} release numbers equal, zero-padding the candidate. */
    private boolean prefixMatch(Version candidate, int length) {
        if (candidate.epoch() != version.epoch()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (candidate.releasePart(i) != version.releasePart(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean lessThan(Version candidate) {
        if (candidate.compareTo(version) >= 0) {
            return false;
        }
        // <V excludes pre-releases of V itself unless V is one (PEP 440).
        return version.isPrerelease() || !candidate.isPrerelease()
                || !candidate.baseVersion().equals(version.baseVersion());
    }

    private boolean greaterThan(Version candidate) {
        if (candidate.compareTo(version) <= 0) {
            return false;
        }
        // >V excludes post-releases of V unless V is one, and local versions of V (PEP 440).
        if (!version.isPostrelease() && candidate.isPostrelease()
                && candidate.baseVersion().equals(version.baseVersion())) {
            return false;
        }
        return !candidate.isLocal() || !candidate.baseVersion().equals(version.baseVersion());
    }

    @Override
    public String toString() {
        return operator.symbol() + versionText;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Specifier that && operator == that.operator && canonical().equals(that.canonical());
    }

    @Override
    public int hashCode() {
        return Objects.hash(operator, canonical());
    }

    private String canonical() {
        if (version == null) {
            return versionText.toLowerCase(Locale.ROOT);
        }
        return wildcard ? version + ".*" : version.toString();
    }
}
