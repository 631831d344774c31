package dev.pylayer.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What --slim and --slim-stubs leave out, and the test modules they keep because other code imports them. */
class SlimRulesTest {
    private static final List<String> LAYER = List.of(
            "pkg/__init__.py", "pkg/mod.py", "pkg/mod.pyi", "pkg/__pycache__/mod.cpython-311.pyc",
            "pkg/legacy.py", "pkg/legacy.pyc", "pkg/sourceless.pyc", "pkg/old.pyo",
            "pkg/tests/__init__.py", "pkg/tests/test_mod.py", "pkg/tests/data/sample.csv",
            "pkg/tests/__pycache__/test_mod.cpython-311.pyc",
            "pkg/sub/__init__.py", "pkg/sub/test/test_x.py", "pkg/sub/deeper/__init__.py",
            "pkg/sub/deeper/tests/test_y.py", "pkg/sub/tests.py", "pkg/sub/test",
            "pkg/testing/__init__.py", "pkg/testing/tests/__init__.py", "pkg/_testing.py", "pkg/conftest.py",
            "pkg/data/tests/x.txt", "tests/test_top.py", "nonpkg/tests/x.py", "__pycache__/top.cpython-311.pyc",
            "top.py", "top.pyi", "demo-1.0.dist-info/RECORD", "demo-1.0.dist-info/tests/x.pyc",
            "demo-1.0.dist-info/tests/x.pyi", "bin/tool");

    private static SortedMap<String, LayerFile> files(List<String> paths, String... sources) {
        SortedMap<String, LayerFile> files = new TreeMap<>(Utf8Order.INSTANCE);
        for (String path : paths) {
            files.put(path, file(path, ""));
        }
        for (int i = 0; i < sources.length; i += 2) {
            files.put(sources[i], file(sources[i], sources[i + 1]));
        }
        return files;
    }

    private static LayerFile file(String path, String content) {
        return new LayerFile.Generated("demo-1.0-py3-none-any.whl", path, content.getBytes(StandardCharsets.UTF_8),
                LayerFile.FILE_MODE);
    }

    @ParameterizedTest(name = "{0}: slim {1}, stubs {2}")
    @CsvSource({
            "pkg/__pycache__/mod.cpython-311.pyc, true, false",
            "__pycache__/top.cpython-311.pyc,     true, false",
            "pkg/tests/__pycache__/test_mod.cpython-311.pyc, true, false",
            "pkg/legacy.pyc,                      true, false",
            "pkg/old.pyo,                         true, false",
            "pkg/sourceless.pyc,                  false, false",
            "pkg/tests/__init__.py,               true, false",
            "pkg/tests/test_mod.py,               true, false",
            "pkg/tests/data/sample.csv,           true, false",
            "pkg/sub/test/test_x.py,              true, false",
            "pkg/sub/deeper/tests/test_y.py,      true, false",
            "pkg/testing/tests/__init__.py,       true, false",
            "pkg/sub/tests.py,                    false, false",
            "pkg/sub/test,                        false, false",
            "pkg/testing/__init__.py,             false, false",
            "pkg/_testing.py,                     false, false",
            "pkg/conftest.py,                     false, false",
            "pkg/data/tests/x.txt,                false, false",
            "tests/test_top.py,                   false, false",
            "nonpkg/tests/x.py,                   false, false",
            "pkg/__init__.py,                     false, false",
            "pkg/mod.py,                          false, false",
            "pkg/legacy.py,                       false, false",
            "pkg/mod.pyi,                         false, true",
            "top.pyi,                             false, true",
            "demo-1.0.dist-info/tests/x.pyc,      false, false",
            "demo-1.0.dist-info/tests/x.pyi,      false, false",
            "demo-1.0.dist-info/RECORD,           false, false",
            "bin/tool,                            false, false",
    })
    void leavesOutCachesTestSuitesAndStubs(String path, boolean slim, boolean stubs) {
        SortedMap<String, LayerFile> files = files(LAYER);
        assertEquals(slim, SlimRules.slim(files).contains(path), "slim");
        assertEquals(stubs, SlimRules.stubs(files).contains(path), "stubs");
    }

    @Test
    void keepsTestModulesThatOtherModulesImportWithThePackagesAboveThem() {
        SortedMap<String, LayerFile> files = files(List.of("pkg/__init__.py", "pkg/tests/__init__.py",
                        "pkg/tests/test_a.py", "pkg/tests/data.csv", "pkg/tests/deep/__init__.py",
                        "pkg/tests/deep/test_b.py", "pkg/tests/_ext.cpython-311-x86_64-linux-gnu.so",
                        "pkg/tests/_ext.py.txt", "pkg/tests/unrelated.py", "pkg/tests/via_conftest.py"),
                "pkg/util.py", "def f():\n    from pkg.tests.helpers import thing\n    return thing\n",
                "pkg/tests/helpers.py", "from .fixtures import fixture\nfrom . import deep\nimport pkg.tests._ext\n",
                "pkg/tests/fixtures.py", "fixture = 1\n",
                "pkg/conftest.py", "from pkg.tests import via_conftest\n",
                "pkg/tests/unrelated.py", "from pkg.tests import test_a\n");
        Set<String> removed = SlimRules.slim(files);
        Set<String> kept = new TreeSet<>(files.keySet());
        kept.removeAll(removed);
        assertEquals(new TreeSet<>(List.of("pkg/__init__.py", "pkg/conftest.py", "pkg/util.py",
                "pkg/tests/__init__.py", "pkg/tests/helpers.py", "pkg/tests/fixtures.py", "pkg/tests/deep/__init__.py",
                "pkg/tests/_ext.cpython-311-x86_64-linux-gnu.so")), kept);
    }

    @Test
    void aTestFolderWithoutAnImporterGoesWhole() {
        SortedMap<String, LayerFile> files = files(List.of("pkg/__init__.py", "pkg/tests/__init__.py",
                "pkg/tests/test_a.py"), "pkg/core.py", "def test_like_name():\n    return 'pkg.testsuite'\n");
        assertEquals(Set.of("pkg/tests/__init__.py", "pkg/tests/test_a.py"), SlimRules.slim(files));
    }
}
