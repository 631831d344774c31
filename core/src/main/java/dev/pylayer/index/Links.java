package dev.pylayer.index;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What pip's {@code Link} works out from a URL: the file name, the hash in the fragment, whether it is a distribution. */
final class Links {
    /** pip's {@code Link._hash_url_fragment_re}: {@code #sha256=…} and friends (PEP 503). */
    private static final Pattern HASH_FRAGMENT = Pattern.compile("(sha1|sha224|sha384|sha256|sha512|md5)=([a-fA-F0-9]+)");
    /** pip's {@code SUPPORTED_EXTENSIONS}: wheels and the archive forms of sdists. */
    private static final List<String> EXTENSIONS = List.of(".whl", ".tar.gz", ".tgz", ".zip", ".tar.bz2", ".tbz",
            ".tar.xz", ".txz", ".tlz", ".tar.lz", ".tar.lzma", ".tar");

    private Links() {
    }

    /** {@code href} resolved against {@code base}, or empty when it is not a usable URL. */
    static Optional<String> resolve(String base, String href) {
        try {
            URI resolved = new URI(base).resolve(new URI(href.strip()));
            if ("file".equalsIgnoreCase(resolved.getScheme())) {
                // one spelling for local files (file:///path), whatever the page wrote
                URI bare = new URI("file", null, resolved.getPath(), null);
                String canonical = java.nio.file.Path.of(bare).toUri().toString();
                return Optional.of(resolved.getRawFragment() == null ? canonical : canonical + "#" + resolved.getRawFragment());
            }
            return Optional.of(resolved.toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The URL without its fragment. */
    static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    /** The hash named in the fragment ({@code #sha256=…}), if any. */
    static Map<String, String> fragmentHashes(String url) {
        int hash = url.indexOf('#');
        Map<String, String> hashes = new TreeMap<>();
        if (hash >= 0) {
            Matcher matcher = HASH_FRAGMENT.matcher(url.substring(hash + 1));
            if (matcher.find()) {
                hashes.put(matcher.group(1), matcher.group(2).toLowerCase(Locale.ROOT));
            }
        }
        return hashes;
    }

    /** The last path segment, percent-decoded (a {@code +} stays a {@code +}: it is a local-version separator). */
    static String filename(String url) {
        String path = withoutFragment(url);
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return percentDecode(path.substring(path.lastIndexOf('/') + 1));
    }

    static boolean isDistribution(String filename) {
        String lower = filename.toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
