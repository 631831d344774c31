package dev.pylayer.inspect;

import dev.pylayer.inspect.RuntimeView.Placement;
import dev.pylayer.runtime.ByteSize;
import dev.pylayer.runtime.LambdaTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks where files sit: packages must be under {@code python/} or the target's
 * {@code python/lib/pythonX.Y/site-packages/}; anything else is invisible to the runtime's Python (a layer zipped
 * from inside site-packages, or built for another Python version, is the classic "No module named" on Lambda).
 */
final class LayoutCheck {
    private LayoutCheck() {
    }

    static List<Finding> run(LayerScan scan, RuntimeView view) {
        List<Finding> findings = new ArrayList<>();
        LambdaTarget target = view.target();
        if (scan.entries().isEmpty()) {
            findings.add(new Finding(Severity.ERROR, FindingKind.LAYOUT_EMPTY, "", "the layer has no files",
                    "build it again; a layer's packages go under python/"));
            return findings;
        }
        Map<String, List<LayerEntry>> outside = new LinkedHashMap<>();
        Map<String, List<LayerEntry>> otherVersions = new LinkedHashMap<>();
        Map<String, List<LayerEntry>> versionFolder = new LinkedHashMap<>();
        int sitePackagesFiles = 0;
        for (LayerEntry entry : scan.entries()) {
            String name = entry.name();
            if (isUnsafe(name)) {
                findings.add(new Finding(Severity.WARNING, FindingKind.LAYOUT_UNSAFE_PATH, name, "entry `" + name
                                + "` is an absolute path or climbs out with `..`; it would land outside /opt, or Lambda "
                                + "refuses the layer", "rebuild the layer with pylayer, which writes only relative paths"));
                continue;
            }
            if (entry.readError() != null) {
                findings.add(new Finding(Severity.ERROR, FindingKind.ZIP_ENTRY_UNREADABLE, name, "entry `" + name
                        + "` cannot be read: " + entry.readError(), "rebuild the layer; the archive is damaged"));
            }
            switch (view.placement(name)) {
                case SITE_PACKAGES -> sitePackagesFiles++;
                case OUTSIDE -> outside.computeIfAbsent(firstSegment(name), k -> new ArrayList<>()).add(entry);
                case OTHER_PYTHON_VERSION -> otherVersions.computeIfAbsent(
                        "python/lib/" + RuntimeView.pythonFolder(name).orElseThrow() + "/", k -> new ArrayList<>()).add(entry);
                case VERSION_FOLDER -> versionFolder.computeIfAbsent(folderIn(name, target.sitePackagesPrefix().length()
                        - "site-packages/".length()), k -> new ArrayList<>()).add(entry);
                default -> {
                }
            }
        }
        for (Map.Entry<String, List<LayerEntry>> group : outside.entrySet()) {
            findings.add(outsideFinding(group.getKey(), group.getValue(), target));
        }
        for (Map.Entry<String, List<LayerEntry>> group : otherVersions.entrySet()) {
            String folder = group.getKey();
            int files = group.getValue().size();
            if (sitePackagesFiles > 0) {
                findings.add(new Finding(Severity.INFO, FindingKind.LAYOUT_OTHER_PYTHON_VERSION, folder, "`" + folder
                        + "` (" + count(files) + ") is for another Python; " + target.runtime() + " uses `"
                        + target.sitePackagesPrefix() + "`", "nothing to do if the layer serves several runtimes"));
            } else {
                String other = folder.substring("python/lib/".length(), folder.length() - 1);
                findings.add(new Finding(Severity.ERROR, FindingKind.LAYOUT_OTHER_PYTHON_VERSION, folder, "`" + folder
                        + "` (" + count(files) + ") is for " + other + ", but " + target.runtime() + " looks only in `"
                        + target.sitePackagesPrefix() + "` and `python/`",
                        "build the layer for " + target.runtime() + " (`--runtime " + target.runtime() + "`), or inspect it "
                                + "with `--runtime " + other + "` if that is the function's runtime"));
            }
        }
        for (Map.Entry<String, List<LayerEntry>> group : versionFolder.entrySet()) {
            findings.add(new Finding(Severity.WARNING, FindingKind.LAYOUT_OUTSIDE_SITE_PACKAGES, group.getKey(), "`"
                    + group.getKey() + "` (" + count(group.getValue().size()) + ") is not in site-packages/, so "
                    + target.runtime() + " will not import from it", "move it into `" + target.sitePackagesPrefix() + "`"));
        }
        if (scan.budgetExhausted()) {
            findings.add(new Finding(Severity.WARNING, FindingKind.READ_BUDGET, "", "stopped inflating after "
                    + ByteSize.human(scan.limits().readBudget()) + ": the layer is far beyond Lambda's size limit "
                    + "(or a zip bomb); later files were counted by their declared size and not checked",
                    "make the layer smaller than 250 MB unzipped"));
        }
        return findings;
    }

    private static Finding outsideFinding(String group, List<LayerEntry> entries, LambdaTarget target) {
        boolean installed = entries.stream().anyMatch(entry -> entry.name().contains(".dist-info/")
                || entry.fileName().equals("__init__.py")
                || ExtensionModuleName.parse(entry.fileName()).isPresent());
        boolean python = entries.stream().anyMatch(entry -> entry.fileName().endsWith(".py"));
        String where = "`" + group + "`" + (entries.size() > 1 || group.endsWith("/") ? " (" + count(entries.size()) + ")" : "");
        if (installed || python) {
            return new Finding(installed ? Severity.ERROR : Severity.WARNING, FindingKind.LAYOUT_OUTSIDE_PYTHON, group,
                    where + " is outside python/: " + target.runtime() + " only imports from `python/` and `"
                            + target.sitePackagesPrefix() + "`",
                    "zip the layer so packages sit under `" + target.sitePackagesPrefix() + "` (pip install --target "
                            + "python/lib/" + target.runtime().libFolder() + "/site-packages, then zip from the folder "
                            + "holding python/)");
        }
        return new Finding(Severity.INFO, FindingKind.LAYOUT_OUTSIDE_PYTHON, group, where + " is outside python/, lib/, "
                + "bin/ and extensions/; nothing on Lambda looks there", "leave it out to save space");
    }

    /** Absolute, a backslash, a drive letter or a {@code ..} segment (checked per entry: no regex, no split). */
    private static boolean isUnsafe(String name) {
        boolean driveLetter = name.length() >= 2 && name.charAt(1) == ':'
                && (name.charAt(0) >= 'A' && name.charAt(0) <= 'Z' || name.charAt(0) >= 'a' && name.charAt(0) <= 'z');
        return name.startsWith("/") || name.contains("\\") || driveLetter || ("/" + name + "/").contains("/../");
    }

    private static String firstSegment(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash + 1);
    }

    /** The first folder below a prefix of the given length, or the file itself. */
    private static String folderIn(String name, int prefixLength) {
        int slash = name.indexOf('/', prefixLength);
        return slash < 0 ? name : name.substring(0, slash + 1);
    }

    private static String count(int files) {
        return files == 1 ? "1 file" : files + " files";
    }
}
