package dev.pylayer.layer;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The modules a Python source file may import, read without Python, for {@code --slim}: it must not drop a test
 * module that other code imports. It errs on the side of finding too much (a docstring that reads like an import
 * statement counts; so does a dotted name in quotes, as {@code importlib.import_module("pkg.tests.util")} or a
 * lazy-loader table would name it), never on finding too little for the statements Python has:
 * {@code import a.b as c, d}, {@code from a.b import c, d}, {@code from . import (c,\n d)}, relative imports
 * (PEP 328) resolved against the file's package, statements after {@code ;} or {@code :} and backslash-continued
 * lines.
 */
final class ImportScanner {
    /** The rest of a logical line: backslash-newline continues it (a lone backslash is just a character). */
    private static final String CONTINUED = "(?:[^\\n#;\\\\]|\\\\\\r?\\n|\\\\)*";
    private static final Pattern FROM = Pattern.compile("(?m)(?:^|[;:])[ \\t]*from[ \\t]+(\\.*)[ \\t]*([\\w.]*)[ \\t]+import"
            + "[ \\t]*(\\([^)]*\\)|" + CONTINUED + ")", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern IMPORT = Pattern.compile("(?m)(?:^|[;:])[ \\t]*import[ \\t]+(" + CONTINUED + ")",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern QUOTED = Pattern.compile("([\"'])([^\\W\\d]\\w*(?:\\.[^\\W\\d]\\w*)+)\\1",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern NAME = Pattern.compile("[^\\W\\d]\\w*(?:\\.[^\\W\\d]\\w*)*", Pattern.UNICODE_CHARACTER_CLASS);

    private ImportScanner() {
    }

    /**
     * The dotted names {@code source} may import: each module named, and for {@code from M import x} also
     * {@code M.x} (which is a submodule when {@code x} is not an attribute).
     *
     * @param packageName the package the file is in ({@code pkg.sub} for {@code pkg/sub/mod.py} and for
     *                    {@code pkg/sub/__init__.py}), for relative imports; empty for a top-level module
     */
    static Set<String> modules(String source, String packageName) {
        Set<String> modules = new TreeSet<>();
        Matcher from = FROM.matcher(source);
        while (from.find()) {
            String base = absolute(from.group(1).length(), from.group(2), packageName);
            if (base == null) {
                continue;
            }
            modules.add(base);
            for (String name : names(from.group(3))) {
                modules.add(base.isEmpty() ? name : base + "." + name);
            }
        }
        Matcher plain = IMPORT.matcher(source);
        while (plain.find()) {
            modules.addAll(names(plain.group(1)));
        }
        Matcher quoted = QUOTED.matcher(source);
        while (quoted.find()) {
            modules.add(quoted.group(2));
        }
        modules.remove("");
        return modules;
    }

    /** PEP 328: one dot is the file's package, each further dot one package up; null when that leaves the top. */
    private static String absolute(int dots, String module, String packageName) {
        if (dots == 0) {
            return module;
        }
        String base = packageName;
        for (int up = 1; up < dots; up++) {
            int dot = base.lastIndexOf('.');
            if (base.isEmpty()) {
                return null;
            }
            base = dot < 0 ? "" : base.substring(0, dot);
        }
        if (base.isEmpty()) {
            return null;
        }
        return module.isEmpty() ? base : base + "." + module;
    }

    /** {@code a.b as c, (d,\n e)} → a.b, d, e: the first dotted name of each comma-separated item. */
    private static Set<String> names(String list) {
        Set<String> names = new TreeSet<>();
        String cleaned = list.replace("\\\n", " ").replace('(', ' ').replace(')', ' ');
        for (String item : cleaned.split(",")) {
            Matcher name = NAME.matcher(item.strip());
            if (name.lookingAt()) {
                names.add(name.group());
            }
        }
        return names;
    }
}
