package dev.pylayer.index;

import dev.pylayer.name.PackageName;

/** A PyPI JSON API base: {@code <base>/<project>/json} (pypi.org's {@code https://pypi.org/pypi}). */
final class JsonApiIndex implements PackageIndex {
    private final IndexUrl base;
    private final IndexHttp http;

    JsonApiIndex(IndexUrl base, IndexHttp http) {
        this.base = base;
        this.http = http;
    }

    @Override
    public ProjectListing listProject(PackageName project) {
        String url = base.withTrailingSlash() + project.normalized() + "/json";
        return http.document(url, "application/json", "project document for `" + project + "`", document ->
                document.status() == 404
                        ? ProjectListing.empty(project)
                        : JsonApiDocument.listing(project, document.body(), document.url(), base.displayUrl()));
    }

    @Override
    public String displayUrl() {
        return base.displayUrl();
    }

    @Override
    public String toString() {
        return "JSON API " + base.displayUrl();
    }
}
