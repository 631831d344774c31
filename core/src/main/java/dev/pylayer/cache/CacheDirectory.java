package dev.pylayer.cache;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where the cache lives when nobody says: the operating system's per-user cache folder, as pip and uv choose it. */
public final class CacheDirectory {
    private CacheDirectory() {
    }

    /** The default for this machine: {@code PYLAYER_CACHE_DIR} if set, else the OS user cache folder + {@code pylayer}. */
    public static Path defaultRoot() {
        return defaultRoot(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    /**
     * {@code $XDG_CACHE_HOME/pylayer} or {@code ~/.cache/pylayer} on Linux and other Unixes (XDG base
     * directory spec: a relative {@code XDG_CACHE_HOME} is ignored), {@code ~/Library/Caches/pylayer} on macOS,
     * {@code %LOCALAPPDATA%\pylayer\Cache} on Windows (the layout of platformdirs, which pip uses).
     */
    static Path defaultRoot(Map<String, String> env, String osName, String userHome) {
        String explicit = env.get("PYLAYER_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Path.of(local) : Path.of(userHome, "AppData", "Local");
            return base.resolve("pylayer").resolve("Cache");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return Path.of(userHome, "Library", "Caches", "pylayer");
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "pylayer");
        }
        return Path.of(userHome, ".cache", "pylayer");
    }
}
