package dev.pylayer.tags;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The wheel tags an interpreter accepts, most preferred first, exactly as {@code packaging.tags.sys_tags()}
 * orders them for CPython ({@code cpython_tags} then {@code compatible_tags}), given the platforms:
 * <ol>
 * <li>{@code cpXY-cpXY-<platform>} for each platform</li>
 * <li>{@code cpXY-abi3-<platform>}, then {@code cpXY-none-<platform>}</li>
 * <li>{@code cpXW-abi3-<platform>} for each older minor W = Y-1 … 2 (the stable ABI is forward compatible)</li>
 * <li>{@code pyXY-none-<platform>}, {@code pyX-none-<platform>}, {@code pyXW-none-<platform>} for W = Y-1 … 0</li>
 * <li>{@code cpXY-none-any}, then {@code pyXY-none-any}, {@code pyX-none-any}, {@code pyXW-none-any}</li>
 * </ol>
 */
public final class CompatibleTags {
    private final List<Tag> ordered;
    private final Map<Tag, Integer> priorities;
    private final Set<String> interpreters;
    private final Set<String> interpreterAbis;

    private CompatibleTags(List<Tag> ordered) {
        this.ordered = List.copyOf(ordered);
        this.priorities = new HashMap<>();
        this.interpreters = new HashSet<>();
        this.interpreterAbis = new HashSet<>();
        for (int i = 0; i < this.ordered.size(); i++) {
            Tag tag = this.ordered.get(i);
            priorities.putIfAbsent(tag, i);
            interpreters.add(tag.interpreter());
            interpreterAbis.add(tag.interpreter() + "-" + tag.abi());
        }
    }

    /** The tags of CPython {@code major.minor} (a non-debug, GIL build) on the given platforms, best first. */
    public static CompatibleTags cpython(int major, int minor, List<String> platforms) {
        Objects.requireNonNull(platforms, "platforms");
        LinkedHashSet<Tag> tags = new LinkedHashSet<>();
        String interpreter = "cp" + major + minor;
        for (String platform : platforms) {
            tags.add(new Tag(interpreter, interpreter, platform));
        }
        boolean abi3 = major == 3 && minor >= 2; // packaging's _abi3_applies
        if (abi3) {
            for (String platform : platforms) {
                tags.add(new Tag(interpreter, "abi3", platform));
            }
        }
        for (String platform : platforms) {
            tags.add(new Tag(interpreter, "none", platform));
        }
        if (abi3) {
            for (int older = minor - 1; older > 1; older--) {
                for (String platform : platforms) {
                    tags.add(new Tag("cp" + major + older, "abi3", platform));
                }
            }
        }
        List<String> pyVersions = pythonInterpreterRange(major, minor);
        for (String py : pyVersions) {
            for (String platform : platforms) {
                tags.add(new Tag(py, "none", platform));
            }
        }
        tags.add(new Tag(interpreter, "none", "any"));
        for (String py : pyVersions) {
            tags.add(new Tag(py, "none", "any"));
        }
        return new CompatibleTags(new ArrayList<>(tags));
    }

    /** packaging's {@code _py_interpreter_range}: {@code py311}, {@code py3}, {@code py310} … {@code py30}. */
    private static List<String> pythonInterpreterRange(int major, int minor) {
        List<String> versions = new ArrayList<>();
        versions.add("py" + major + minor);
        versions.add("py" + major);
        for (int older = minor - 1; older >= 0; older--) {
            versions.add("py" + major + older);
        }
        return versions;
    }

    /** All accepted tags, most preferred first. */
    public List<Tag> ordered() {
        return ordered;
    }

    public boolean accepts(Tag tag) {
        return priorities.containsKey(tag);
    }

    /** The tag's position in {@link #ordered()} (lower is better), or empty when not accepted. */
    public OptionalInt priority(Tag tag) {
        Integer priority = priorities.get(tag);
        return priority == null ? OptionalInt.empty() : OptionalInt.of(priority);
    }

    /**
     * The verdict on a wheel's tags: the best priority among the accepted ones (pip's
     * {@code Wheel.find_most_preferred_tag}), or the closest miss when none is accepted.
     */
    public TagCompatibility compatibility(Collection<Tag> wheelTags) {
        int best = Integer.MAX_VALUE;
        Tag bestTag = null;
        IncompatibleTag closestKind = null;
        Tag closest = null;
        for (Tag tag : wheelTags) {
            Integer priority = priorities.get(tag);
            if (priority != null) {
                if (priority < best) {
                    best = priority;
                    bestTag = tag;
                }
                continue;
            }
            IncompatibleTag kind = !interpreters.contains(tag.interpreter()) ? IncompatibleTag.PYTHON
                    : !interpreterAbis.contains(tag.interpreter() + "-" + tag.abi()) ? IncompatibleTag.ABI
                    : IncompatibleTag.PLATFORM;
            if (closestKind == null || kind.compareTo(closestKind) > 0) {
                closestKind = kind;
                closest = tag;
            }
        }
        if (bestTag != null) {
            return new TagCompatibility.Compatible(best, bestTag);
        }
        if (closest == null) {
            throw new IllegalArgumentException("a wheel has at least one tag");
        }
        return new TagCompatibility.Incompatible(closestKind, closest);
    }
}
