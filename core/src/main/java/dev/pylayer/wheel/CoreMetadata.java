package dev.pylayer.wheel;

import dev.pylayer.name.PackageName;
import dev.pylayer.version.Version;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A distribution's core metadata (the {@code .dist-info/METADATA} file, or the PEP 658 {@code .metadata}
 * file an index serves beside the wheel): {@code Metadata-Version}, {@code Name} and {@code Version} are
 * required; {@code Requires-Dist}, {@code Provides-Extra} and any other header may repeat. Values are unfolded
 * (continuation lines joined) and trimmed; {@code Requires-Dist} strings are returned raw for
 * {@code dev.pylayer.requirement} to parse. The body (a long description) is ignored.
 */
public final class CoreMetadata {
    private final HeaderBlock headers;
    private final String metadataVersion;
    private final PackageName name;
    private final String versionText;
    private final Version version;

    private CoreMetadata(HeaderBlock headers, String metadataVersion, PackageName name, String versionText,
                         Version version) {
        this.headers = headers;
        this.metadataVersion = metadataVersion;
        this.name = name;
        this.versionText = versionText;
        this.version = version;
    }

    /** Parses METADATA bytes; throws {@link InvalidMetadataException} when a required field is missing or invalid. */
    public static CoreMetadata parse(byte[] data) {
        Objects.requireNonNull(data, "data");
        HeaderBlock headers = HeaderBlock.parse(data);
        String metadataVersion = required(headers, "Metadata-Version");
        String nameText = required(headers, "Name");
        if (!PackageName.isValid(nameText)) {
            throw new InvalidMetadataException("METADATA", "`Name: " + nameText + "` is not a valid project name");
        }
        String versionText = required(headers, "Version");
        Version version = Version.tryParse(versionText).orElseThrow(() ->
                new InvalidMetadataException("METADATA", "`Version: " + versionText + "` is not a PEP 440 version"));
        return new CoreMetadata(headers, metadataVersion, PackageName.of(nameText), versionText, version);
    }

    private static String required(HeaderBlock headers, String header) {
        String value = headers.first(header).map(HeaderBlock::unfold).orElse("");
        if (value.isEmpty()) {
            throw new InvalidMetadataException("METADATA", "the required `" + header + "` header is missing");
        }
        return value;
    }

    /** {@code 2.1}, {@code 2.4}, …: as written. */
    public String metadataVersion() {
        return metadataVersion;
    }

    public PackageName name() {
        return name;
    }

    public Version version() {
        return version;
    }

    /** The {@code Version} header as written (the parsed {@link #version()} prints normalized). */
    public String versionText() {
        return versionText;
    }

    /** Every {@code Requires-Dist} value, raw PEP 508 strings in file order. */
    public List<String> requiresDist() {
        return values("Requires-Dist");
    }

    /** The {@code Requires-Python} specifier text, when present and not empty. */
    public Optional<String> requiresPython() {
        return header("Requires-Python").filter(value -> !value.isEmpty());
    }

    /** Every {@code Provides-Extra} value, as written. */
    public List<String> providesExtra() {
        return values("Provides-Extra");
    }

    /** The first value of any header (case-insensitive name), unfolded and trimmed. */
    public Optional<String> header(String header) {
        return headers.first(header).map(HeaderBlock::unfold);
    }

    /** Every value of any header (case-insensitive name), unfolded and trimmed, in file order. */
    public List<String> values(String header) {
        return headers.all(header).stream().map(HeaderBlock::unfold).toList();
    }

    /** The header names present, as first spelled, in file order. */
    public Set<String> headerNames() {
        return headers.names();
    }

    @Override
    public String toString() {
        return name.display() + " " + versionText;
    }
}
