package dev.pylayer.publish;

import dev.pylayer.runtime.LambdaLimits;
import java.util.List;

/** Attaching would give a function more layers than Lambda allows. */
public final class TooManyLayersException extends PublishException {
    public TooManyLayersException(String function, List<String> currentLayers) {
        super("function `" + function + "` already has " + currentLayers.size() + " layers; Lambda allows at most "
                        + LambdaLimits.MAX_LAYERS_PER_FUNCTION + ": " + String.join(", ", currentLayers),
                List.of("remove a layer from the function first, or merge two layers into one"));
    }
}
