package dev.pylayer.layer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The layer zip could not be written (disk full, no permission, missing folder); nothing was left behind. */
public final class LayerWriteException extends LayerException {
    private final Path output;

    public LayerWriteException(Path output, String why, IOException cause) {
        super("cannot write the layer `" + output + "`: " + why,
                List.of("check that the folder exists, is writable and has free space"), cause);
        this.output = output;
    }

    public Path output() {
        return output;
    }
}
