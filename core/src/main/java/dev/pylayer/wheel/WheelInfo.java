package dev.pylayer.wheel;

import dev.pylayer.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code .dist-info/WHEEL} file: {@code Wheel-Version} (required, dotted integers), {@code Root-Is-Purelib},
 * {@code Tag} lines and an optional {@code Build}. Read with the same RFC 822 rules as METADATA.
 */
public record WheelInfo(String wheelVersion, List<Integer> wheelVersionParts, boolean rootIsPurelib, List<Tag> tags,
                        Optional<String> build, Optional<String> generator) {
    public WheelInfo {
        Objects.requireNonNull(wheelVersion, "wheelVersion");
        wheelVersionParts = List.copyOf(wheelVersionParts);
        tags = List.copyOf(tags);
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(generator, "generator");
    }

    /** Parses WHEEL bytes; throws {@link InvalidMetadataException} when {@code Wheel-Version} or a {@code Tag} is invalid. */
    public static WheelInfo parse(byte[] data) {
        HeaderBlock headers = HeaderBlock.parse(Objects.requireNonNull(data, "data"));
        String wheelVersion = headers.first("Wheel-Version").map(HeaderBlock::unfold).orElseThrow(() ->
                new InvalidMetadataException("WHEEL", "the required `Wheel-Version` header is missing"));
        List<Integer> parts = new ArrayList<>();
        try {
            for (String part : wheelVersion.split("\\.", -1)) {
                parts.add(Integer.parseInt(part.strip()));
            }
        } catch (NumberFormatException e) {
            // pip's wheel_version: tuple(map(int, version.split(".")))
            throw new InvalidMetadataException("WHEEL", "`Wheel-Version: " + wheelVersion + "` is not a dotted number");
        }
        List<Tag> tags = new ArrayList<>();
        for (String value : headers.all("Tag")) {
            String text = HeaderBlock.unfold(value);
            try {
                tags.addAll(WheelFilename.parseTagSet(text));
            } catch (IllegalArgumentException e) {
                throw new InvalidMetadataException("WHEEL", "`Tag: " + text + "` is not a wheel tag");
            }
            if (tags.size() > WheelFilename.MAX_TAGS) {
                throw new InvalidMetadataException("WHEEL", "the `Tag` lines name more than " + WheelFilename.MAX_TAGS
                        + " tags; a real wheel names a few dozen");
            }
        }
        // pip's wheel_root_is_purelib: only "true", in any case, counts.
        boolean rootIsPurelib = headers.first("Root-Is-Purelib").map(HeaderBlock::unfold)
                .map(value -> value.toLowerCase(Locale.ROOT).equals("true")).orElse(false);
        return new WheelInfo(wheelVersion, parts, rootIsPurelib, tags,
                headers.first("Build").map(HeaderBlock::unfold), headers.first("Generator").map(HeaderBlock::unfold));
    }

    /**
     * Whether pip would install it: pip refuses a {@code Wheel-Version} whose major number is above 1
     * ({@code check_compatibility}) and only warns about a newer minor.
     */
    public boolean isSupportedVersion() {
        return wheelVersionParts.get(0) <= 1;
    }
}
