package dev.pylayer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about this build of pylayer itself. */
public final class Pylayer {
    private static final String VERSION = loadVersion();

    private Pylayer() {
    }

    /** The project version, e.g. {@code 0.1.0}; also written into each dist-info's INSTALLER file context. */
    public static String version() {
        return VERSION;
    }

    /** {@code pylayer/0.1.0}: the User-Agent sent to indexes. */
    public static String userAgent() {
        return "pylayer/" + VERSION;
    }

    private static String loadVersion() {
        try (InputStream in = Pylayer.class.getResourceAsStream("pylayer.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
