package dev.pylayer.layer;

import dev.pylayer.wheel.InvalidEntryPointException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The launcher scripts pip writes for {@code console_scripts} and {@code gui_scripts} entry points: distlib's
 * {@code ScriptMaker} with pip's own template ({@code PipScriptMaker} in {@code operations/install/wheel.py}),
 * a shebang naming the layer's interpreter, on POSIX no {@code .exe} launchers and no variants. pip's special
 * case for {@code pip} and {@code easy_install} (versioned names) is kept.
 */
final class ScriptWrappers {
    record Script(String name, byte[] content) {
    }

    /** distlib's {@code ENTRY_RE}, searched (not matched), with Python 3's Unicode {@code \w}, {@code \s}. */
    private static final Pattern ENTRY = Pattern.compile(
            "(?<name>([^\\[]\\S*))\\s*=\\s*(?<callable>(\\w+)([:.]\\w+)*)"
                    + "\\s*(\\[\\s*(?<flags>[\\w-]+(=\\w+)?(,\\s*\\w+(=\\w+)?)*)\\s*\\])?",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern VERSIONED_PIP = Pattern.compile("pip(\\d+(\\.\\d+)?)?");
    private static final Pattern VERSIONED_EASY_INSTALL = Pattern.compile("easy_install(-\\d+\\.\\d+)?");
    /** Linux's limit on a shebang line, as distlib checks it ({@code _build_shebang}). */
    private static final int MAX_SHEBANG = 127;

    private ScriptWrappers() {
    }

    static List<Script> generate(Map<String, String> console, Map<String, String> gui, String interpreter,
                                 String pythonVersion) {
        List<Script> scripts = new ArrayList<>();
        for (String specification : consoleSpecifications(console, pythonVersion)) {
            scripts.add(make(specification, interpreter));
        }
        gui.forEach((name, value) -> scripts.add(make(name + " = " + value, interpreter)));
        return scripts;
    }

    /** pip's {@code get_console_script_specs} without {@code ENSUREPIP_OPTIONS}. */
    private static List<String> consoleSpecifications(Map<String, String> scripts, String pythonVersion) {
        Map<String, String> console = new LinkedHashMap<>(scripts);
        List<String> specifications = new ArrayList<>();
        String pip = console.remove("pip");
        if (pip != null) {
            specifications.add("pip = " + pip);
            specifications.add("pip" + pythonVersion.substring(0, pythonVersion.indexOf('.')) + " = " + pip);
            specifications.add("pip" + pythonVersion + " = " + pip);
            console.keySet().removeIf(name -> VERSIONED_PIP.matcher(name).matches());
        }
        String easyInstall = console.remove("easy_install");
        if (easyInstall != null) {
            specifications.add("easy_install = " + easyInstall);
            specifications.add("easy_install-" + pythonVersion + " = " + easyInstall);
            console.keySet().removeIf(name -> VERSIONED_EASY_INSTALL.matcher(name).matches());
        }
        console.forEach((name, value) -> specifications.add(name + " = " + value));
        return specifications;
    }

    private static Script make(String specification, String interpreter) {
        Matcher entry = ENTRY.matcher(specification);
        if (!entry.find()) {
            throw new InvalidEntryPointException(specification, "it is not `name = module:function`");
        }
        String name = entry.group("name");
        String callable = entry.group("callable");
        if (entry.group("flags") == null && (specification.indexOf('[') >= 0 || specification.indexOf(']') >= 0)) {
            throw new InvalidEntryPointException(specification, "its extras in brackets are malformed");
        }
        int colon = callable.indexOf(':');
        if (colon < 0) {
            // pip's MissingCallableSuffix
            throw new InvalidEntryPointException(specification, "a callable suffix (`:function`) is required");
        }
        if (callable.indexOf(':', colon + 1) >= 0) {
            throw new InvalidEntryPointException(specification, "it has more than one `:`");
        }
        // pip refuses names that put the script outside the scripts folder (_raise_for_invalid_entrypoint).
        if (name.equals(".") || name.equals("..") || name.indexOf('/') >= 0 || name.indexOf('\\') >= 0
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidEntryPointException(specification,
                    "the script `" + name + "` would be installed outside the scripts folder");
        }
        String module = callable.substring(0, colon);
        String function = callable.substring(colon + 1);
        String importName = function.split("\\.", -1)[0];
        String script = "import sys\n"
                + "from " + module + " import " + importName + "\n"
                + "if __name__ == '__main__':\n"
                + "    sys.argv[0] = sys.argv[0].removesuffix('.exe')\n"
                + "    sys.exit(" + function + "())\n";
        return new Script(name, (shebang(interpreter) + script).getBytes(StandardCharsets.UTF_8));
    }

    /** distlib's {@code _build_shebang} on POSIX: {@code #!/bin/sh} with an exec trick when too long or spaced. */
    static String shebang(String interpreter) {
        if (interpreter.indexOf(' ') < 0 && interpreter.getBytes(StandardCharsets.UTF_8).length + 3 <= MAX_SHEBANG) {
            return "#!" + interpreter + "\n";
        }
        return "#!/bin/sh\n'''exec' " + interpreter + " \"$0\" \"$@\"\n' '''\n";
    }
}
