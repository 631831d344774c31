package dev.pylayer.publish;

import java.util.List;

/** A {@code --permission} value that is not {@code account=ID}, {@code org=ID} or {@code public}. */
public final class InvalidPermissionException extends PublishException {
    public InvalidPermissionException(String input, String why) {
        super("`" + input + "` is not a layer permission: " + why,
                List.of("use `account=123456789012` (one AWS account), `org=o-abcdefghij` (every account of an "
                        + "AWS Organization) or `public` (every AWS account)"));
    }
}
