package dev.pylayer.wheel;

import dev.pylayer.name.PackageName;
import dev.pylayer.version.Version;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A source distribution's file name, recognised the way pip's {@code PackageFinder.evaluate_link} does for a
 * known project: an archive extension pip can unpack, then a stem split at the first {@code -} whose
 * left side normalizes to the project's name ({@code _find_name_version_sep}), so {@code foo-bar-1.0.tar.gz}
 * is version {@code 1.0} of {@code foo-bar} and {@code bar-1.0} of nothing. pylayer never builds sdists;
 * the resolver uses this only to say "only an sdist exists".
 *
 * @param extension one of {@link #EXTENSIONS}, as written
 */
public record SourceDistFilename(PackageName name, Version version, String extension, String filename) {
    /**
     * pip's {@code SUPPORTED_EXTENSIONS} without {@code .whl}: zip, tar (gzip, bzip2, xz, lzma). Matched
     * case-sensitively, as pip does; longest first so {@code .tar.gz} wins over {@code .gz}.
     */
    public static final List<String> EXTENSIONS = List.of(".tar.lzma", ".tar.bz2", ".tar.gz", ".tar.xz", ".tar.lz",
            ".zip", ".tgz", ".tbz", ".txz", ".tlz", ".tar");

    public SourceDistFilename {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(filename, "filename");
    }

    /**
     * Recognises {@code filename} as an sdist of {@code project}; empty when the extension is not an
     * archive pip unpacks, the name does not match the project, or what follows is not a PEP 440 version.
     * pip's trailing {@code -pyX.Y} (old egg-style names) is dropped from the version as pip does.
     */
    public static Optional<SourceDistFilename> tryParse(String filename, PackageName project) {
        Objects.requireNonNull(project, "project");
        if (filename == null) {
            return Optional.empty();
        }
        String extension = pipExtension(filename);
        if (extension == null || !EXTENSIONS.contains(extension)) {
            return Optional.empty();
        }
        String stem = filename.substring(0, filename.length() - extension.length());
        String canonical = project.normalized();
        for (int i = stem.indexOf('-'); i >= 0; i = stem.indexOf('-', i + 1)) {
            if (PackageName.normalize(stem.substring(0, i)).equals(canonical)) {
                String versionText = stripPythonSuffix(stem.substring(i + 1));
                if (versionText.isEmpty()) {
                    return Optional.empty();
                }
                return Version.tryParse(versionText)
                        .map(version -> new SourceDistFilename(project, version, extension, filename));
            }
        }
        return Optional.empty();
    }

    /**
     * pip's {@code splitext}: {@code posixpath.splitext}, then a {@code .tar} left on the base joins the
     * extension ({@code .tar.gz}); a name whose only dot leads ({@code .zip}) has no extension.
     */
    private static String pipExtension(String filename) {
        String base = filename.substring(filename.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        int firstNonDot = 0;
        while (firstNonDot < base.length() && base.charAt(firstNonDot) == '.') {
            firstNonDot++;
        }
        if (dot < 0 || firstNonDot >= dot) {
            return null;
        }
        String extension = base.substring(dot);
        String rest = base.substring(0, dot);
        if (rest.toLowerCase(java.util.Locale.ROOT).endsWith(".tar")) {
            extension = rest.substring(rest.length() - 4) + extension;
        }
        return extension;
    }

    /** pip's {@code _py_version_re}, {@code -py([123]\.?[0-9]?)$}: an egg-style Python suffix. */
    private static String stripPythonSuffix(String version) {
        return version.replaceFirst("-py[123]\\.?[0-9]?$", "");
    }

    @Override
    public String toString() {
        return filename;
    }
}
