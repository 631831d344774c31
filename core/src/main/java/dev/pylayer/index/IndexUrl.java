package dev.pylayer.index;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * An index or find-links location as a user gives it: {@code https://user:token@host/simple}, a
 * {@code file://} URL, or a local path. The credentials are taken out of the URL at once: {@link #url()} has
 * none, {@link #displayUrl()} shows the user with the password masked (as pip's {@code redact_auth_from_url}).
 */
public final class IndexUrl {
    private static final Pattern USERINFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)([^/@?#]*)@");

    private final String url;
    private final String display;
    private final Optional<Credentials> credentials;

    private IndexUrl(String url, String display, Optional<Credentials> credentials) {
        this.url = url;
        this.display = display;
        this.credentials = credentials;
    }

    /** Parses an http(s) URL, a {@code file:} URL or a local path (made absolute). */
    public static IndexUrl parse(String text) {
        String trimmed = text.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            HttpUrl parsed = HttpUrl.parse(trimmed);
            if (parsed == null) {
                throw new InvalidIndexUrlException(mask(trimmed), "is not a valid URL",
                        List.of("write it as `https://host/path`; characters such as `@` or `:` in a password must be percent-encoded"));
            }
            Optional<Credentials> credentials = parsed.username().isEmpty() && parsed.password().isEmpty()
                    ? Optional.empty()
                    : Optional.of(new Credentials(parsed.username(), parsed.password()));
            String bare = parsed.newBuilder().username("").password("").build().toString();
            return new IndexUrl(bare, mask(trimmed), credentials);
        }
        if (lower.startsWith("file:")) {
            try {
                URI uri = new URI(trimmed);
                return new IndexUrl(Path.of(uri).toUri().toString(), trimmed, Optional.empty());
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new InvalidIndexUrlException(trimmed, "is not a valid file URL",
                        List.of("write it as `file:///absolute/path`, or give the plain path"));
            }
        }
        if (trimmed.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            throw new InvalidIndexUrlException(mask(trimmed), "uses a scheme pylayer cannot read",
                    List.of("use an `https://`, `http://` or `file://` URL, or a local path"));
        }
        String uri = Path.of(trimmed).toAbsolutePath().normalize().toUri().toString();
        return new IndexUrl(uri, trimmed, Optional.empty());
    }

    /** The URL without credentials; {@code file:///…} for local locations. */
    public String url() {
        return url;
    }

    /** For messages and reports: the location as given, with any password masked. */
    public String displayUrl() {
        return display;
    }

    public Optional<Credentials> credentials() {
        return credentials;
    }

    public boolean isFile() {
        return url.startsWith("file:");
    }

    /** The local path of a {@code file:} location. */
    public Path path() {
        if (!isFile()) {
            throw new IllegalStateException("not a file URL: " + display);
        }
        return Path.of(URI.create(url));
    }

    /** The last non-empty path segment: {@code simple} for {@code https://host/simple/}. */
    public String lastSegment() {
        String path = isFile() ? URI.create(url).getPath() : HttpUrl.get(url).encodedPath();
        String[] segments = path.split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!segments[i].isEmpty()) {
                return segments[i];
            }
        }
        return "";
    }

    /** {@code url()} with exactly one trailing slash, ready to have a project path appended. */
    String withTrailingSlash() {
        return url.endsWith("/") ? url : url + "/";
    }

    /**
     * Masks the password in any URL: {@code https://user:secret@host/} → {@code https://user:****@host/}; a
     * user-only userinfo (a token) is masked whole: {@code https://****@host/}.
     */
    public static String mask(String url) {
        Matcher matcher = USERINFO.matcher(url);
        if (!matcher.find()) {
            return url;
        }
        String userinfo = matcher.group(2);
        int colon = userinfo.indexOf(':');
        String masked = colon >= 0 ? userinfo.substring(0, colon) + ":****" : "****";
        return matcher.group(1) + masked + "@" + url.substring(matcher.end());
    }

    @Override
    public String toString() {
        return display;
    }
}
