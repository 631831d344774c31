package dev.pylayer.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.wheel.InvalidEntryPointException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected texts are what pip 26.2.1's PipScriptMaker writes with the same executable. */
class ScriptWrappersTest {

    private static Map<String, String> scripts(List<ScriptWrappers.Script> scripts) {
        Map<String, String> byName = new LinkedHashMap<>();
        scripts.forEach(script -> byName.put(script.name(), new String(script.content(), StandardCharsets.UTF_8)));
        return byName;
    }

    @Test
    void writesPipsLauncherTemplate() {
        Map<String, String> written = scripts(ScriptWrappers.generate(
                Map.of("nested", "demo.cli:App.run [extra]"), Map.of("demo-gui", "demo.cli:main"),
                "/var/lang/bin/python3.12", "3.12"));
        assertEquals("""
                #!/var/lang/bin/python3.12
                import sys
                from demo.cli import App
                if __name__ == '__main__':
                    sys.argv[0] = sys.argv[0].removesuffix('.exe')
                    sys.exit(App.run())
                """, written.get("nested"));
        assertEquals("""
                #!/var/lang/bin/python3.12
                import sys
                from demo.cli import main
                if __name__ == '__main__':
                    sys.argv[0] = sys.argv[0].removesuffix('.exe')
                    sys.exit(main())
                """, written.get("demo-gui"));
    }

    @Test
    void usesTheShellTrickForAnInterpreterPathWithASpace() {
        Map<String, String> written = scripts(ScriptWrappers.generate(Map.of("spaced", "a:b"), Map.of(),
                "/opt/my python/bin/python3", "3.12"));
        assertTrue(written.get("spaced").startsWith("#!/bin/sh\n'''exec' /opt/my python/bin/python3 \"$0\" \"$@\"\n' '''\nimport sys\n"),
                written.get("spaced"));
    }

    @Test
    void versionsPipAndEasyInstallAsPipDoes() {
        Map<String, String> console = new LinkedHashMap<>();
        console.put("pip", "pip._internal.cli.main:main");
        console.put("pip3.8", "pip._internal.cli.main:main");
        console.put("easy_install", "setuptools.command.easy_install:main");
        console.put("easy_install-3.8", "setuptools.command.easy_install:main");
        console.put("other", "m:f");
        assertEquals(List.of("pip", "pip3", "pip3.11", "easy_install", "easy_install-3.11", "other"),
                List.copyOf(scripts(ScriptWrappers.generate(console, Map.of(), "/var/lang/bin/python3.11", "3.11")).keySet()));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "demo|demo.cli|callable suffix",
            "demo|demo.cli:a:b|more than one",
            "demo|-not-python|not `name = module:function`",
            "../evil|demo:main|outside the scripts folder",
            "sub/evil|demo:main|outside the scripts folder",
            "demo|demo:main [bad extra|malformed"})
    void refusesEntryPointsPipCannotInstall(String name, String value, String why) {
        InvalidEntryPointException error = assertThrows(InvalidEntryPointException.class,
                () -> ScriptWrappers.generate(Map.of(name, value), Map.of(), "/var/lang/bin/python3.12", "3.12"));
        assertTrue(error.getMessage().contains(why), error.getMessage());
    }
}
