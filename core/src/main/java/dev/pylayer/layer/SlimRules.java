package dev.pylayer.layer;

import dev.pylayer.wheel.InvalidWheelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * What {@code --slim} and {@code --slim-stubs} leave out of a layer, decided on paths relative to site-packages.
 *
 * <p>{@code --slim}:
 * <ul>
 * <li>{@code __pycache__/} folders: CPython reads {@code __pycache__/X.*.pyc} only for a source {@code X.py} beside
 *     it (PEP 3147) and writes a new one, where it can, when it is missing;</li>
 * <li>{@code *.pyo}: Python 3.5 and later never import them (PEP 488);</li>
 * <li>{@code X.pyc} outside {@code __pycache__}, but only beside an {@code X.py}: without the source the
 *     {@code .pyc} is a sourceless module that Python does import, so it stays;</li>
 * <li>test suites: a folder named exactly {@code tests} or {@code test} below a regular package (its parent folder
 *     has an {@code __init__.py}: {@code pandas/tests}, {@code scipy/linalg/tests}), with everything in it. A
 *     top-level {@code tests/}, a folder under a data folder, and folders named otherwise ({@code numpy/testing},
 *     {@code pandas/_testing}) stay. A test module that a kept module imports stays too, with the
 *     {@code __init__.py} files of the packages between it and the test folder (numpy's
 *     {@code numpy/testing/_private/utils.py} imports {@code numpy._core.tests._natype}); imports are read by
 *     {@link ImportScanner} from every kept {@code .py} file but pytest's {@code conftest.py}, and again from each
 *     test module kept that way.</li>
 * </ul>
 * {@code --slim-stubs}: {@code *.pyi} files, which only type checkers read (PEP 484, PEP 561).
 *
 * <p>Nothing inside a {@code *.dist-info} folder is ever selected.
 */
final class SlimRules {
    private static final int SOURCE_READ_LIMIT = 64 * 1024 * 1024;

    private SlimRules() {
    }

    /** The paths {@code --slim} leaves out of {@code files} (keyed by path relative to site-packages). */
    static Set<String> slim(SortedMap<String, LayerFile> files) {
        Set<String> removed = new TreeSet<>();
        Set<String> packages = new HashSet<>();
        for (String path : files.keySet()) {
            if (path.endsWith("/__init__.py")) {
                packages.add(path.substring(0, path.length() - "/__init__.py".length()));
            }
        }
        Map<String, String> testFolderOf = new HashMap<>();
        for (String path : files.keySet()) {
            if (isDistInfo(path)) {
                continue;
            }
            if (isCompiled(path, files.keySet())) {
                removed.add(path);
                continue;
            }
            String folder = testFolder(path, packages);
            if (folder != null) {
                testFolderOf.put(path, folder);
            }
        }
        Set<String> kept = importedTestFiles(files, testFolderOf, removed);
        testFolderOf.keySet().stream().filter(path -> !kept.contains(path)).forEach(removed::add);
        return removed;
    }

    /** The paths {@code --slim-stubs} leaves out of {@code files}. */
    static Set<String> stubs(SortedMap<String, LayerFile> files) {
        Set<String> removed = new TreeSet<>();
        for (String path : files.keySet()) {
            if (path.endsWith(".pyi") && !isDistInfo(path)) {
                removed.add(path);
            }
        }
        return removed;
    }

    static boolean isDistInfo(String path) {
        int slash = path.indexOf('/');
        return slash > 0 && path.substring(0, slash).endsWith(".dist-info");
    }

    private static boolean isCompiled(String path, Set<String> all) {
        if (path.startsWith("__pycache__/") || path.contains("/__pycache__/") || path.endsWith(".pyo")) {
            return true;
        }
        return path.endsWith(".pyc") && all.contains(path.substring(0, path.length() - 1));
    }

    /** The test folder {@code path} is in ({@code pkg/sub/tests}), or null. */
    static String testFolder(String path, Set<String> packages) {
        int start = path.indexOf('/');
        while (start > 0) {
            int end = path.indexOf('/', start + 1);
            if (end < 0) {
                return null;
            }
            String segment = path.substring(start + 1, end);
            if ((segment.equals("tests") || segment.equals("test")) && packages.contains(path.substring(0, start))) {
                return path.substring(0, end);
            }
            start = end;
        }
        return null;
    }

