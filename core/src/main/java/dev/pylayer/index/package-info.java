/**
 * Package indexes and the artifacts they serve: the PyPI JSON API, PEP 503/691 simple indexes over http(s)
 * and {@code file://}, find-links folders and pages, merged as pip merges {@code --index-url},
 * {@code --extra-index-url} and {@code --find-links}. HTTP goes through one shared client with bounded
 * concurrency, retries with backoff, Basic auth from index URLs and {@code .netrc}, and the
 * {@link dev.pylayer.cache.ContentCache}. Wheel METADATA comes the cheapest way available (cache, local file,
 * PEP 658, HTTP range reads, full download). This package returns facts and bytes: it neither resolves nor
 * writes layers.
 */
package dev.pylayer.index;
