package dev.pylayer.wheel;

import java.util.List;

/** An entry_points.txt line, or a console/GUI script entry point, that pip could not install either. */
public final class InvalidEntryPointException extends WheelException {
    private final String specification;

    public InvalidEntryPointException(String specification, String why) {
        super("entry point `" + specification + "` is invalid: " + why,
                List.of("scripts are declared as `name = module:function` under [console_scripts] or [gui_scripts];"
                        + " this is a defect of the distribution, pin another version"));
        this.specification = specification;
    }

    public String specification() {
        return specification;
    }
}
