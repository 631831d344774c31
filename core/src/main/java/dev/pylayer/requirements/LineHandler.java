package dev.pylayer.requirements;

import dev.pylayer.requirement.Requirement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** pip's {@code handle_line}: a requirement line becomes a {@link RequirementLine}; an option line sets options. */
final class LineHandler {
    private static final Set<String> REQUIREMENT_LINE_OPTIONS = Set.of("--hash", "--config-settings");
    private static final Set<String> FEATURES = Set.of("fast-deps", "inprocess-build-deps", "venv-isolation",
            "truststore", "no-binary-enable-wheel-cache", "build-constraint");
    private static final Pattern URL_SCHEME = Pattern.compile(
            "(?i)^(?:https?|file|ftp|ssh|git|hg|bzr|sftp|svn|(?:git|hg|bzr|svn)\\+[a-z-]+):.*", Pattern.DOTALL);
    private static final List<String> ARCHIVES = List.of(".whl", ".zip", ".tar.bz2", ".tbz", ".tar.gz", ".tgz",
            ".tar", ".tar.xz", ".txz", ".tlz", ".tar.lz", ".tar.lzma");
    private static final List<String> WHEELS_ONLY = List.of("pylayer installs wheels found by name on an index:"
            + " write `name==version`, or `name @ https://…/name-version-py3-none-any.whl` for a wheel URL",
            "for local wheels, put them in a folder and add `--find-links ./that-folder` to the file");

    private final RequirementsFile.Builder result;
    private final RequirementsFileReader reader;

    LineHandler(RequirementsFile.Builder result, RequirementsFileReader reader) {
        this.result = result;
        this.reader = reader;
    }

    void handle(String text, Path file, int number, boolean constraint, Map<Path, String> chain) {
        String source = file + ":" + number;
        LineOptions line;
        try {
            line = LineOptions.parse(text);
        } catch (LineOptions.OptionError e) {
            throw new RequirementsFileSyntaxException(source, e.getMessage() + " in `" + text + "`", hintFor(e));
        }
        if (!line.leftover.isEmpty()) {
            result.warn(source + ": `" + String.join(" ", line.leftover) + "` after the options is ignored (as pip does)");
        }
        // optparse checks option values on every line, requirement lines included.
        List<Hash> hashes = hashes(line, source);
        for (String feature : values(line, "--use-feature")) {
            if (!FEATURES.contains(feature)) {
                throw new RequirementsFileSyntaxException(source, "`" + feature + "` is not a pip feature for"
                        + " --use-feature", List.of("pip knows " + String.join(", ", FEATURES.stream().sorted().toList())));
            }
        }
        List<String> editables = values(line, "--editable");
        String requirementText = line.requirement;
        if (!RequirementsFileReader.pythonStrip(requirementText).isEmpty() || !editables.isEmpty()) {
            if (!editables.isEmpty()) {
                throw new UnsupportedRequirementException(source, "`-e " + editables.get(0) + "` asks for an"
                        + " editable install, which needs a source build; pylayer installs only wheels", WHEELS_ONLY);
            }
            for (LineOptions.Option option : line.options) {
                if (option.name().equals("--config-settings")) {
                    result.warn(source + ": --config-settings is ignored: pylayer never builds from source");
                } else if (!REQUIREMENT_LINE_OPTIONS.contains(option.name())) {
                    result.warn(source + ": " + option.name() + " on a requirement line is ignored (as pip does);"
                            + " put it on a line of its own");
                }
            }
            Requirement requirement = requirement(requirementText, source);
            if (constraint && !requirement.extras().isEmpty()) {
                throw new UnsupportedRequirementException(source, "the constraint `" + requirement
                        + "` has extras, which pip's resolver does not allow in constraints",
                        List.of("write the constraint without `[…]`, or move it to the requirements"));
            }
            (constraint ? result.constraints : result.requirements)
                    .add(new RequirementLine(requirement, hashes, file, number));
            return;
        }
        if (!hashes.isEmpty()) {
            result.warn(source + ": --hash without a requirement is ignored (as pip does)");
        }
        List<String> includes = values(line, "--requirement");
        boolean nestedConstraint = includes.isEmpty();
        if (nestedConstraint) {
            includes = values(line, "--constraint");
        }
        if (!includes.isEmpty()) {
            // pip follows the first -r (else the first -c) of a line and drops the line's other options.
            for (LineOptions.Option option : line.options) {
                boolean followed = option.value() != null && option.value().equals(includes.get(0))
                        && option.name().equals(nestedConstraint ? "--constraint" : "--requirement");
                if (!followed) {
                    result.warn(source + ": " + option.name() + (option.value() == null ? "" : " " + option.value())
                            + " is ignored on a line that includes a file (as pip does); put it on a line of its own");
                }
            }
            reader.include(includes.get(0), file, number, nestedConstraint, chain);
            return;
        }
        boolean firstFindLinks = true;
        for (LineOptions.Option option : line.options) {
            firstFindLinks = apply(option, file, source, firstFindLinks);
        }
    }

