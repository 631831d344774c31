package dev.pylayer.cache;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Run in a second JVM by {@link ContentCacheTest}: writes the same entries over and over into a shared cache. */
public final class CacheWriterMain {
    private CacheWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        ContentCache cache = ContentCache.open(Path.of(args[0]));
        int rounds = Integer.parseInt(args[1]);
        byte[] wheel = ContentCacheTest.wheelBytes();
        for (int i = 0; i < rounds; i++) {
            try (PendingWheel pending = cache.newWheel("shared-1.0-py3-none-any.whl")) {
                try (OutputStream out = pending.output()) {
                    out.write(wheel);
                }
                pending.commit();
            }
            cache.putMetadata(ContentDigest.sha256Hex(wheel), "Name: shared\n".getBytes(StandardCharsets.UTF_8));
        }
    }
}
