package dev.pylayer.wheel;

import java.util.Objects;

/** One entry point of entry_points.txt: {@code name = value} under {@code [group]}. */
public record EntryPoint(String group, String name, String value) {
    public static final String CONSOLE_SCRIPTS = "console_scripts";
    public static final String GUI_SCRIPTS = "gui_scripts";

    public EntryPoint {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return name + " = " + value;
    }
}
