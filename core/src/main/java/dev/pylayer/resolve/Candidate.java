package dev.pylayer.resolve;

import dev.pylayer.name.PackageName;
import dev.pylayer.version.Version;

/**
 * Something the resolver can pin: a wheel of a project, the same wheel seen with extras (pip's
 * {@code ExtrasCandidate}, a separate node so that {@code foo[a]} and {@code foo[b]} must agree on one
 * {@code foo}), or the target's Python (pip's {@code RequiresPythonCandidate}).
 */
public sealed interface Candidate permits WheelCandidate, ExtrasCandidate, PythonCandidate {

    /** The resolver's key: {@code name}, {@code name[extra1,extra2]} or {@link PythonCandidate#IDENTIFIER}. */
    String identifier();

    Version version();

    /** "requests 2.32.3", "requests[socks] 2.32.3", "Python 3.11.0". */
    String describe();

    /** pip's {@code format_name}: {@code name[a,b]} with extras sorted, or the bare name. */
    static String identifier(PackageName name, java.util.Collection<String> extras) {
        if (extras.isEmpty()) {
            return name.normalized();
        }
        return name.normalized() + "[" + String.join(",", new java.util.TreeSet<>(extras)) + "]";
    }
}
