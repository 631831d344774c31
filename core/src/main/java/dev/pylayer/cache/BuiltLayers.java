package dev.pylayer.cache;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Layer zips built earlier, by the digest of everything that went into them (Jib's layer cache): a build whose
 * inputs hash to a stored key takes that zip instead of writing it again. Laid out as
 * <pre>
 * layers/ab/&lt;key&gt;/layer.zip     the zip
 * layers/ab/&lt;key&gt;/layer.entry   its sha256 and what the build said about it (a sealed entry)
 * </pre>
 * An entry is assembled in {@code tmp/} and renamed into place whole, so a reader sees both files or none. The
 * zip is trusted by digest: the entry records its sha256 and, as git's index does for the files it tracks, the
 * zip's size, modification time and file identity (inode) when that digest was last computed. While those are
 * unchanged the zip is {@link StoredLayer#unchanged() taken as is} (it can be hard-linked to the output without
 * reading it); otherwise the caller checks {@link StoredLayer#sha256()} while copying it out, {@link #vouch vouches}
 * for a zip that passed, and {@link #discard discards} one that failed. Only the {@value #KEEP} most recently used
 * layers are kept: layers are large, and a build tree rarely goes back to older inputs.
 */
public final class BuiltLayers {
    /** How many layers the cache keeps; the least recently used beyond this are deleted. */
    static final int KEEP = 8;
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    private static final String ZIP = "layer.zip";
    private static final String ENTRY = "layer.entry";
    private static final String SHA256 = "zip-sha256";
    private static final String STAMP = "zip-stamp";

    private final ContentCache cache;
    private final Path root;

    BuiltLayers(ContentCache cache) {
        this.cache = cache;
        this.root = cache.root().resolve("layers");
    }

    /**
     * A stored layer.
     *
     * @param zip         the stored zip: unless {@code unchanged}, read it only through a digest check against
     *                    {@code sha256}
     * @param sha256      the zip's sha256 (hex) when it was stored
     * @param description what the storing build recorded beside it
     * @param unchanged   whether the zip's size, time and identity are still those it had when its digest was
     *                    computed: nothing has written to it since
     */
    public record StoredLayer(String key, Path zip, String sha256, byte[] description, boolean unchanged) {
    }

    /** The layer stored under {@code key} (a sha256 hex of the inputs), or empty; a damaged entry is removed. */
    public Optional<StoredLayer> find(String key) {
        Path folder = folder(key);
        Path zip = folder.resolve(ZIP);
        Optional<SealedEntry> entry = readEntry(folder.resolve(ENTRY));
        if (entry.isEmpty() || !Files.isRegularFile(zip)) {
            if (Files.isDirectory(folder)) {
                ContentCache.deleteTree(folder);
            }
            return Optional.empty();
        }
        String sha256 = entry.get().headers().get(SHA256);
        if (sha256 == null || !KEY.matcher(sha256).matches()) {
            ContentCache.deleteTree(folder);
            return Optional.empty();
        }
        touch(folder);
        String recorded = entry.get().headers().get(STAMP);
        boolean unchanged = recorded != null && stamp(zip).map(recorded::equals).orElse(false);
        return Optional.of(new StoredLayer(key, zip, sha256, entry.get().body(), unchanged));
    }

    /**
     * Records that {@code layer}'s zip has just been read whole and had its digest: its current size, time and
     * identity become the ones it is trusted by. Best effort: a cache that cannot be written checks it again.
     */
    public void vouch(StoredLayer layer) {
        Path folder = folder(layer.key());
        Optional<String> now = stamp(layer.zip());
        if (now.isEmpty()) {
            return;
        }
        Path partial = folder.resolve("." + ENTRY + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(partial, SealedEntry.seal(Map.of(SHA256, layer.sha256(), STAMP, now.get()),
                    layer.description()));
            Files.move(partial, folder.resolve(ENTRY), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            ContentCache.deleteQuietly(partial);
        }
    }

    /**
     * What changes when a file is written to: its size, its modification time (to the file system's precision) and
     * its identity (the inode, where the file system has one; a file replaced by another has another). Not the
     * change time, which a new hard link to the file also moves.
     */
    static Optional<String> stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(attributes.size() + " " + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)
                    + " " + attributes.fileKey());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Stores the zip at {@code zip} (whose sha256 is {@code sha256}) under {@code key} with its description: by a
     * hard link when the cache is on the same file system (no bytes copied; a later change to the file in place
     * changes its stamp, and then the digest is checked), else by a copy. An entry already stored under the key is
     * kept.
     */
    public void store(String key, Path zip, String sha256, byte[] description) {
        Path folder = folder(key);
        if (Files.isDirectory(folder)) {
            return;
        }
        Path partial = cache.newTemporary(".layer");
        try {
            Files.createDirectories(partial);
            linkOrCopy(zip, partial.resolve(ZIP));
            Map<String, String> headers = new HashMap<>(Map.of(SHA256, sha256));
            // Renaming the folder into place keeps the zip's size, time and inode: the stamp taken now holds then.
            stamp(partial.resolve(ZIP)).ifPresent(stamp -> headers.put(STAMP, stamp));
            Files.write(partial.resolve(ENTRY), SealedEntry.seal(headers, description));
            Files.createDirectories(folder.getParent());
            try {
                Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileSystemException e) {
                // Another build stored the same key first: its entry holds the same layer.
                if (!Files.isDirectory(folder)) {
                    throw e;
                }
            }
        } catch (IOException e) {
            throw new CacheException(folder, e);
        } finally {
            if (Files.exists(partial)) {
                ContentCache.deleteTree(partial);
            }
        }
        evictBeyond(KEEP);
    }

    /** Whether a layer seems stored under {@code key} (not read, so not checked: for planning work only). */
    public boolean mayHold(String key) {
        return KEY.matcher(key).matches() && Files.isDirectory(folder(key));
    }

    /** Removes a stored layer whose zip failed its digest check. */
    public void discard(StoredLayer layer) {
        ContentCache.deleteTree(folder(layer.key()));
    }

    private Path folder(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a sha256 hex key: " + key);
        }
        return root.resolve(key.substring(0, 2)).resolve(key);
    }

    private Optional<SealedEntry> readEntry(Path file) {
        try {
            return SealedEntry.open(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CacheException(file, e);
        }
    }

    private static void linkOrCopy(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(source, target);
        }
    }

    /** Marks an entry used now: eviction goes by the folder's modification time. */
    private static void touch(Path folder) {
        try {
            Files.setLastModifiedTime(folder, FileTime.from(Instant.now()));
        } catch (IOException ignored) {
            // A read-only cache still serves its layers; only the eviction order is less exact.
        }
    }

    private void evictBeyond(int keep) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> prefixes = Files.newDirectoryStream(root)) {
            for (Path prefix : prefixes) {
                try (DirectoryStream<Path> keys = Files.newDirectoryStream(prefix)) {
                    keys.forEach(entries::add);
                }
            }
        } catch (IOException e) {
            return;
        }
        if (entries.size() <= keep) {
            return;
        }
        entries.sort(Comparator.comparing(BuiltLayers::lastUsed).reversed());
        entries.subList(keep, entries.size()).forEach(ContentCache::deleteTree);
    }

    private static FileTime lastUsed(Path folder) {
        try {
            return Files.getLastModifiedTime(folder);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
