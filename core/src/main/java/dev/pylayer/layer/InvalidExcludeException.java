package dev.pylayer.layer;

import java.util.List;

/**
 * An {@code --exclude} pattern pylayer cannot use: malformed, or one that would remove a file every installed
 * distribution needs ({@code METADATA}, {@code RECORD}, {@code WHEEL} of a dist-info folder: without them pip,
 * {@code importlib.metadata} and pylayer's own inspection no longer see the distribution).
 */
public final class InvalidExcludeException extends LayerException {
    private final String pattern;

    private InvalidExcludeException(String pattern, String message, List<String> hints) {
        super(message, hints);
        this.pattern = pattern;
    }

    static InvalidExcludeException syntax(String pattern, String why) {
        return new InvalidExcludeException(pattern, "the exclude pattern `" + pattern + "` cannot be used: " + why,
                List.of("patterns are globs over paths relative to site-packages, e.g. `botocore/data/**` or"
                        + " `**/*.pyi`; `*` stays within a folder, `**` crosses folders"));
    }

    static InvalidExcludeException protectedFile(String pattern, String path) {
        return new InvalidExcludeException(pattern, "the exclude pattern `" + pattern + "` would remove `" + path
                        + "`, which the distribution's dist-info folder needs",
                List.of("narrow the pattern so that it leaves `*.dist-info/METADATA`, `RECORD` and `WHEEL` in place,"
                                + " e.g. `botocore/data/**` rather than `botocore*/**`",
                        "to leave a whole distribution out, remove it from the requirements (or use"
                                + " --exclude-runtime-provided for what the Lambda runtime ships)"));
    }

    /** The pattern as given. */
    public String pattern() {
        return pattern;
    }
}
