package dev.pylayer.index;

import dev.pylayer.name.PackageName;
import dev.pylayer.version.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * pip's {@code --find-links}: a local folder of wheels and sdists, or an HTML page of links (http(s) or a
 * local {@code .html} file). Files belong to a project when their name starts with the project's name:
 * the first {@code -}-separated part of a wheel name, or a prefix of an sdist name followed by a valid
 * version (pip's {@code _find_name_version_sep}).
 */
final class FindLinks implements PackageIndex {
    private final IndexUrl location;
    private final IndexHttp http;
    /** The location's files, read once: a build sees one state of the folder or page. */
    private volatile List<DistributionFile> files;

    FindLinks(IndexUrl location, IndexHttp http) {
        this.location = location;
        this.http = http;
    }

    @Override
    public ProjectListing listProject(PackageName project) {
        List<DistributionFile> all = files;
        if (all == null) {
            all = location.isFile() && Files.isDirectory(location.path()) ? listFolder(location.path()) : listPage();
            files = all;
        }
        List<DistributionFile> matching = new ArrayList<>();
        for (DistributionFile file : all) {
            if (belongsTo(file.filename(), project)) {
                matching.add(file);
            }
        }
        return new ProjectListing(project, matching);
    }

    private List<DistributionFile> listFolder(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(path -> Links.isDistribution(path.getFileName().toString()))
                    .sorted(Comparator.comparing(path -> path.getFileName().toString()))
                    .map(this::localFile)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DistributionFile localFile(Path path) {
        OptionalLong size;
        try {
            size = OptionalLong.of(Files.size(path));
        } catch (IOException e) {
            size = OptionalLong.empty();
        }
        return new DistributionFile(path.getFileName().toString(), path.toUri().toString(), Map.of(), Optional.empty(),
                false, Optional.empty(), size, Optional.empty(), Optional.empty(), location.displayUrl());
    }

    private List<DistributionFile> listPage() {
        if (location.isFile()) {
            Path page = location.path();
            if (!Files.isRegularFile(page)) {
                throw new InvalidIndexUrlException(location.displayUrl(), "is neither a folder nor an HTML page",
                        List.of("`--find-links` takes a folder of wheels or the URL of a page of links"));
            }
            try {
                return SimpleDocument.parseHtml(Files.readAllBytes(page), Optional.empty(), page.toUri().toString(),
                        location.displayUrl(), false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return http.document(location.url(), "text/html", "find-links page", document ->
                document.status() == 404 ? List.of()
                        : SimpleDocument.parseHtml(document.body(), document.contentType(), document.url(),
                                location.displayUrl(), true));
    }

    /** Whether {@code filename} is a distribution of {@code project}. */
    static boolean belongsTo(String filename, PackageName project) {
        if (filename.endsWith(".whl")) {
            int dash = filename.indexOf('-');
            return dash > 0 && PackageName.normalize(filename.substring(0, dash)).equals(project.normalized());
        }
        String stem = stripArchiveExtension(filename);
        for (int dash = stem.indexOf('-'); dash > 0; dash = stem.indexOf('-', dash + 1)) {
            if (PackageName.normalize(stem.substring(0, dash)).equals(project.normalized())) {
                return Version.tryParse(stem.substring(dash + 1)).isPresent();
            }
        }
        return false;
    }

    private static String stripArchiveExtension(String filename) {
        for (String extension : List.of(".tar.gz", ".tar.bz2", ".tar.xz", ".tar.lzma", ".tar.lz", ".tar", ".tgz", ".tbz",
                ".txz", ".tlz", ".zip")) {
            if (filename.toLowerCase(java.util.Locale.ROOT).endsWith(extension)) {
                return filename.substring(0, filename.length() - extension.length());
            }
        }
        return filename;
    }

    @Override
    public String displayUrl() {
        return location.displayUrl();
    }

    @Override
    public String toString() {
        return "find-links " + location.displayUrl();
    }
}
