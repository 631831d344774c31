/**
 * The real things some machines have, for integration tests: the local mirror of real wheels
 * ({@code ../shared/pypi-mirror.py}), pip in a venv as the correctness oracle, and Python 3.11 to
 * import-test built layers. Each says clearly, through {@link dev.pylayer.testdata.real.RealTools#skipReason},
 * why it is unavailable, so tests can skip with a message instead of failing on a machine without them.
 */
package dev.pylayer.testdata.real;
