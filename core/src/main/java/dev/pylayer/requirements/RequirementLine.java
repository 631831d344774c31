package dev.pylayer.requirements;

import dev.pylayer.requirement.Requirement;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A requirement read from a requirements (or constraints) file, with the {@code --hash} options of its line
 * and where it was written.
 *
 * @param requirement the PEP 508 requirement, markers included
 * @param hashes the line's {@code --hash} values in the order written; empty when none
 * @param file the file it was read from, as given or as resolved from the including file
 * @param lineNumber the line it starts on (1-based; the first line of a continued line)
 */
public record RequirementLine(Requirement requirement, List<Hash> hashes, Path file, int lineNumber) {
    public RequirementLine {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(file, "file");
        hashes = List.copyOf(hashes);
    }

    /** {@code requirements.txt:12}: where to look, for messages. */
    public String source() {
        return file + ":" + lineNumber;
    }

    /** Whether pip would count it as pinned for hash checking: one clause, {@code ==} or {@code ===}. */
    public boolean isPinned() {
        var clauses = requirement.specifier().specifiers();
        return clauses.size() == 1 && (clauses.get(0).operator() == dev.pylayer.version.Specifier.Operator.EQUAL
                || clauses.get(0).operator() == dev.pylayer.version.Specifier.Operator.ARBITRARY_EQUAL);
    }
}
