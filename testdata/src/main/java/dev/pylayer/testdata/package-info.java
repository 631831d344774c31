/**
 * Test fixtures made by code, never committed binaries: wheels, ELF files, hostile archives and
 * WireMock-backed fake package indexes. This module does not depend on core, so core's tests can use it.
 */
package dev.pylayer.testdata;
