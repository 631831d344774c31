package dev.pylayer.index;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where to look for distributions, as the command line says it: {@code --index-url} (empty for
 * {@code --no-index}), {@code --extra-index-url}s and {@code --find-links}, merged in that order.
 */
public record IndexOptions(Optional<String> indexUrl, List<String> extraIndexUrls, List<String> findLinks) {
    /** The default index: PyPI's JSON API. */
    public static final String DEFAULT_INDEX_URL = "https://pypi.org/pypi";

    public IndexOptions {
        Objects.requireNonNull(indexUrl, "indexUrl");
        extraIndexUrls = List.copyOf(extraIndexUrls);
        findLinks = List.copyOf(findLinks);
    }

    public static IndexOptions defaults() {
        return of(DEFAULT_INDEX_URL);
    }

    public static IndexOptions of(String indexUrl) {
        return new IndexOptions(Optional.of(indexUrl), List.of(), List.of());
    }

    public IndexOptions withExtraIndexUrls(List<String> urls) {
        return new IndexOptions(indexUrl, urls, findLinks);
    }

    public IndexOptions withFindLinks(List<String> locations) {
        return new IndexOptions(indexUrl, extraIndexUrls, locations);
    }

    /** {@code --no-index}: find-links only, as pip ignores every index URL then. */
    public IndexOptions withoutIndex() {
        return new IndexOptions(Optional.empty(), List.of(), findLinks);
    }
}
