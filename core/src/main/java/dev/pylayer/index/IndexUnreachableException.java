package dev.pylayer.index;

import java.util.List;

/** The network failed (connection refused or reset, timeouts) on every attempt. */
public final class IndexUnreachableException extends IndexException {
    private final String url;
    private final int attempts;

    IndexUnreachableException(String maskedUrl, int attempts, String failure, Throwable cause) {
        super("could not fetch `" + maskedUrl + "`: " + failure + " (" + attempts
                        + (attempts == 1 ? " attempt)" : " attempts)"),
                List.of("check the index URL and your network connection",
                        "a warm cache can be used without the network: add `--offline`"),
                cause);
        this.url = maskedUrl;
        this.attempts = attempts;
    }

    /** The URL, password masked. */
    public String url() {
        return url;
    }

    public int attempts() {
        return attempts;
    }
}
