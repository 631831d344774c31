/**
 * The expectation tables under the tests' resources, generated from pip 26.2.1 and its vendored
 * {@code packaging} 26.2 (each file's header says how), read the same way by every test that checks against them.
 */
package dev.pylayer.testdata.tables;