    /** Applies an option-line option; returns whether a --find-links is still the line's first. */
    private boolean apply(LineOptions.Option option, Path file, String source, boolean firstFindLinks) {
        String value = option.value();
        switch (option.name()) {
            case "--index-url": case "--pypi-url": result.indexUrl = value; break;
            case "--extra-index-url": result.extraIndexUrls.add(value); break;
            case "--no-index": result.noIndex = true; break;
            case "--pre": result.pre = true; break;
            case "--prefer-binary": result.preferBinary = true; break;
            case "--require-hashes": result.requireHashes = true; break;
            case "--no-require-hashes": result.noRequireHashes = true; break;
            case "--trusted-host": result.trustedHosts.add(value); break;
            case "--only-binary": break; // pylayer installs only wheels anyway
            case "--hash": break; // warned about above
            case "--no-binary":
                result.warn(source + ": --no-binary " + value + " is ignored: pylayer never builds from source and"
                        + " installs wheels even for these projects");
                break;
            case "--config-settings":
                result.warn(source + ": --config-settings is ignored: pylayer never builds from source");
                break;
            case "--use-feature": break; // checked with the other option values
            case "--all-releases": case "--only-final":
                throw new UnsupportedRequirementException(source, option.name() + " " + value
                        + " (per-project pre-release control) is not supported by pylayer yet",
                        List.of("use `--pre` to allow pre-releases for every project, or pin the pre-release with =="));
            case "--find-links":
                if (!firstFindLinks) {
                    result.warn(source + ": only the first --find-links of a line is used (as pip does)");
                    return false;
                }
                result.findLinks.add(findLinks(value, file));
                return false;
            default:
                throw new AssertionError(option.name());
        }
        return firstFindLinks;
    }

    /** pip: a relative find-links path is taken from the file's folder when it exists there. */
    private static String findLinks(String value, Path file) {
        if (value.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
            return value;
        }
        Path parent = file.toAbsolutePath().getParent();
        try {
            Path relative = parent == null ? Path.of(value) : parent.resolve(value).normalize();
            return Files.exists(relative) ? relative.toString() : value;
        } catch (java.nio.file.InvalidPathException e) {
            return value;
        }
    }

    private static List<String> values(LineOptions line, String name) {
        List<String> values = new ArrayList<>();
        for (LineOptions.Option option : line.options) {
            if (option.name().equals(name)) {
                values.add(option.value());
            }
        }
        return values;
    }

    private static List<Hash> hashes(LineOptions line, String source) {
        List<Hash> hashes = new ArrayList<>();
        for (String value : values(line, "--hash")) {
            int colon = value.indexOf(':');
            if (colon < 0) {
                throw new RequirementsFileSyntaxException(source, "`--hash=" + value + "` needs an algorithm and a"
                        + " digest", List.of("write --hash=sha256:<64 hex digits>"));
            }
            String algorithm = value.substring(0, colon);
            String digest = value.substring(colon + 1);
            if (!Hash.isSupported(algorithm)) {
                throw new RequirementsFileSyntaxException(source, "`" + algorithm + "` is not a hash algorithm"
                        + " --hash accepts", List.of("pip accepts sha256, sha384 and sha512; `pip hash FILE` prints"
                        + " a wheel's sha256"));
            }
            try {
                hashes.add(new Hash(algorithm, digest));
            } catch (IllegalArgumentException e) {
                throw new RequirementsFileSyntaxException(source, "`--hash=" + value + "` is not a " + algorithm
                        + " digest: it needs " + Hash.hexLength(algorithm) + " hex digits",
                        List.of("copy the digest whole, e.g. from `pip hash FILE` or the index's file listing"));
            }
        }
        return hashes;
    }

    /** pip's {@code parse_req_from_line}, refusing the URLs, paths and archives pylayer cannot install. */
    private static Requirement requirement(String text, String source) {
        String stripped = RequirementsFileReader.pythonStrip(text);
        if (URL_SCHEME.matcher(stripped).matches()) {
            throw new UnsupportedRequirementException(source, "`" + stripped + "` is a URL without a project name;"
                    + " pylayer installs wheels found by name on an index", WHEELS_ONLY);
        }
        String name = stripped.contains(";") ? RequirementsFileReader.pythonStrip(stripped.substring(0,
                stripped.indexOf(';'))) : stripped;
        String path = name.replaceFirst("\\[[^\\]]*\\]$", "");
        if (looksLikePath(name) && isDirectory(path)) {
            throw new UnsupportedRequirementException(source, "`" + name + "` is a local project folder, which"
                    + " needs a source build; pylayer installs only wheels", WHEELS_ONLY);
        }
        if (isArchive(path)) {
            int at = name.indexOf('@');
            boolean pep508Url = at >= 0 && !looksLikePath(name.substring(0, at)) && !isFile(path);
            if (!pep508Url) {
                throw new UnsupportedRequirementException(source, "`" + name + "` is a file name, not a requirement;"
                        + " pylayer installs wheels found by name on an index", WHEELS_ONLY);
            }
        }
        return RequirementsFileReader.requirement(stripped, source);
    }

    private static boolean looksLikePath(String name) {
        return name.contains("/") || name.contains("\\") || name.startsWith(".");
    }

    private static boolean isArchive(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return ARCHIVES.stream().anyMatch(lower::endsWith);
    }

    private static boolean isDirectory(String path) {
        try {
            return Files.isDirectory(Path.of(path));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private static boolean isFile(String path) {
        try {
            return Files.isRegularFile(Path.of(path));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private static List<String> hintFor(LineOptions.OptionError e) {
        String message = e.getMessage();
        if (message.startsWith("no such option")) {
            return List.of("requirements files accept pip's -r, -c, -i/--index-url, --extra-index-url, --no-index,"
                    + " -f/--find-links, --pre, --hash, --require-hashes, --only-binary, --prefer-binary,"
                    + " --no-binary and --trusted-host");
        }
        if (message.startsWith("No closing quotation") || message.startsWith("No escaped character")) {
            return List.of("quote option values with matching ' or \" quotes");
        }
        return List.of("options that take a value are written `--option=value` or `--option value`");
    }
}
