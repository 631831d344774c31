package dev.pylayer.requirement;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Fixes for the PEP 508 mistakes people make, keyed on packaging's reason and the text. */
final class Pep508Hints {
    private static final Pattern SINGLE_EQUALS = Pattern.compile("(?<![=!<>~])=(?![=])");

    private Pep508Hints() {
    }

    static List<String> forProblem(String input, SyntaxProblem problem) {
        List<String> hints = new ArrayList<>();
        String reason = problem.reason();
        String stripped = input.strip();
        if (stripped.startsWith("-")) {
            hints.add("options such as `-r`, `-c` or `--hash` belong in a requirements file line, not in a requirement");
        } else if (reason.startsWith("Expected package name") && stripped.isEmpty()) {
            hints.add("the requirement is empty");
        } else if (reason.startsWith("Expected package name") && (stripped.contains("/") || stripped.contains("\\"))) {
            hints.add("a URL or path needs a name in front of it: `name @ https://…/name-1.0-py3-none-any.whl`");
        }
        if (SINGLE_EQUALS.matcher(input).find() && !input.contains("@")) {
            hints.add("pin a version with `==`, not `=`: `name==1.0`");
        }
        if (reason.startsWith(".* suffix")) {
            hints.add("a `.*` prefix goes with `==` or `!=` (`==1.4.*`); for a lower bound write `>=1.4`");
        } else if (reason.startsWith("Local version label")) {
            hints.add("a local version (`+…`) can only be pinned with `==` or `!=`: `==1.0+cpu`");
        } else if (reason.startsWith("Expected comma between extra names")) {
            hints.add("separate extras with commas: `name[extra1,extra2]`");
        } else if (reason.startsWith("Expected semicolon (after URL")) {
            hints.add("put a space between the URL and `;`: `name @ https://… ; python_version >= \"3.9\"`");
        } else if (reason.startsWith("Expected a marker variable")) {
            hints.add("marker variables are python_version, python_full_version, sys_platform, platform_system,"
                    + " platform_machine, platform_release, platform_version, os_name, implementation_name,"
                    + " implementation_version, platform_python_implementation and extra; values are quoted");
        } else if (reason.startsWith("Expected marker operator")) {
            hints.add("markers compare with ==, !=, <, <=, >, >=, ~=, ===, in or not in (with spaces around words)");
        } else if (reason.startsWith("Expected comma (within version specifier)") && input.contains(" ")
                && !input.contains(";")) {
            hints.add("join version clauses with commas (`>=1.0, <2`) and put markers after `;`");
        }
        return hints;
    }
}
