package dev.pylayer.layer;

import dev.pylayer.runtime.LambdaRuntime;
import dev.pylayer.wheel.EntryPath;
import java.util.Objects;

/**
 * Where a layer's files go and which interpreter its scripts name.
 *
 * @param sitePackages  the install target inside the zip, {@code /}-separated, no leading or trailing {@code /}:
 *                      Lambda puts {@code /opt/python/lib/pythonX.Y/site-packages} on {@code sys.path}, and a
 *                      layer is unzipped into {@code /opt}
 * @param interpreter   the absolute path written into script shebangs
 * @param pythonVersion {@code X.Y}, for pip's versioned {@code pipX.Y} script names
 */
public record LayerLayout(String sitePackages, String interpreter, String pythonVersion) {
    public LayerLayout {
        Objects.requireNonNull(sitePackages, "sitePackages");
        Objects.requireNonNull(interpreter, "interpreter");
        Objects.requireNonNull(pythonVersion, "pythonVersion");
        if (sitePackages.endsWith("/") || EntryPath.problem(sitePackages).isPresent()) {
            throw new IllegalArgumentException("not a relative folder path: `" + sitePackages + "`");
        }
    }

    /**
     * {@code python/lib/python3.12/site-packages}, with scripts run by {@code /var/lang/bin/python3.12}: the
     * interpreter of Lambda's Python runtimes lives in {@code /var/lang/bin}.
     */
    public static LayerLayout forRuntime(LambdaRuntime runtime) {
        return new LayerLayout("python/lib/" + runtime.libFolder() + "/site-packages",
                "/var/lang/bin/" + runtime.libFolder(), runtime.pythonVersion());
    }
}
