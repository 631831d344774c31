package dev.pylayer.publish;

/** A permission on a layer version, and whether it was new or already there (same statement ID). */
public record PermissionGrant(LayerPermission permission, String statementId, boolean alreadyGranted) {
}
