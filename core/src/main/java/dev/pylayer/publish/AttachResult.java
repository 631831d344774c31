package dev.pylayer.publish;

import java.util.List;

/**
 * What attaching a layer version to one function did.
 *
 * @param replacedLayerVersionArn the older version of the same layer that the new one took the place of, or null
 * @param layersBefore            the function's layer version ARNs before, in order
 * @param layersAfter             and after, in order (the same when {@link Outcome#UNCHANGED})
 * @param warnings                mismatches of runtime or architecture between the layer and the function
 */
public record AttachResult(String function, String functionArn, Outcome outcome, String replacedLayerVersionArn,
        List<String> layersBefore, List<String> layersAfter, List<String> warnings) {

    public AttachResult {
        layersBefore = List.copyOf(layersBefore);
        layersAfter = List.copyOf(layersAfter);
        warnings = List.copyOf(warnings);
    }

    public enum Outcome {
        /** The layer was not on the function; it was appended after the others. */
        ADDED,
        /** An older version of the layer was replaced in its place. */
        REPLACED,
        /** The function already used this very version; nothing was changed. */
        UNCHANGED
    }
}
