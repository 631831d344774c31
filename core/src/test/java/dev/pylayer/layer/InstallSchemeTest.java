package dev.pylayer.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pylayer.wheel.InvalidWheelException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where pip 26 --target puts each kind of wheel entry (home scheme, then _handle_target_dir). */
class InstallSchemeTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(value = {
            "demo/__init__.py, demo/__init__.py, LIB",
            "demo-1.0.dist-info/METADATA, demo-1.0.dist-info/METADATA, LIB",
            "top_level.py, top_level.py, LIB",
            "demo-1.0.data/purelib/demo/pure.py, demo/pure.py, LIB",
            "demo-1.0.data/platlib/demo/_c.so, demo/_c.so, LIB",
            "demo-1.0.data/scripts/demo-tool, bin/demo-tool, SCRIPT",
            "demo-1.0.data/headers/demo.h, include/python/demo/demo.h, HEADER",
            "demo-1.0.data/data/share/demo/x.txt, share/demo/x.txt, DATA",
            "demo-1.0.data/data/etc/demo.conf, etc/demo.conf, DATA",
            "demo-1.0.data/data/bin/extra, bin/extra, DATA",
            "demo-1.0.data/data/lib/python/via_data.py, via_data.py, LIB",
            "demo-1.0.data/data/library/x.txt, library/x.txt, DATA",
            "other.data/purelib/x.py, x.py, LIB",
            "demo-1.0.datax/purelib/x.py, demo-1.0.datax/purelib/x.py, LIB"})
    void placesEntriesAsPipTargetDoes(String entry, String path, InstallScheme.Kind kind) {
        assertEquals(Optional.of(new InstallScheme.Destination(path, kind)), InstallScheme.destination("w.whl", entry, "demo"));
    }

    @ParameterizedTest
    @CsvSource({"demo-1.0.data/data/lib/other.txt", "demo-1.0.data/data/lib/python3.12/x.py", "demo-1.0.data/data/li/x",
            "demo-1.0.data/data/l/x"})
    void losesDataUnderLibAsPipTargetDoes(String entry) {
        assertEquals(Optional.empty(), InstallScheme.destination("w.whl", entry, "demo"));
    }

    @ParameterizedTest
    @CsvSource({"demo-1.0.data/unknown/x.py", "demo-1.0.data/file.txt"})
    void refusesWhatPipRefuses(String entry) {
        InvalidWheelException error = assertThrows(InvalidWheelException.class,
                () -> InstallScheme.destination("w.whl", entry, "demo"));
        assertEquals(entry, error.entry().orElseThrow());
    }
}
