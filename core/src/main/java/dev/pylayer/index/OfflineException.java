package dev.pylayer.index;

import java.util.List;

/** {@code --offline} and the cache lacks something the build needs. */
public final class OfflineException extends IndexException {
    private final String url;

    OfflineException(String what, String maskedUrl) {
        super("offline, and the cache has no " + what + " (`" + maskedUrl + "`)",
                List.of("run the same build once without `--offline` to fill the cache",
                        "or point `--cache-dir` at the cache that a previous online build used"),
                null);
        this.url = maskedUrl;
    }

    public String url() {
        return url;
    }
}
