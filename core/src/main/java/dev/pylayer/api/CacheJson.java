package dev.pylayer.api;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON mapper of what builds keep in the cache (stored resolutions, layer descriptions), made when first
 * used: Jackson's class set-up (date formats, locales) then runs after the command line's warm-up thread has done
 * most of it, not on the main thread as the build opens.
 */
final class CacheJson {
    static final ObjectMapper SHARED = new ObjectMapper();

    private CacheJson() {
    }
}
