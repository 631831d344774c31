package dev.pylayer.wheel;

import dev.pylayer.name.PackageName;
import dev.pylayer.tags.Tag;
import dev.pylayer.version.Version;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A wheel file name, {@code {name}-{version}(-{build})?-{python}-{abi}-{platform}.whl} (PEP 427), read by the
 * rules of {@code packaging.utils.parse_wheel_filename} (pip 26's copy): the {@code .whl} suffix is
 * case-sensitive, there are 4 or 5 dashes, the name part holds only word characters, {@code .} and {@code _}
 * and no {@code __}, the version is PEP 440, a build tag starts with a digit, and the last part is a
 * compressed tag set. Names compare normalized.
 *
 * <p>Stricter than packaging on three points that cannot matter to a resolver: the name must also be a valid
 * PEP 508 name ({@code foo_bár} parses in packaging but no requirement can name it), no tag component
 * may be empty ({@code py3.-none-any}), and the tag set expands to at most {@link #MAX_TAGS} tags.
 */
public record WheelFilename(PackageName name, Version version, Optional<BuildTag> buildTag, Set<Tag> tags,
                            String filename) {
    /** {@code ^[\w\d._]*$} with {@code re.UNICODE}. */
    private static final Pattern NAME_PART = Pattern.compile("[\\w.]*", Pattern.UNICODE_CHARACTER_CLASS);
    /**
     * A compressed tag set is the product of its interpreter, ABI and platform lists, so a few kilobytes of dots
     * expand to billions of tags (packaging expands them all and hangs). Real wheels name a few dozen.
     */
    static final int MAX_TAGS = 4096;

    public WheelFilename {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(buildTag, "buildTag");
        tags = Collections.unmodifiableSet(new LinkedHashSet<>(tags));
        Objects.requireNonNull(filename, "filename");
    }

    /** Parses a wheel file name; throws {@link InvalidWheelFilenameException} saying which rule it breaks. */
    public static WheelFilename parse(String filename) {
        Objects.requireNonNull(filename, "filename");
        if (!filename.endsWith(".whl")) {
            throw new InvalidWheelFilenameException(filename, "the extension must be `.whl`");
        }
        String stem = filename.substring(0, filename.length() - 4);
        long dashes = stem.chars().filter(c -> c == '-').count();
        if (dashes != 4 && dashes != 5) {
            throw new InvalidWheelFilenameException(filename,
                    "it has " + dashes + " dashes; a wheel name has 4, or 5 with a build tag");
        }
        String[] parts = stem.split("-", (int) dashes - 1);
        String namePart = parts[0];
        if (namePart.contains("__") || !NAME_PART.matcher(namePart).matches() || !PackageName.isValid(namePart)) {
            throw new InvalidWheelFilenameException(filename, "`" + namePart + "` is not an escaped project name");
        }
        Version version = Version.tryParse(parts[1]).orElseThrow(() ->
                new InvalidWheelFilenameException(filename, "`" + parts[1] + "` is not a PEP 440 version"));
        Optional<BuildTag> build = Optional.empty();
        if (dashes == 5) {
            build = BuildTag.tryParse(parts[2]);
            if (build.isEmpty()) {
                throw new InvalidWheelFilenameException(filename,
                        "build tag `" + parts[2] + "` does not start with a digit");
            }
        }
        String tagPart = parts[parts.length - 1];
        Set<Tag> tags;
        try {
            tags = parseTagSet(tagPart);
        } catch (IllegalArgumentException e) {
            throw new InvalidWheelFilenameException(filename, "`" + tagPart + "` is not a compressed tag set");
        }
        return new WheelFilename(PackageName.of(namePart), version, build, tags, filename);
    }

    /**
     * {@link Tag#parseCompressed}, refusing with {@link IllegalArgumentException} a set that would expand to more
     * than {@link #MAX_TAGS} tags before expanding it.
     */
    static Set<Tag> parseTagSet(String compressed) {
        long product = 1;
        for (String part : compressed.split("-", -1)) {
            product *= part.chars().filter(c -> c == '.').count() + 1;
            if (product > MAX_TAGS) {
                throw new IllegalArgumentException("`" + compressed + "` expands to more than " + MAX_TAGS + " tags");
            }
        }
        return Tag.parseCompressed(compressed);
    }

    /** Parses a wheel file name, or empty when it is not one (indexes list such files; pip skips them). */
    public static Optional<WheelFilename> tryParse(String filename) {
        if (filename == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(filename));
        } catch (InvalidWheelFilenameException e) {
            return Optional.empty();
        }
    }

    /** The compressed tag set as written, e.g. {@code cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64}. */
    public String compressedTags() {
        String stem = filename.substring(0, filename.length() - 4);
        int cut = stem.length();
        for (int seen = 0; seen < 3; seen++) {
            cut = stem.lastIndexOf('-', cut - 1);
        }
        return stem.substring(cut + 1);
    }

    @Override
    public String toString() {
        return filename;
    }
}
