package dev.pylayer.testdata.wheels;

import java.nio.charset.StandardCharsets;

/**
 * Correct wheels that use every part of the install scheme pip knows: the layer writer's unit tests state
 * where each file lands, and an integration test checks the same wheel against {@code pip install --target}.
 */
public final class InstallSchemeWheels {
    private InstallSchemeWheels() {
    }

    /**
     * {@code Demo.Pkg} 1.0 (file names {@code demo_pkg-…}): files with commas in their path, an executable file, a
     * stored native library, every {@code .data} scheme ({@code purelib}, {@code platlib}, {@code scripts} with a
     * {@code #!python} script, a setuptools wrapper an entry point replaces and a plain shell script, {@code headers},
     * and {@code data} with a file under {@code lib/python} pip moves to the top and one under {@code lib} it
     * loses), and console and GUI entry points.
     */
    public static WheelBuilder everyScheme() {
        return WheelBuilder.wheel("Demo.Pkg", "1.0").requiresDist("idna")
                .file("demo_pkg/__init__.py", "VALUE = 1\n")
                .file("demo_pkg/sub/data,with,commas.txt", "commas\n")
                .fileWithMode("demo_pkg/tool", "#!/bin/sh\necho tool\n".getBytes(StandardCharsets.UTF_8), 0100755)
                .storedFile("demo_pkg/_native.so", new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1})
                .dataFile("purelib", "demo_pkg/pure.py", "P = 1\n")
                .dataFile("platlib", "demo_pkg/plat.py", "Q = 1\n")
                .dataFile("scripts", "demo-run", "#!python\nprint('run')\n")
                .dataFile("scripts", "demo-cli", "#!python\n# setuptools' wrapper, replaced by pip's\n")
                .dataFile("scripts", "plain.sh", "#!/bin/sh\necho plain\n")
                .dataFile("headers", "demo.h", "int demo;\n")
                .dataFile("data", "share/demo/x.txt", "x\n")
                .dataFile("data", "lib/python/via_data.py", "V = 1\n")
                .dataFile("data", "lib/lost.txt", "pip loses this\n")
                .entryPoint("console_scripts", "demo-cli", "demo_pkg:main")
                .entryPoint("gui_scripts", "demo-gui", "demo_pkg:main");
    }
}
