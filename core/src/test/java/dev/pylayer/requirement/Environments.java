package dev.pylayer.requirement;

import java.util.HashMap;
import java.util.Map;

/** Marker environments for tests: a python3.12 x86_64 Lambda-like base with some variables overridden. */
final class Environments {
    private Environments() {
    }

    static MarkerEnvironment lambda312() {
        return new MarkerEnvironment("cpython", "3.12.0", "posix", "x86_64", "CPython",
                "5.10.227-219.884.amzn2.x86_64", "Linux", "#1 SMP", "3.12.0", "3.12", "linux");
    }

    /** The base with {@code name=value,…} overrides (empty: none). */
    static MarkerEnvironment with(String overrides) {
        Map<String, String> values = new HashMap<>(lambda312().asMap());
        if (!overrides.isEmpty()) {
            for (String pair : overrides.split(",")) {
                int eq = pair.indexOf('=');
                values.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return new MarkerEnvironment(values.get("implementation_name"), values.get("implementation_version"),
                values.get("os_name"), values.get("platform_machine"), values.get("platform_python_implementation"),
                values.get("platform_release"), values.get("platform_system"), values.get("platform_version"),
                values.get("python_full_version"), values.get("python_version"), values.get("sys_platform"));
    }
}
