package dev.pylayer.index;

import java.util.List;

/** Downloaded bytes do not hash to what the index or the requirements file said: the file is refused. */
public final class HashMismatchException extends IndexException {
    private final String filename;
    private final String url;
    private final String expected;
    private final String actual;

    HashMismatchException(String filename, String maskedUrl, String expected, String actual, String source) {
        super("`" + filename + "` from `" + maskedUrl + "` does not match its hash: expected " + expected
                        + " (" + source + "), got " + actual,
                List.of("the file was changed or damaged on the way; it was not used and not cached",
                        "if the index is right and the hash is old, update the `--hash` in the requirements file"),
                null);
        this.filename = filename;
        this.url = maskedUrl;
        this.expected = expected;
        this.actual = actual;
    }

    public String filename() {
        return filename;
    }

    public String url() {
        return url;
    }

    /** {@code algorithm:hex} (or several, separated by {@code  or }). */
    public String expected() {
        return expected;
    }

    /** {@code algorithm:hex} of the bytes received. */
    public String actual() {
        return actual;
    }
}
