package dev.pylayer.index;

import dev.pylayer.name.PackageName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A PEP 503/691 simple index: {@code <base>/<normalized-project>/}. Over http(s) the page is negotiated
 * (JSON preferred) and cached; a {@code file://…/simple} folder is read directly as
 * {@code <project>/index.html}, as pip reads a local directory URL.
 */
final class SimpleIndex implements PackageIndex {
    private final IndexUrl base;
    private final IndexHttp http;

    SimpleIndex(IndexUrl base, IndexHttp http) {
        this.base = base;
        this.http = http;
    }

    @Override
    public ProjectListing listProject(PackageName project) {
        if (base.isFile()) {
            return listLocal(project);
        }
        String url = base.withTrailingSlash() + project.normalized() + "/";
        return http.document(url, SimpleDocument.ACCEPT, "project page for `" + project + "`", document ->
                document.status() == 404
                        ? ProjectListing.empty(project)
                        : new ProjectListing(project, SimpleDocument.parse(document.body(), document.contentType(),
                                document.url(), base.displayUrl())));
    }

    private ProjectListing listLocal(PackageName project) {
        Path page = base.path().resolve(project.normalized()).resolve("index.html");
        byte[] body;
        try {
            body = Files.readAllBytes(page);
        } catch (NoSuchFileException e) {
            return ProjectListing.empty(project);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new ProjectListing(project, SimpleDocument.parseHtml(body, Optional.empty(), page.toUri().toString(),
                    base.displayUrl(), true));
        } catch (MalformedDocumentException e) {
            throw IndexResponseException.malformed(page.toUri().toString(), e.what(), 1, e);
        }
    }

    @Override
    public String displayUrl() {
        return base.displayUrl();
    }

    @Override
    public String toString() {
        return "simple index " + base.displayUrl();
    }
}
