package dev.pylayer.requirement;

import java.util.List;

/**
 * A parsed marker in packaging's shape: a group is atoms joined by {@code and}/{@code or} (no precedence yet:
 * evaluation splits on {@code or}); an atom is a comparison or a parenthesized group. Keeping packaging's
 * shape keeps its printing ({@code str(Marker)}) and its evaluation order, errors included.
 */
final class MarkerTree {
    private MarkerTree() {
    }

    sealed interface Atom permits Comparison, Group {
    }

    /** A marker variable (by its PEP 508 name, aliases resolved) or a quoted string (its value). */
    record Operand(boolean variable, String value) {
        String serialize() {
            // packaging prints the value between double quotes as is, without escaping.
            return variable ? value : "\"" + value + "\"";
        }
    }

    /** {@code left op right}; {@code op} is one of {@code < <= == != >= > ~= === in}, {@code not in}. */
    record Comparison(Operand left, String op, Operand right) implements Atom {
        String serialize() {
            return left.serialize() + " " + op + " " + right.serialize();
        }
    }

    /** Atoms joined by {@code joins} ("and" or "or"); {@code joins.size() == atoms.size() - 1}. */
    record Group(List<Atom> atoms, List<String> joins) implements Atom {
        Group {
            atoms = List.copyOf(atoms);
            joins = List.copyOf(joins);
        }
    }

    /** packaging's {@code _format_marker}: nested groups in parentheses, a lone group without. */
    static String format(Atom atom, boolean first) {
        if (atom instanceof Comparison comparison) {
            return comparison.serialize();
        }
        Group group = (Group) atom;
        if (group.atoms().size() == 1) {
            return format(group.atoms().get(0), true);
        }
        StringBuilder text = new StringBuilder(first ? "" : "(");
        for (int i = 0; i < group.atoms().size(); i++) {
            if (i > 0) {
                text.append(' ').append(group.joins().get(i - 1)).append(' ');
            }
            text.append(format(group.atoms().get(i), false));
        }
        return text.append(first ? "" : ")").toString();
    }
}
