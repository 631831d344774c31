package dev.pylayer.index;

import java.util.ArrayList;
import java.util.List;

/** The index answered, but not with something usable: an error status, or a body that does not parse. */
public final class IndexResponseException extends IndexException {
    private final String url;
    private final int status;

    private IndexResponseException(String message, String maskedUrl, int status, List<String> hints, Throwable cause) {
        super(message, hints, cause);
        this.url = maskedUrl;
        this.status = status;
    }

    static IndexResponseException status(String maskedUrl, int status, int attempts, boolean hadCredentials) {
        List<String> hints = new ArrayList<>();
        if (status == 401 || status == 403) {
            hints.add(hadCredentials
                    ? "the index refused the credentials given for this host: check the user name and token"
                    : "the index wants credentials: put them in the URL (`https://USER:TOKEN@host/…`) or in `~/.netrc`");
        } else if (status == 429) {
            hints.add("the index is limiting requests: wait a moment and try again");
        } else if (status >= 500) {
            hints.add("the index is failing: try again later, or use another index with `--index-url`");
        } else {
            hints.add("check the index URL given with `--index-url`, `--extra-index-url` or `--find-links`");
        }
        return new IndexResponseException("`" + maskedUrl + "` answered HTTP " + status
                + (attempts > 1 ? " (" + attempts + " attempts)" : ""), maskedUrl, status, hints, null);
    }

    static IndexResponseException malformed(String maskedUrl, String what, int attempts, Throwable cause) {
        return new IndexResponseException("`" + maskedUrl + "` did not return a valid " + what
                        + (cause != null && cause.getMessage() != null ? ": " + firstLine(cause.getMessage()) : "")
                        + (attempts > 1 ? " (" + attempts + " attempts)" : ""),
                maskedUrl, 200,
                List.of("is this the right kind of index? a URL ending in `/simple` is read as a PEP 503 simple index,"
                        + " any other as a PyPI JSON API base (`<URL>/<project>/json`)"),
                cause);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** The URL, password masked. */
    public String url() {
        return url;
    }

    /** The HTTP status, 200 when the body was the problem. */
    public int status() {
        return status;
    }
}
