package dev.pylayer.requirement;

import dev.pylayer.name.PackageName;
import dev.pylayer.requirement.MarkerTree.Atom;
import dev.pylayer.requirement.MarkerTree.Comparison;
import dev.pylayer.requirement.MarkerTree.Group;
import dev.pylayer.requirement.MarkerTree.Operand;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A PEP 508 environment marker such as {@code python_version >= "3.9" and sys_platform == "linux"}, parsed,
 * printed and evaluated as {@code packaging.markers.Marker} 26.2 (pip 26's copy) does.
 *
 * <p>Evaluation: for {@code python_version}, {@code python_full_version}, {@code implementation_version} and
 * {@code platform_release}, a comparison whose right side forms a valid specifier ({@code op + value}) is a
 * PEP 440 match with pre-releases allowed; otherwise values compare as strings, where packaging 26 makes
 * {@code <} and {@code >} false and {@code <=}, {@code >=} plain equality, and {@code in} a substring test.
 * {@code ~=} and {@code ===} on values that are not versions are errors. Every comparison is evaluated, so an
 * error anywhere fails the marker even when {@code or} has already been satisfied, as in packaging.
 *
 * <p>{@code extra} values are PEP 685-normalized, but, as packaging does, only in comparisons at the top
 * level: {@code (extra == "Foo_Bar")} in parentheses keeps its spelling and so never matches a requested
 * extra (pip then skips that dependency, and so do we).
 */
public final class Marker {
    private final Group tree;
    private final String text;

    private Marker(Group tree) {
        this.tree = tree;
        this.text = MarkerTree.format(tree, true);
    }

    /** Parses a marker; throws {@link InvalidMarkerException} with packaging's reason and position. */
    public static Marker parse(String marker) {
        Objects.requireNonNull(marker, "marker");
        try {
            return fromTree(Pep508Parser.marker(marker));
        } catch (Pep508Tokenizer.SyntaxError e) {
            throw new InvalidMarkerException(marker, e.problem);
        }
    }

    /** packaging's {@code _normalize_extra_values}: top-level {@code extra} comparisons get normalized names. */
    static Marker fromTree(Group parsed) {
        List<Atom> atoms = new ArrayList<>(parsed.atoms().size());
        for (Atom atom : parsed.atoms()) {
            atoms.add(atom instanceof Comparison comparison ? normalizeExtra(comparison) : atom);
        }
        return new Marker(new Group(atoms, parsed.joins()));
    }

    private static Comparison normalizeExtra(Comparison c) {
        if (c.left().variable() && c.left().value().equals("extra")) {
            return new Comparison(c.left(), c.op(), new Operand(false, PackageName.normalize(c.right().value())));
        }
        if (c.right().variable() && c.right().value().equals("extra")) {
            return new Comparison(new Operand(false, PackageName.normalize(c.left().value())), c.op(), c.right());
        }
        return c;
    }

    /**
     * Whether the marker holds in {@code environment} with {@code extra} requested ({@code null} or empty: none,
     * which is how pip evaluates dependencies when no extra is asked for). Throws
     * {@link MarkerEvaluationException} for comparisons packaging cannot evaluate.
     */
    public boolean evaluate(MarkerEnvironment environment, String extra) {
        Objects.requireNonNull(environment, "environment");
        return new MarkerEvaluation(this, environment, extra == null || extra.isEmpty() ? ""
                : PackageName.normalize(extra)).evaluate(tree);
    }

    /** Whether some comparison in the marker mentions {@code extra}. */
    public boolean mentionsExtra() {
        return mentions(tree, "extra");
    }

    private static boolean mentions(Atom atom, String variable) {
        if (atom instanceof Comparison c) {
            return (c.left().variable() && c.left().value().equals(variable))
                    || (c.right().variable() && c.right().value().equals(variable));
        }
        return ((Group) atom).atoms().stream().anyMatch(a -> mentions(a, variable));
    }

    /** packaging's {@code str(Marker)}: variables by their PEP 508 names, values in double quotes. */
    @Override
    public String toString() {
        return text;
    }

    /** Equal when printed the same, as in packaging. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Marker that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
