package dev.pylayer.publish;

import java.nio.file.Path;
import java.util.List;

/** The layer file cannot be read as a zip archive. */
public final class LayerArchiveException extends PublishException {
    public LayerArchiveException(Path zip, String why, Throwable cause) {
        super("cannot read layer `" + zip + "`: " + why,
                List.of("pass the .zip file that `pylayer build` wrote (a Lambda layer is a zip archive)"), cause);
    }
}
