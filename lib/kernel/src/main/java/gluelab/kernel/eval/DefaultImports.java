package gluelab.kernel.eval;

import java.util.List;

/** What every session imports before the first cell, so notebooks start with the lab's vocabulary in scope. */
public final class DefaultImports {

    /** Import targets as they follow the {@code import} keyword; add to this list to extend every session. */
    public static final List<String> IMPORTS = List.of(
            "java.util.*",
            "java.util.stream.*",
            "java.time.*",
            "java.nio.file.*",
            "java.io.*",
            "gluelab.lab.*",
            "gluelab.lab.display.*",
            "static gluelab.lab.display.Display.display",
            "static gluelab.lab.display.Display.render",
            "static gluelab.lab.display.Display.updateDisplay");

    private DefaultImports() {
    }

    public static String declaration(String target) {
        return "import " + target + ";";
    }
}
