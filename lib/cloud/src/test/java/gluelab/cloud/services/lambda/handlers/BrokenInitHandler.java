package gluelab.cloud.services.lambda.handlers;

import java.util.Map;

/** A handler whose class cannot be initialised: the runtime reports an init error. */
public class BrokenInitHandler {

    static final int SETTING = Integer.parseInt(System.getenv().getOrDefault("SETTING", "not a number"));

    public String handle(Map<String, Object> input) {
        return "never " + SETTING;
    }
}
