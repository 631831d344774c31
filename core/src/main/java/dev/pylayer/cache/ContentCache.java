package dev.pylayer.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

/**
 * The on-disk cache, laid out by content:
 * <pre>
 * wheels/sha256/ab/cd/&lt;hex&gt;/&lt;filename&gt;   a wheel whose bytes hash to &lt;hex&gt;
 * metadata/sha256/ab/&lt;hex&gt;.METADATA        the METADATA of the wheel &lt;hex&gt; (with its own digest)
 * documents/ab/&lt;sha256 of key&gt;              an HTTP document with its validators (with its body's digest)
 * checks/&lt;check&gt;/ab/&lt;hex&gt;                 the content &lt;hex&gt; passed &lt;check&gt; (empty, or what the check found,
 *                                             with its own digest)
 * hints/ab/&lt;sha256 of key&gt;                  what an earlier build learnt, to start work sooner (with its digest)
 * layers/ab/&lt;key&gt;/                         a layer zip built before, by the digest of its inputs ({@link BuiltLayers})
 * tmp/                                         files being written
 * </pre>
 * Entries are written elsewhere and moved into place atomically, so a reader never sees half an entry and two
 * JVMs writing the same entry both succeed (the bytes are the same by construction). Every read checks the
 * digest, and an entry that fails is deleted and reported missing, so the caller fetches it again.
 */
