package dev.pylayer.requirements;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of a requirements file split as pip splits it ({@code req_file.break_args_options}): the words up
 * to the first one starting with {@code -} are the requirement, the rest are options, split like a POSIX
 * shell ({@code shlex.split}) and read like {@code optparse} (long options by any unambiguous prefix,
 * {@code --opt=value} or {@code --opt value}, {@code -ovalue} or {@code -o value}, {@code --} ends options).
 */
final class LineOptions {
    /** pip's requirements-file options, long name → whether it takes a value. */
    private static final Map<String, Boolean> LONG = new LinkedHashMap<>();
    /** Short options → their long name (all take a value). */
    private static final Map<Character, String> SHORT = Map.of('i', "--index-url", 'c', "--constraint",
            'r', "--requirement", 'e', "--editable", 'f', "--find-links", 'C', "--config-settings");

    static {
        for (String name : List.of("--index-url", "--pypi-url", "--extra-index-url", "--constraint", "--requirement",
                "--editable", "--find-links", "--no-binary", "--only-binary", "--all-releases", "--only-final",
                "--trusted-host", "--use-feature", "--hash", "--config-settings")) {
            LONG.put(name, true);
        }
        for (String name : List.of("--no-index", "--prefer-binary", "--require-hashes", "--no-require-hashes",
                "--pre")) {
            LONG.put(name, false);
        }
    }

    /** An option as given (by its full long name) with its value, null for flags. */
    record Option(String name, String value) {
    }

    /** Thrown with optparse's or shlex's complaint. */
    static final class OptionError extends Exception {
        private static final long serialVersionUID = 1L;

        OptionError(String message) {
            super(message, null, false, false);
        }
    }

    final String requirement;
    final List<Option> options;
    /** Words after the options that pip's optparse leaves over and ignores. */
    final List<String> leftover;

    private LineOptions(String requirement, List<Option> options, List<String> leftover) {
        this.requirement = requirement;
        this.options = options;
        this.leftover = leftover;
    }

    static LineOptions parse(String line) throws OptionError {
        String[] tokens = line.split(" ", -1);
        int first = 0;
        while (first < tokens.length && !tokens[first].startsWith("-")) {
            first++;
        }
        String requirement = String.join(" ", java.util.Arrays.asList(tokens).subList(0, first));
        String optionText = String.join(" ", java.util.Arrays.asList(tokens).subList(first, tokens.length));
        List<Option> options = new ArrayList<>();
        List<String> leftover = new ArrayList<>();
        List<String> words = shellSplit(optionText);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("--")) {
                leftover.addAll(words.subList(i + 1, words.size()));
                break;
            }
            if (word.startsWith("--")) {
                int eq = word.indexOf('=');
                String name = longName(eq < 0 ? word : word.substring(0, eq));
                if (!LONG.get(name)) {
                    if (eq >= 0) {
                        throw new OptionError(name + " option does not take a value");
                    }
                    options.add(new Option(name, null));
                } else if (eq >= 0) {
                    options.add(new Option(name, word.substring(eq + 1)));
                } else if (i + 1 < words.size()) {
                    options.add(new Option(name, words.get(++i)));
                } else {
                    throw new OptionError(name + " option requires 1 argument");
                }
            } else if (word.startsWith("-") && word.length() > 1) {
                String name = SHORT.get(word.charAt(1));
                if (name == null) {
                    throw new OptionError("no such option: -" + word.charAt(1));
                }
                if (word.length() > 2) {
                    options.add(new Option(name, word.substring(2)));
                } else if (i + 1 < words.size()) {
                    options.add(new Option(name, words.get(++i)));
                } else {
                    throw new OptionError(word + " option requires 1 argument");
                }
            } else {
                leftover.add(word);
            }
        }
        return new LineOptions(requirement, List.copyOf(options), List.copyOf(leftover));
    }

    /** optparse's {@code _match_abbrev}: an exact name, else the only option the prefix starts. */
    private static String longName(String given) throws OptionError {
        if (LONG.containsKey(given)) {
            return given;
        }
        List<String> candidates = new ArrayList<>();
        for (String name : LONG.keySet()) {
            if (name.startsWith(given)) {
                candidates.add(name);
            }
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            throw new OptionError("no such option: " + given);
        }
        candidates.sort(null);
        throw new OptionError("ambiguous option: " + given + " (" + String.join(", ", candidates) + "?)");
    }

    /** Python's {@code shlex.split} (POSIX mode, no comments). */
    static List<String> shellSplit(String text) throws OptionError {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '\\') {
                if (++i == text.length()) {
                    throw new OptionError("No escaped character");
                }
                word.append(text.charAt(i));
                inWord = true;
            } else if (c == '\'' || c == '"') {
                int close = i + 1;
                while (close < text.length() && text.charAt(close) != c) {
                    if (c == '"' && text.charAt(close) == '\\' && close + 1 < text.length()
                            && (text.charAt(close + 1) == '"' || text.charAt(close + 1) == '\\')) {
                        word.append(text.charAt(close + 1));
                        close += 2;
                        continue;
                    }
                    word.append(text.charAt(close++));
                }
                if (close == text.length()) {
                    throw new OptionError("No closing quotation");
                }
                i = close;
                inWord = true;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
