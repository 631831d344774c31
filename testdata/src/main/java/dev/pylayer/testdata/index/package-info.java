/**
 * A fake package index on WireMock for tests: generated wheels and sdists served as the PyPI JSON API,
 * PEP 503 HTML and PEP 691 JSON simple pages, files with HTTP Range support and optional PEP 658
 * {@code .metadata} files; its WireMock server is open for fault injection and request counting.
 */
package dev.pylayer.testdata.index;