public final class ContentCache implements AutoCloseable {
    private static final Duration STALE_TEMP = Duration.ofDays(1);
    private static final java.util.regex.Pattern CHECK_NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9.-]*");

    /** The size and modification time at which an entry was last hashed in this JVM. */
    private record Stamp(long size, FileTime modified) {
        // Written out: a record's own equals is bootstrapped through method handles on its first call (milliseconds).
        @Override
        public boolean equals(Object other) {
            return other instanceof Stamp that && size == that.size && modified.equals(that.modified);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(size) * 31 + modified.hashCode();
        }
    }

    private final Path root;
    private final boolean throwaway;
    private final Map<Path, Stamp> verified = new ConcurrentHashMap<>();
    /** Held shared by each write into a throwaway cache and exclusively by {@link #close()}, which removes it. */
    private final ReadWriteLock closing = new ReentrantReadWriteLock();
    private boolean closed;

    private ContentCache(Path root, boolean throwaway) {
        this.root = root.toAbsolutePath().normalize();
        this.throwaway = throwaway;
        try {
            Files.createDirectories(this.root.resolve("tmp"));
        } catch (IOException e) {
            throw new CacheException(this.root, e);
        }
        removeStaleTemporaries();
    }

    /** A cache in {@code root}, created if needed. */
    public static ContentCache open(Path root) {
        return new ContentCache(root, false);
    }

    /** A cache in {@link CacheDirectory#defaultRoot()}. */
    public static ContentCache openDefault() {
        return open(CacheDirectory.defaultRoot());
    }

    /** For {@code --no-cache}: a cache in a new temporary folder, deleted by {@link #close()}. */
    public static ContentCache throwaway() {
        try {
            return new ContentCache(Files.createTempDirectory("pylayer-cache-"), true);
        } catch (IOException e) {
            throw new CacheException(Path.of(System.getProperty("java.io.tmpdir")), e);
        }
    }

    public Path root() {
        return root;
    }

    // ---- wheels ----

    /** The cached wheel whose bytes hash to {@code sha256}, checked; empty when absent or damaged (then deleted). */
    public Optional<Path> wheel(String sha256) {
        String hex = ContentDigest.requireSha256(sha256);
        Path folder = wheelFolder(hex);
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.whl")) {
            for (Path file : files) {
                if (matches(file, hex)) {
                    return Optional.of(file);
                }
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CacheException(folder, e);
        }
        return Optional.empty();
    }

    /**
     * Whether the cache seems to hold the wheel {@code sha256}, without reading it: {@link #wheel} still decides
     * (it checks the bytes). For deciding what to fetch first, not for trusting content.
     */
    public boolean mayHoldWheel(String sha256) {
        return Files.isDirectory(wheelFolder(ContentDigest.requireSha256(sha256)));
    }

    /** Starts writing a wheel: stream its bytes into {@link PendingWheel#output()}, then commit or close. */
    public PendingWheel newWheel(String filename) {
        return new PendingWheel(this, newTemporary(".whl"), filename);
    }

    Path wheelFolder(String hex) {
        return root.resolve("wheels").resolve("sha256").resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    Path commitWheel(Path temporary, String hex, String filename) {
        if (filename.contains("/") || filename.contains("\\") || filename.startsWith(".")) {
            throw new IllegalArgumentException("not a plain file name: " + filename);
        }
        Path target = wheelFolder(hex).resolve(filename);
        if (!beginWrite()) {
            throw new IllegalStateException(this + " is closed");
        }
        try {
            Files.createDirectories(target.getParent());
            moveIntoPlace(temporary, target);
            verified.put(target, stamp(target));
            return target;
        } catch (IOException e) {
            throw new CacheException(target, e);
        } finally {
            endWrite();
        }
    }

    /**
     * Call before a write that may create folders, and {@link #endWrite()} after it when true. False once a
     * throwaway cache is closed: its folder is gone and the write would bring it back. A persistent cache stays
     * writable after close and takes no lock.
     */
    private boolean beginWrite() {
        if (!throwaway) {
            return true;
        }
        closing.readLock().lock();
        if (closed) {
            closing.readLock().unlock();
            return false;
        }
        return true;
    }

    private void endWrite() {
        if (throwaway) {
            closing.readLock().unlock();
        }
    }

    private boolean matches(Path file, String hex) throws IOException {
        Stamp now = stamp(file);
        if (now.equals(verified.get(file))) {
            return true;
        }
        if (ContentDigest.sha256Hex(file).equals(hex)) {
            verified.put(file, now);
            return true;
        }
        verified.remove(file);
        Files.deleteIfExists(file);
        return false;
    }

    private static Stamp stamp(Path file) throws IOException {
        return new Stamp(Files.size(file), Files.getLastModifiedTime(file));
    }

    // ---- layers built before ----

    /** The layer zips built before, by the digest of their inputs. */
    public BuiltLayers layers() {
        return new BuiltLayers(this);
    }

    // ---- METADATA by wheel digest ----

    /** The METADATA bytes of the wheel {@code wheelSha256}, if cached and intact. */
    public Optional<byte[]> metadata(String wheelSha256) {
        Path file = metadataFile(ContentDigest.requireSha256(wheelSha256));
        return readChecked(file).map(SealedEntry::body);
    }

    public void putMetadata(String wheelSha256, byte[] metadata) {
        Path file = metadataFile(ContentDigest.requireSha256(wheelSha256));
        writeAtomically(file, SealedEntry.seal(Map.of(), metadata));
    }

    private Path metadataFile(String hex) {
        return root.resolve("metadata").resolve("sha256").resolve(hex.substring(0, 2)).resolve(hex + ".METADATA");
    }

    // ---- HTTP documents ----

    /** The document stored under {@code key} (a URL without credentials, plus whatever varies the answer). */
    public Optional<CachedDocument> document(String key) {
        return readChecked(documentFile(key)).flatMap(DocumentCodec::decode);
    }

    public void putDocument(String key, CachedDocument document) {
        writeAtomically(documentFile(key), DocumentCodec.encode(document));
    }

    private Path documentFile(String key) {
        String hex = ContentDigest.sha256Hex(key.getBytes(StandardCharsets.UTF_8));
        return root.resolve("documents").resolve(hex.substring(0, 2)).resolve(hex);
    }

    // ---- hints ----

    /**
     * The hint stored under {@code key}: something an earlier build learnt that lets a later one start work sooner
     * (which projects it listed, say). Never trusted as content: a hint only orders work that is then done and
     * checked as usual, so a wrong or stale hint costs time, not correctness.
     */
    public Optional<byte[]> hint(String key) {
        return readChecked(hintFile(key)).map(SealedEntry::body);
    }

    public void putHint(String key, byte[] value) {
        writeAtomically(hintFile(key), SealedEntry.seal(Map.of(), value));
    }

    private Path hintFile(String key) {
        String hex = ContentDigest.sha256Hex(key.getBytes(StandardCharsets.UTF_8));
        return root.resolve("hints").resolve(hex.substring(0, 2)).resolve(hex);
    }

    // ---- checks passed, by content ----

    /**
     * Whether the content whose sha256 is {@code sha256} passed the check named {@code check} before. A check of
     * bytes alone (every entry of a wheel inflated and compared with its RECORD, say) has the same outcome for the
     * same bytes, so it is remembered by their digest and not repeated; the caller must have hashed the bytes it
     * asks about. A check whose rules change gets a new name, and starts over.
     */
    public boolean passed(String sha256, String check) {
        return Files.isRegularFile(passFile(ContentDigest.requireSha256(sha256), check));
    }

    /** Remembers that the content {@code sha256} passed {@code check}. */
    public void recordPassed(String sha256, String check) {
        writeAtomically(passFile(ContentDigest.requireSha256(sha256), check), new byte[0]);
    }

    /**
     * Remembers that the content {@code sha256} passed {@code check}, with what the check found out about it (facts
     * that, like the pass, depend on the bytes alone), to be read back with {@link #findings}.
     */
    public void recordPassed(String sha256, String check, byte[] findings) {
        writeAtomically(passFile(ContentDigest.requireSha256(sha256), check), SealedEntry.seal(Map.of(), findings));
    }

    /** What {@link #recordPassed(String, String, byte[])} kept; empty when the content did not pass or it was damaged. */
    public Optional<byte[]> findings(String sha256, String check) {
        return readChecked(passFile(ContentDigest.requireSha256(sha256), check)).map(SealedEntry::body);
    }

    private Path passFile(String hex, String check) {
        if (!CHECK_NAME.matcher(check).matches()) {
            throw new IllegalArgumentException("not a check name: " + check);
        }
        return root.resolve("checks").resolve(check).resolve(hex.substring(0, 2)).resolve(hex);
    }

    // ---- plumbing ----

    private Optional<SealedEntry> readChecked(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CacheException(file, e);
        }
        Optional<SealedEntry> entry = SealedEntry.open(bytes);
        if (entry.isEmpty()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new CacheException(file, e);
            }
        }
        return entry;
    }

    private void writeAtomically(Path target, byte[] content) {
        if (!beginWrite()) {
            return; // a late look-ahead write into a closed throwaway cache: nobody will read it
        }
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            Files.write(temporary, content);
            moveIntoPlace(temporary, target);
        } catch (IOException e) {
            throw new CacheException(target, e);
        } finally {
            deleteQuietly(temporary);
            endWrite();
        }
    }

    /**
     * Renames {@code temporary} onto {@code target}. POSIX rename replaces atomically; on Windows a target held
     * open by another process cannot be replaced, and then the entry already there (the same bytes, since
     * entries are named by content) is kept.
     */
    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (FileSystemException e) {
            if (!Files.exists(target)) {
                throw e;
            }
            deleteQuietly(temporary);
        }
    }

    Path newTemporary(String suffix) {
        return root.resolve("tmp").resolve(UUID.randomUUID() + suffix);
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary is removed by a later open once it is stale
        }
    }

    /** Temporaries left by builds that were killed; a day old so that a running build's files are never touched. */
    private void removeStaleTemporaries() {
        Instant cutoff = Instant.now().minus(STALE_TEMP);
        try (Stream<Path> files = Files.list(root.resolve("tmp"))) {
            files.filter(file -> {
                try {
                    return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
                } catch (IOException e) {
                    return false;
                }
            }).forEach(ContentCache::deleteTree);
        } catch (IOException e) {
            throw new CacheException(root, e);
        }
    }

    /** Deletes a {@link #throwaway()} cache, after the writes under way end; does nothing to a persistent one. */
    @Override
    public void close() {
        if (!throwaway) {
            return;
        }
        closing.writeLock().lock();
        try {
            closed = true;
        } finally {
            closing.writeLock().unlock();
        }
        deleteTree(root);
    }

    /**
     * Deletes a file, or a folder with everything in it, as far as it can: files that vanish meanwhile (another
     * thread or process cleaning up too) are skipped, and whatever cannot be deleted is left in place.
     */
    static void deleteTree(Path path) {
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    deleteQuietly(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    deleteQuietly(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path folder, IOException e) {
                    deleteQuietly(folder);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // gone already, or removed by a later clean-up
        }
    }

    @Override
    public String toString() {
        return "ContentCache[" + root + "]";
    }

}
