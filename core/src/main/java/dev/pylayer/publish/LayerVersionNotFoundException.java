package dev.pylayer.publish;

import java.util.List;

/** A layer (or one version of it) that does not exist, or that this account cannot see. */
public final class LayerVersionNotFoundException extends PublishException {
    public LayerVersionNotFoundException(String layer, String region) {
        super("layer `" + layer + "` not found" + (region == null ? "" : " in " + region),
                List.of("check the name and --region; `pylayer layers list NAME` shows the versions that exist"));
    }
}
