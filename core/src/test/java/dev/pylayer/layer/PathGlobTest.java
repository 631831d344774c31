package dev.pylayer.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Globs over paths relative to site-packages, gitignore-style for {@code **}, and a folder matching its files. */
class PathGlobTest {
    @ParameterizedTest(name = "{0} ~ {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "botocore/data/**|botocore/data/ec2/2016-11-15/service-2.json.gz|true",
            "botocore/data/**|botocore/data/endpoints.json|true",
            "botocore/data/**|botocore/client.py|false",
            "botocore/data/**|botocore/database.py|false",
            "botocore/data|botocore/data/endpoints.json|true",
            "botocore/data/|botocore/data/endpoints.json|true",
            "botocore/data/|botocore/data|false",
            "botocore/dat|botocore/data/endpoints.json|false",
            "**/*.pyi|numpy/__init__.pyi|true",
            "**/*.pyi|top.pyi|true",
            "**/*.pyi|numpy/_core/multiarray.pyi|true",
            "**/*.pyi|numpy/__init__.py|false",
            "*.pyi|top.pyi|true",
            "*.pyi|numpy/__init__.pyi|false",
            "*|anything/below/it.txt|true",
            "**|a/b/c|true",
            "numpy/**/tests|numpy/_core/tests/test_api.py|true",
            "numpy/**/tests|numpy/tests/test_x.py|true",
            "numpy/**/tests|numpy/testing/utils.py|false",
            "pkg/*/x.py|pkg/a/x.py|true",
            "pkg/*/x.py|pkg/a/b/x.py|false",
            "pkg/**/x.py|pkg/a/b/x.py|true",
            "pkg/**/x.py|pkg/x.py|true",
            "pkg/a**b.py|pkg/aXXb.py|true",
            "pkg/a**b.py|pkg/a/b.py|false",
            "pkg/?.py|pkg/a.py|true",
            "pkg/?.py|pkg/ab.py|false",
            "pkg/[ab].py|pkg/b.py|true",
            "pkg/[ab].py|pkg/c.py|false",
            "pkg/[!ab].py|pkg/c.py|true",
            "pkg/[!ab].py|pkg/a.py|false",
            "pkg/[a-c].py|pkg/b.py|true",
            "pkg/[a-c].py|pkg/d.py|false",
            "pkg/[]].py|pkg/].py|true",
            "pkg/*.so|pkg/.hidden.so|true",
            "pkg/a+b(c).py|pkg/a+b(c).py|true",
            "pkg/a+b(c).py|pkg/aab(c).py|false",
            "Pkg/x.py|pkg/x.py|false",
            "*.dist-info/LICENSE*|demo-1.0.dist-info/LICENSE.txt|true",
    })
    void matchesPathsRelativeToSitePackages(String glob, String path, boolean matches) {
        assertEquals(matches, PathGlob.parse(glob).matches(path));
    }

    @ParameterizedTest(name = "`{0}`: {1}")
    @CsvSource(delimiter = '|', value = {
            "''|it is empty",
            "'   '|it is empty",
            "/botocore/data/**|it is absolute",
            "botocore\\data|layer paths are separated by `/`",
            "botocore//data|an empty path segment",
            "../secrets|it contains `..`",
            "a/./b|it contains `.`",
            "pkg/[ab.py|is not closed",
    })
    void refusesMalformedPatterns(String glob, String why) {
        InvalidExcludeException error = assertThrows(InvalidExcludeException.class, () -> PathGlob.parse(glob));
        assertTrue(error.getMessage().contains("`" + glob + "`"), error.getMessage());
        assertTrue(error.getMessage().contains(why), error.getMessage());
        assertEquals(glob, error.pattern());
        assertTrue(error.describe().contains("hint: patterns are globs"), error.describe());
    }
}
