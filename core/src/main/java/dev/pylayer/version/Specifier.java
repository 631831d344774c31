package dev.pylayer.version;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PEP 440 version clause such as {@code >=1.2}, {@code ==1.4.*}, {@code ~=2.0} or {@code ===foo}, with
 * the matching rules of {@code packaging.specifiers.Specifier} (including its pre-release, post-release and
 * local-version exclusions for {@code <} and {@code >}).
 */
public final class Specifier {
    private static final String SPACE = PythonText.SPACE;
    private static final String RELEASE = "v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*";
    private static final String PRE = "(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)?";
    private static final String POST = "(?:(?:-[0-9]+)|(?:[-_.]?(?:post|rev|r)[-_.]?[0-9]*))?";
    private static final String DEV = "(?:[-_.]?dev[-_.]?[0-9]*)?";
    private static final String LOCAL = "(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?";
    /** packaging 26.2's {@code Specifier._regex}, branch by branch. */
    private static final String CLAUSE = "(?:"
            // === takes anything but whitespace, `;` (a marker follows) and `)` (the specifier may be wrapped).
            + "(?:===" + SPACE + "*[^\\t\\n\\x0B\\f\\r\\x1C-\\x1F\\x85\\p{Z};)]*)"
            // == and != allow a trailing .* or a local label.
            + "|(?:(?:==|!=)" + SPACE + "*" + RELEASE + "(?:\\.\\*|" + PRE + POST + DEV + LOCAL + ")?)"
            // ~= needs two release numbers.
            + "|(?:~=" + SPACE + "*v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)+" + PRE + POST + DEV + ")"
            + "|(?:(?:<=|>=|<|>)" + SPACE + "*" + RELEASE + PRE + POST + DEV + ")"
            + ")";
    private static final Pattern GRAMMAR = Pattern.compile(SPACE + "*" + CLAUSE + SPACE + "*", Pattern.CASE_INSENSITIVE);
    /** The clause alone, as packaging's PEP 508 tokenizer reads a SPECIFIER token. */
    private static final Pattern TOKEN = Pattern.compile(CLAUSE, Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER_THEN_PRE = Pattern.compile("([0-9]+)((?:a|b|c|rc)[0-9]+)");
    private static final Pattern OPERATOR = Pattern.compile("===|~=|==|!=|<=|>=|<|>");

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
    /** For {@code ==P.*}, {@code !=P.*} and {@code ~=}: the split prefix a candidate must start with. */
    private final List<String> prefix;

    private Specifier(Operator operator, String versionText, Version version, boolean wildcard) {
        this.operator = operator;
        this.versionText = versionText;
        this.version = version;
        this.wildcard = wildcard;
        if (wildcard) {
            this.prefix = wildcardSplit(versionText.substring(0, versionText.length() - 2));
        } else {
            this.prefix = operator == Operator.COMPATIBLE ? compatiblePrefix(versionText) : List.of();
        }
    }

    /** Parses one clause; throws {@link InvalidSpecifierException}. */
    public static Specifier parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!GRAMMAR.matcher(text).matches()) {
            throw new InvalidSpecifierException(text, reason(text));
        }
        String clause = PythonText.strip(text);
        Matcher op = OPERATOR.matcher(clause);
        if (!op.lookingAt()) {
            throw new AssertionError(clause); // the grammar starts every clause with an operator
        }
        Operator operator = Operator.of(op.group());
        String versionText = PythonText.strip(clause.substring(op.end()));
        if (operator == Operator.ARBITRARY_EQUAL) {
            return new Specifier(operator, versionText, Version.tryParse(versionText).orElse(null), false);
        }
        boolean wildcard = versionText.endsWith(".*");
        String bare = wildcard ? versionText.substring(0, versionText.length() - 2) : versionText;
        Version version = Version.tryParse(bare)
                .orElseThrow(() -> new InvalidSpecifierException(text, "`" + bare + "` is not a PEP 440 version"));
        return new Specifier(operator, versionText, version, wildcard);
    }

    /**
     * The length of the clause that starts at {@code start} in {@code text}, or -1 if none does: how PEP 508's
     * grammar (packaging's SPECIFIER token) reads {@code name >=1.0, <2 ; marker}. No surrounding whitespace.
     */
    public static int clauseLength(CharSequence text, int start) {
        Matcher m = TOKEN.matcher(text);
        m.region(start, text.length());
        return m.lookingAt() ? m.end() - start : -1;
    }

    /** Why text the grammar refused is wrong, for the message: the first rule it breaks. */
    private static String reason(String text) {
        String clause = PythonText.strip(text);
        Matcher op = OPERATOR.matcher(clause);
        if (!op.lookingAt()) {
            return "it needs an operator (~=, ==, !=, <=, >=, <, >, ===) before the version";
        }
        Operator operator = Operator.of(op.group());
        String versionText = PythonText.strip(clause.substring(op.end()));
        if (operator == Operator.ARBITRARY_EQUAL) {
            return "`===` takes one word, without spaces, `;` or `)`";
        }
        if (versionText.isEmpty()) {
            return "the version is missing";
        }
        boolean wildcard = versionText.endsWith(".*");
        String bare = wildcard ? versionText.substring(0, versionText.length() - 2) : versionText;
        Optional<Version> version = Version.tryParse(bare);
        if (version.isEmpty()) {
            return "`" + bare + "` is not a PEP 440 version";
        }
        if (wildcard && operator != Operator.EQUAL && operator != Operator.NOT_EQUAL) {
            return "a `.*` suffix is allowed only with == and !=";
        }
        if (wildcard) {
            return "a `.*` prefix may hold only an epoch and release numbers";
        }
        if (version.get().isLocal() && operator != Operator.EQUAL && operator != Operator.NOT_EQUAL) {
            return "local versions (+…) are allowed only with == and !=";
        }
        if (operator == Operator.COMPATIBLE && version.get().releaseSize() < 2) {
            return "~= needs at least two release numbers, e.g. ~=1.4";
        }
        return "the version has spaces in it";
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

    /**
     * packaging's {@code Specifier.contains} on a string, which marker evaluation uses: {@code ===} compares the
     * text as written (case-insensitively); the other operators parse it, and text that is no PEP 440 version
     * matches nothing.
     */
    public boolean containsText(String text, boolean allowPrereleases) {
        Objects.requireNonNull(text, "text");
        Optional<Version> candidate = Version.tryParse(text);
        if (operator == Operator.ARBITRARY_EQUAL) {
            boolean same = text.toLowerCase(Locale.ROOT).equals(versionText.toLowerCase(Locale.ROOT));
            return same && (candidate.isEmpty() || allowPrereleases || !candidate.get().isPrerelease());
        }
        return candidate.isPresent() && contains(candidate.get(), allowPrereleases);
    }

    /** The operator's rule alone, pre-release policy aside (packaging's {@code _compare_*} methods). */
    boolean matches(Version candidate) {
        switch (operator) {
            case ARBITRARY_EQUAL:
                return candidate.toString().toLowerCase(Locale.ROOT).equals(versionText.toLowerCase(Locale.ROOT));
            case EQUAL:
                return equalMatch(candidate);
            case NOT_EQUAL:
                return !equalMatch(candidate);
            case COMPATIBLE:
                // ~=2.2.3 is >=2.2.3 with ==2.2.*: every release number but the last must match.
                return candidate.publicVersion().compareTo(version) >= 0 && prefixMatch(candidate, prefix);
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
            return prefixMatch(candidate, prefix);
        }
        // Without a local label in the specifier, the candidate's local label is ignored (PEP 440).
        Version compared = version.isLocal() ? candidate : candidate.publicVersion();
        return compared.equals(version);
    }

    /**
     * packaging's {@code _compare_equal} for {@code ==P.*}: the candidate's public version, split into epoch,
     * release numbers and suffixes and zero-padded, must start with the split of {@code P}. Done on strings as
     * packaging does, so that its treatment of odd spellings (see {@link #compatiblePrefix}) carries over.
     */
    private boolean prefixMatch(Version candidate, List<String> prefix) {
        List<String> split = versionSplit(candidate.publicVersion().toString());
        int numeric = numericPrefixLength(split);
        int target = numericPrefixLength(prefix);
        if (numeric < target) {
            List<String> padded = new ArrayList<>(split.subList(0, numeric));
            padded.addAll(Collections.nCopies(target - numeric, "0"));
            padded.addAll(split.subList(numeric, split.size()));
            split = padded;
        }
        return split.size() >= prefix.size() && split.subList(0, prefix.size()).equals(prefix);
    }

    /**
     * The prefix {@code ~=V} implies, computed from the text of {@code V} as packaging does: split it, keep the
     * parts before the first suffix ({@code dev}, {@code a}, {@code b}, {@code rc}, {@code post}, matched
     * case-sensitively), drop the last. {@code ~=1.4.5rc1} gives {@code 1.4}. Spellings packaging does not
     * split ({@code ~=v1.4}, {@code ~=1.4.POST1}) give the prefix packaging computes, quirks included.
     */
    private static List<String> compatiblePrefix(String versionText) {
        List<String> parts = new ArrayList<>();
        for (String part : versionSplit(versionText)) {
            if (part.startsWith("dev") || part.startsWith("a") || part.startsWith("b") || part.startsWith("rc")
                    || part.startsWith("post")) {
                break;
            }
            parts.add(part);
        }
        parts.remove(parts.size() - 1);
        return wildcardSplit(parts.get(0) + "!" + String.join(".", parts.subList(1, parts.size())));
    }

    /** packaging's {@code _get_wildcard_split}: the split of the canonical form of the text before {@code .*}. */
    private static List<String> wildcardSplit(String prefix) {
        return versionSplit(Version.tryParse(prefix).map(Version::toString).orElse(prefix));
    }

    /** packaging's {@code _version_split}: epoch (default 0), then the dot-separated parts, {@code 1rc2} as two. */
    private static List<String> versionSplit(String text) {
        List<String> result = new ArrayList<>();
        int bang = text.lastIndexOf('!');
        result.add(bang <= 0 ? "0" : text.substring(0, bang));
        for (String item : text.substring(bang + 1).split("\\.", -1)) {
            Matcher m = NUMBER_THEN_PRE.matcher(item);
            if (m.matches()) {
                result.add(m.group(1));
                result.add(m.group(2));
            } else {
                result.add(item);
            }
        }
        return result;
    }

    private static int numericPrefixLength(List<String> split) {
        int count = 0;
        for (String part : split) {
            if (part.isEmpty() || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                break;
            }
            count++;
        }
        return count;
    }

    private boolean lessThan(Version candidate) {
        if (candidate.compareTo(version) >= 0) {
            return false;
        }
        // "<V MUST NOT allow a pre-release of the specified version unless the specified version is itself a
        // pre-release" (PEP 440); packaging reads "of V" as "at or above V.dev0".
        return version.isPrerelease() || !candidate.isPrerelease()
                || candidate.compareTo(version.earliestPrerelease()) < 0;
    }

    private boolean greaterThan(Version candidate) {
        if (candidate.compareTo(version) <= 0) {
            return false;
        }
        // ">V MUST NOT allow a post-release of the specified version unless the specified version is itself a
        // post-release", nor a local version of it (PEP 440).
        if (!version.isPostrelease() && candidate.isPostrelease() && candidate.postBase().equals(version)) {
            return false;
        }
        return !candidate.isLocal() || !candidate.publicVersion().equals(version);
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

    /** packaging's {@code _canonical_spec}: {@code ===} and wildcards as written, else the canonical version. */
    private String canonical() {
        if (operator == Operator.ARBITRARY_EQUAL || wildcard) {
            return versionText;
        }
        // ~= keeps trailing zeros: ~=1.0 and ~=1.0.0 allow different ranges.
        return operator == Operator.COMPATIBLE ? version.toString() : version.canonical();
    }
}
