package dev.pylayer.wheel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntryPointsTest {

    @Test
    void readsGroupsAsImportlibMetadataDoes() {
        EntryPoints points = EntryPoints.parse("""
                ignored = before:any_group
                [console_scripts]
                # a comment
                demo = demo.cli:main
                  other=demo.cli:other [extra]

                [gui_scripts]
                demo-gui = demo.gui:run
                [demo.plugins]
                x = demo.plugins:x
                """);
        assertEquals(Map.of("demo", "demo.cli:main", "other", "demo.cli:other [extra]"), points.consoleScripts());
        assertEquals(Map.of("demo-gui", "demo.gui:run"), points.guiScripts());
        assertEquals(List.of(new EntryPoint("demo.plugins", "x", "demo.plugins:x")), points.entries().stream()
                .filter(entry -> entry.group().equals("demo.plugins")).toList());
        assertEquals(4, points.entries().size());
    }

    @Test
    void letsTheLastOfTwoNamesWinAsPipsDictDoes() {
        EntryPoints points = EntryPoints.parse("[console_scripts]\na = m:one\nb = m:b\na = m:two\n");
        assertEquals(List.of("a", "b"), List.copyOf(points.consoleScripts().keySet()));
        assertEquals("m:two", points.consoleScripts().get("a"));
    }

    @Test
    void refusesALineWithoutEquals() {
        InvalidEntryPointException error = assertThrows(InvalidEntryPointException.class,
                () -> EntryPoints.parse("[console_scripts]\njust-a-name\n"));
        assertEquals("just-a-name", error.specification());
    }
}