    /** The files in test folders that kept modules import, followed through the imports of those files. */
    private static Set<String> importedTestFiles(SortedMap<String, LayerFile> files, Map<String, String> testFolderOf,
                                                 Set<String> removed) {
        Set<String> kept = new HashSet<>();
        if (testFolderOf.isEmpty()) {
            return kept;
        }
        Map<String, String> folderByModule = new HashMap<>();
        for (String folder : new HashSet<>(testFolderOf.values())) {
            folderByModule.put(folder.replace('/', '.'), folder);
        }
        Deque<String> toScan = new ArrayDeque<>();
        for (String path : files.keySet()) {
            if (path.endsWith(".py") && !testFolderOf.containsKey(path) && !removed.contains(path)
                    && !isDistInfo(path) && !path.equals("conftest.py") && !path.endsWith("/conftest.py")) {
                toScan.add(path);
            }
        }
        while (!toScan.isEmpty()) {
            String path = toScan.poll();
            String source = source(files.get(path));
            if (!source.contains("test")) {
                continue;
            }
            int slash = path.lastIndexOf('/');
            String packageName = slash < 0 ? "" : path.substring(0, slash).replace('/', '.');
            for (String module : ImportScanner.modules(source, packageName)) {
                String folderModule = enclosingTestFolder(module, folderByModule);
                if (folderModule == null) {
                    continue;
                }
                for (String needed : moduleFiles(module, folderByModule.get(folderModule), files)) {
                    if (testFolderOf.containsKey(needed) && kept.add(needed) && needed.endsWith(".py")) {
                        toScan.add(needed);
                    }
                }
            }
        }
        return kept;
    }

    /** The test folder's dotted name that {@code module} is in or equal to, or null. */
    private static String enclosingTestFolder(String module, Map<String, String> folderByModule) {
        for (int dot = module.length(); dot > 0; dot = module.lastIndexOf('.', dot - 1)) {
            String prefix = module.substring(0, dot);
            if (folderByModule.containsKey(prefix)) {
                return prefix;
            }
        }
        return null;
    }

    /**
     * The files that importing {@code module} (in test folder {@code folder}) loads: its {@code .py} file, or its
     * package's {@code __init__.py}, or an extension module of its name, and the {@code __init__.py} of every
     * package from the test folder down to it.
     */
    private static Set<String> moduleFiles(String module, String folder, SortedMap<String, LayerFile> files) {
        Set<String> needed = new TreeSet<>();
        String path = module.replace('.', '/');
        needed.add(path + ".py");
        needed.add(path + ".pyc");
        needed.add(path + "/__init__.py");
        String parent = path.substring(0, Math.max(path.lastIndexOf('/'), 0));
        String extensionPrefix = path + ".";
        for (String candidate : files.subMap(extensionPrefix, extensionPrefix + Character.MAX_VALUE).keySet()) {
            if (candidate.indexOf('/', extensionPrefix.length()) < 0
                    && (candidate.endsWith(".so") || candidate.endsWith(".pyd"))) {
                needed.add(candidate);
            }
        }
        for (String up = parent; up.length() >= folder.length(); up = up.substring(0, Math.max(up.lastIndexOf('/'), 0))) {
            needed.add(up + "/__init__.py");
            if (up.length() == folder.length()) {
                break;
            }
        }
        needed.retainAll(files.keySet());
        return needed;
    }

    private static String source(LayerFile file) {
        byte[] content;
        if (file instanceof LayerFile.Generated generated) {
            content = generated.content();
        } else {
            LayerFile.Copied copied = (LayerFile.Copied) file;
            if (copied.size() > SOURCE_READ_LIMIT) {
                throw new InvalidWheelException(copied.origin(), copied.entry().name(),
                        "it declares " + copied.size() + " bytes, too large a Python source to read for --slim");
            }
            try (InputStream in = copied.archive().open(copied.entry())) {
                content = in.readAllBytes();
            } catch (IOException e) {
                throw new InvalidWheelException(copied.origin(), copied.entry().name(),
                        "it cannot be read (" + e.getMessage() + ")", e);
            }
        }
        return new String(content, StandardCharsets.UTF_8);
    }
}
