package dev.pylayer.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The import statements of the Python language reference and PEP 328, read without Python. */
class ImportScannerTest {
    @ParameterizedTest(name = "{0} in `{1}`")
    @CsvSource(delimiter = '|', value = {
            // source (\\n is a line break) | the file's package | modules found, space-separated
            "import os|pkg|os",
            "import a.b.c as d, e|pkg|a.b.c e",
            "import a.b.c as d ,e as f  # comment, g|pkg|a.b.c e",
            "from a.b import c, d as e|pkg|a.b a.b.c a.b.d",
            "from a.b import (c,\\n    d as e,\\n)|pkg|a.b a.b.c a.b.d",
            "from a import \\\\n    b, \\\\n    c|pkg|a a.b a.c",
            "from a import *|pkg|a",
            "from . import tests|pkg.sub|pkg.sub pkg.sub.tests",
            "from .tests import util|pkg.sub|pkg.sub.tests pkg.sub.tests.util",
            "from ..tests._natype import pd_NA|numpy._core.sub|numpy._core.tests._natype numpy._core.tests._natype.pd_NA",
            "from ...x import y|a.b|''",
            "from . import x|''|''",
            "    from numpy._core.tests._natype import pd_NA|numpy.testing._private|numpy._core.tests._natype numpy._core.tests._natype.pd_NA",
            "if TYPE_CHECKING: import typing_extensions|pkg|typing_extensions",
            "x = 1; import json|pkg|json",
            "# import commented.out|pkg|''",
            "mod = importlib.import_module('pkg.tests.helpers')|pkg|pkg.tests.helpers",
            "__import__(\"a.b\")|pkg|a.b",
            "print('not.a module name!')|pkg|''",
            "s = 'a.b'|pkg|a.b",
            "important = 1|pkg|''",
            "from_here = 2|pkg|''",
            "import ünïcode.mod|pkg|ünïcode.mod",
    })
    void findsTheModulesASourceFileMayImport(String source, String packageName, String expected) {
        Set<String> wanted = expected.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(expected.split(" ")));
        assertEquals(wanted, ImportScanner.modules(source.replace("\\n", "\n"), packageName));
    }
}
