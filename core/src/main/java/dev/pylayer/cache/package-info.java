/**
 * The content-addressed on-disk cache shared by builds: wheels by sha256, wheel METADATA by the wheel's
 * sha256, and HTTP documents with their validators. Every entry is written to a temporary file in the cache
 * and moved into place atomically, and every entry is checked against its digest when read, so concurrent
 * builds (other JVMs included) may share one cache and a damaged entry is dropped instead of trusted.
 */
package dev.pylayer.cache;
