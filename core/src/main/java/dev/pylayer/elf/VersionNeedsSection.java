package dev.pylayer.elf;

import dev.pylayer.elf.ElfHeaderTables.Section;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code .gnu.version_r} section (the LSB's symbol versioning chapter): a chain of {@code Verneed} entries, one
 * per library, each with a chain of {@code Vernaux} entries naming the versions needed from it.
 */
final class VersionNeedsSection {
    private static final int SHT_GNU_VERNEED = 0x6ffffffe;
    private static final int VER_FLG_WEAK = 0x2;
    private static final int VERNEED_SIZE = 16;
    private static final int VERNAUX_SIZE = 16;

    private VersionNeedsSection() {
    }

    /**
     * Finds the table through the {@code SHT_GNU_VERNEED} section, as {@code readelf -V} does; without section
     * headers, through {@code DT_VERNEED} and {@code DT_VERNEEDNUM}, as the loader does.
     */
    static List<VersionNeed> read(ElfSource source, ElfHeaderTables tables, DynamicSection dynamic) {
        Optional<Section> section = tables.firstSection(SHT_GNU_VERNEED);
        if (section.isPresent()) {
            Section verneed = section.get();
            StringTable strings = tables.stringTable(verneed.link(), "the version needs' string table");
            return read(source, verneed.offset(), verneed.size(), verneed.info(), strings);
        }
        if (dynamic.verneedAddress() >= 0 && dynamic.strings().isPresent()) {
            long start = tables.fileOffset(dynamic.verneedAddress(), "DT_VERNEED");
            return read(source, start, tables.loadedEnd(dynamic.verneedAddress()) - start, dynamic.verneedCount(),
                    dynamic.strings().get());
        }
        return List.of();
    }

    /** Walks the {@code Verneed} chain and each entry's {@code Vernaux} chain, bounded by the table's size. */
    private static List<VersionNeed> read(ElfSource source, long offset, long size, long declaredCount,
            StringTable strings) {
        source.checkRange(offset, size, ".gnu.version_r");
        long room = size / VERNEED_SIZE;
        if (declaredCount > room) {
            throw new MalformedElfException("`.gnu.version_r` declares " + declaredCount + " entries but has room for " + room);
        }
        long count = declaredCount > 0 ? declaredCount : room;
        List<VersionNeed> needs = new ArrayList<>();
        long at = 0;
        long auxiliaries = 0;
        for (long i = 0; i < count; i++) {
            checkInside(at, VERNEED_SIZE, size, "Verneed entry " + i);
            ByteBuffer need = source.read(offset + at, VERNEED_SIZE, "Verneed entry " + i);
            int auxCount = Short.toUnsignedInt(need.getShort(2));
            long file = Integer.toUnsignedLong(need.getInt(4));
            long aux = Integer.toUnsignedLong(need.getInt(8));
            long next = Integer.toUnsignedLong(need.getInt(12));
            auxiliaries += auxCount;
            if (auxiliaries > size / VERNAUX_SIZE) {
                throw new MalformedElfException("`.gnu.version_r` declares more versions than fit in its " + size + " bytes");
            }
            List<SymbolVersion> versions = new ArrayList<>();
            long auxAt = at + aux;
            for (int j = 0; j < auxCount; j++) {
                checkInside(auxAt, VERNAUX_SIZE, size, "Vernaux entry " + j + " of Verneed entry " + i);
                ByteBuffer b = source.read(offset + auxAt, VERNAUX_SIZE, "Vernaux entry");
                int flags = Short.toUnsignedInt(b.getShort(4));
                long name = Integer.toUnsignedLong(b.getInt(8));
                long auxNext = Integer.toUnsignedLong(b.getInt(12));
                versions.add(new SymbolVersion(strings.string(source, name, "vna_name"), (flags & VER_FLG_WEAK) != 0));
                if (auxNext == 0) {
                    break;
                }
                auxAt += auxNext;
            }
            needs.add(new VersionNeed(strings.string(source, file, "vn_file"), versions));
            if (next == 0) {
                break;
            }
            at += next;
        }
        return needs;
    }

    private static void checkInside(long at, int length, long size, String structure) {
        if (at < 0 || at + length > size) {
            throw new MalformedElfException("`" + structure + "` at " + at + " lies outside `.gnu.version_r` ("
                    + size + " bytes)");
        }
    }
}
