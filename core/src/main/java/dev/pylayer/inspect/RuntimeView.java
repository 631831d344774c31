package dev.pylayer.inspect;

import dev.pylayer.runtime.LambdaTarget;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a layer's files land and who sees them. Lambda extracts a layer into {@code /opt}; the Python runtime puts
 * {@code /opt/python} and {@code /opt/python/lib/pythonX.Y/site-packages} on {@code sys.path}, {@code /opt/lib} on
 * {@code LD_LIBRARY_PATH} and {@code /opt/bin} on {@code PATH}, and runs extensions from {@code /opt/extensions}
 * (AWS Lambda developer guide, "Packaging your layer content" and "Defined runtime environment variables").
 */
final class RuntimeView {
    /** Where one entry sits, from the target's point of view. */
    enum Placement {
        /** Under {@code python/lib/pythonX.Y/site-packages/} of the target's Python: importable. */
        SITE_PACKAGES,
        /** Directly under {@code python/}: importable. */
        PYTHON_ROOT,
        /** Under {@code python/lib/pythonA.B/} of another Python: invisible to the target. */
        OTHER_PYTHON_VERSION,
        /** Under {@code python/lib/pythonX.Y/} of the target's Python but not in {@code site-packages/}. */
        VERSION_FOLDER,
        /** {@code lib/}: on the loader's path. */
        LIBRARY_PATH,
        /** {@code bin/} or {@code extensions/}: on PATH, or Lambda extensions. */
        PROGRAMS,
        /** Anywhere else: nothing looks there. */
        OUTSIDE;

        boolean importable() {
            return this == SITE_PACKAGES || this == PYTHON_ROOT;
        }
    }

    private static final Pattern VERSION_FOLDER = Pattern.compile("python/lib/(python\\d+\\.\\d+)/(.*)");

    private final LambdaTarget target;
    private final String sitePackages;

    RuntimeView(LambdaTarget target) {
        this.target = target;
        this.sitePackages = target.sitePackagesPrefix();
    }

    LambdaTarget target() {
        return target;
    }

    Placement placement(String entry) {
        if (entry.startsWith(sitePackages)) {
            return Placement.SITE_PACKAGES;
        }
        Optional<String> version = pythonFolder(entry);
        if (version.isPresent()) {
            return version.get().equals(target.runtime().libFolder()) ? Placement.VERSION_FOLDER
                    : Placement.OTHER_PYTHON_VERSION;
        }
        if (entry.startsWith("python/")) {
            return Placement.PYTHON_ROOT;
        }
        if (entry.startsWith("lib/")) {
            return Placement.LIBRARY_PATH;
        }
        if (entry.startsWith("bin/") || entry.startsWith("extensions/")) {
            return Placement.PROGRAMS;
        }
        return Placement.OUTSIDE;
    }

    /** {@code python3.12} for {@code python/lib/python3.12/…}. */
    static Optional<String> pythonFolder(String entry) {
        Matcher m = VERSION_FOLDER.matcher(entry);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The folder a path is importable from: {@code python/lib/pythonX.Y/site-packages/} or {@code python/}. */
    Optional<String> importRoot(String entry) {
        return switch (placement(entry)) {
            case SITE_PACKAGES -> Optional.of(sitePackages);
            case PYTHON_ROOT -> Optional.of("python/");
            default -> Optional.empty();
        };
    }

    /** The path as Python sees it ({@code numpy/_core/x.so}) when importable, else the entry name. */
    String display(String entry) {
        return importRoot(entry).map(root -> entry.substring(root.length())).orElse(entry);
    }
}
