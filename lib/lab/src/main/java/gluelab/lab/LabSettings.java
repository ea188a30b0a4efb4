package gluelab.lab;

import java.util.HashMap;
import java.util.Map;

/**
 * Where a notebook's settings come from: the environment ({@code LAB_TARGET}, {@code LAB_ENDPOINT},
 * {@code LAB_DATA_DIR}, …), each overridable inside one JVM by a system property of the same name. The
 * headless test suite runs many notebooks in one JVM against its own Lab Cloud this way, without a
 * process per notebook.
 */
public final class LabSettings {

    /** A directory to read sample data from instead of the checkout's {@code data/}. */
    public static final String DATA_DIR_VARIABLE = "LAB_DATA_DIR";

    private LabSettings() {
    }

    /** The environment, with every system property whose name is an environment-style name laid over it. */
    public static Map<String, String> current() {
        Map<String, String> settings = new HashMap<>(System.getenv());
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("LAB_") || name.startsWith("LOCALSTACK_") || name.startsWith("AWS_")
                    || name.equals("GLUELAB_HOME")) {
                settings.put(name, System.getProperty(name));
            }
        }
        return settings;
    }
}
