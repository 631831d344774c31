package dev.pylayer.index;

import java.util.List;

/** A distribution file that cannot be read: not a zip, or a wheel without its {@code .dist-info/METADATA}. */
public final class DistributionException extends IndexException {
    private final String filename;

    DistributionException(String filename, String maskedUrl, String problem, Throwable cause) {
        super("`" + filename + "` from `" + maskedUrl + "` " + problem,
                List.of("the file is damaged or not a wheel; exclude this version (e.g. `name!=VERSION`) or report it to the index"),
                cause);
        this.filename = filename;
    }

    public String filename() {
        return filename;
    }
}
