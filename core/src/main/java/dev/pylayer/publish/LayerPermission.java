package dev.pylayer.publish;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who may use a layer version: one AWS account, every account of an AWS Organization, or every AWS account.
 * Granted with AddLayerVersionPermission for the action {@code lambda:GetLayerVersion}, which is what a
 * function's configuration needs to reference a layer of another account.
 */
public record LayerPermission(Kind kind, String id) {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    /** AddLayerVersionPermission's OrganizationId pattern. */
    private static final Pattern ORGANIZATION = Pattern.compile("o-[a-z0-9]{10,32}");

    public enum Kind {
        ACCOUNT, ORGANIZATION, PUBLIC
    }

    public LayerPermission {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.PUBLIC ? id != null : id == null) {
            throw new IllegalArgumentException("id must be given for " + kind + " and only then");
        }
    }

    /** Parses {@code account=123456789012}, {@code org=o-abcdefghij} or {@code public}. */
    public static LayerPermission parse(String text) {
        Objects.requireNonNull(text, "text");
        String value = text.strip();
        if (value.equalsIgnoreCase("public")) {
            return new LayerPermission(Kind.PUBLIC, null);
        }
        int equals = value.indexOf('=');
        if (equals < 0) {
            throw new InvalidPermissionException(text, "expected `account=ID`, `org=ID` or `public`");
        }
        String key = value.substring(0, equals).strip().toLowerCase(Locale.ROOT);
        String id = value.substring(equals + 1).strip();
        switch (key) {
            case "account":
                if (!ACCOUNT.matcher(id).matches()) {
                    throw new InvalidPermissionException(text, "an AWS account ID has 12 digits");
                }
                return new LayerPermission(Kind.ACCOUNT, id);
            case "org":
            case "organization":
                if (!ORGANIZATION.matcher(id).matches()) {
                    throw new InvalidPermissionException(text,
                            "an organization ID looks like `o-` followed by 10 to 32 lower-case letters or digits");
                }
                return new LayerPermission(Kind.ORGANIZATION, id);
            default:
                throw new InvalidPermissionException(text, "unknown kind `" + key + "`");
        }
    }

    /** AddLayerVersionPermission's Principal: the account ID, or {@code *} for an organization or everyone. */
    public String principal() {
        return kind == Kind.ACCOUNT ? id : "*";
    }

    /** AddLayerVersionPermission's OrganizationId, or null. */
    public String organizationId() {
        return kind == Kind.ORGANIZATION ? id : null;
    }

    /**
     * A statement ID derived from the grant, so granting the same thing twice meets the existing statement
     * (Lambda answers ResourceConflictException) instead of piling up duplicates. Pattern {@code [a-zA-Z0-9-_]+}.
     */
    public String statementId() {
        return switch (kind) {
            case ACCOUNT -> "pylayer-account-" + id;
            case ORGANIZATION -> "pylayer-org-" + id;
            case PUBLIC -> "pylayer-public";
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ACCOUNT -> "account=" + id;
            case ORGANIZATION -> "org=" + id;
            case PUBLIC -> "public";
        };
    }
}
