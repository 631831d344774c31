package dev.pylayer.resolve;

import dev.pylayer.PylayerException;
import dev.pylayer.index.DistributionFile;
import dev.pylayer.index.IndexUrl;
import dev.pylayer.requirement.Requirement;
import dev.pylayer.runtime.LambdaTarget;
import dev.pylayer.tags.TagCompatibility;
import dev.pylayer.wheel.WheelFilename;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 508 direct reference, {@code name @ https://host/name-1.0-py3-none-any.whl}, made into the one candidate
 * pip's {@code ExplicitRequirement} allows for that project. As pip does for a user's URL requirement, it is
 * checked before resolving ({@code _fail_if_link_is_unsupported_wheel}): it must be a wheel whose file name names
 * the project and whose tags load on the target. A {@code #sha256=…} fragment (any algorithm pip reads in link
 * fragments) is the digest the download must have.
 */
final class DirectWheel {
    /** pip's {@code Link._hash_re}. */
    private static final Pattern FRAGMENT_HASH = Pattern.compile("(sha512|sha384|sha256|sha224|sha1|md5)=([a-fA-F0-9]+)");

    private DirectWheel() {
    }

    static WheelCandidate candidate(Requirement requirement, LambdaTarget target) {
        String written = requirement.url().orElseThrow(() -> new IllegalArgumentException("not a direct reference"));
        String display = requirement.name().normalized() + " @ " + IndexUrl.mask(written);
        int hash = written.indexOf('#');
        String withoutFragment = hash < 0 ? written : written.substring(0, hash);
        String fragment = hash < 0 ? "" : written.substring(hash + 1);
        int query = withoutFragment.indexOf('?');
        String path = query < 0 ? withoutFragment : withoutFragment.substring(0, query);
        String filename = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
        if (!filename.toLowerCase(Locale.ROOT).endsWith(".whl")) {
            throw new ResolutionException.UnsupportedDirectUrl("`" + display + "` is not a wheel (" + describe(written)
                    + "); pylayer installs wheels only and never builds from source",
                    List.of("point the URL at a `.whl` file built for the target (manylinux, or py3-none-any)",
                            "or require `" + requirement.name().normalized() + "==VERSION` from an index"));
        }
        WheelFilename wheel = WheelFilename.tryParse(filename).orElseThrow(() ->
                new ResolutionException.UnsupportedDirectUrl("`" + display + "`: `" + filename
                        + "` is not a valid wheel file name (PEP 427: name-version[-build]-python-abi-platform.whl)",
                        List.of("check the URL; a renamed wheel cannot be installed")));
        if (!wheel.name().equals(requirement.name())) {
            // pip: "Requested foo from <url> has inconsistent name".
            throw new ResolutionException.UnsupportedDirectUrl("`" + display + "` points at a wheel of `"
                    + wheel.name().normalized() + "`, not of `" + requirement.name().normalized() + "`",
                    List.of("write `" + wheel.name().normalized() + " @ " + IndexUrl.mask(written) + "`, or fix the URL"));
        }
        String url;
        try {
            url = IndexUrl.parse(withoutFragment).url();
        } catch (PylayerException e) {
            throw new ResolutionException.UnsupportedDirectUrl("`" + display + "`: " + e.getMessage(), e.hints());
        }
        TagCompatibility compatibility = target.compatibleTags().compatibility(wheel.tags());
        DistributionFile file = new DistributionFile(filename, url, fragmentHashes(fragment), Optional.empty(), false,
                Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), IndexUrl.mask(written));
        if (compatibility instanceof TagCompatibility.Incompatible miss) {
            throw FailureExplainer.forTarget(target).unsupportedDirectWheel(display,
                    new FileVerdict.IncompatibleWheel(file, wheel, miss));
        }
        return new WheelCandidate(requirement.name(), wheel.version(), file, wheel,
                ((TagCompatibility.Compatible) compatibility).priority());
    }

    /** {@code algorithm:hex} strings of a candidate's fragment digests, as {@code --hash} values are written. */
    static java.util.Set<String> allowedHashes(WheelCandidate candidate) {
        java.util.Set<String> hashes = new java.util.TreeSet<>();
        candidate.file().hashes().forEach((algorithm, hex) -> hashes.add(algorithm + ":" + hex));
        return hashes;
    }

    private static Map<String, String> fragmentHashes(String fragment) {
        Map<String, String> hashes = new TreeMap<>();
        for (String part : fragment.split("&")) {
            Matcher matcher = FRAGMENT_HASH.matcher(part);
            if (matcher.matches()) {
                hashes.put(matcher.group(1), matcher.group(2).toLowerCase(Locale.ROOT));
            }
        }
        return hashes;
    }

    /** "a source distribution", "a VCS checkout", "a folder or page" — what the URL points at instead. */
    private static String describe(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.matches("^(git|hg|svn|bzr)\\+.*")) {
            return "a version-control checkout";
        }
        String path = lower.replaceFirst("[?#].*$", "");
        for (String archive : List.of(".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".zip", ".tar")) {
            if (path.endsWith(archive)) {
                return "a source archive";
            }
        }
        return "not a `.whl` file";
    }
}
