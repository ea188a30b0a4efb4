package gluelab.glue.util;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Glue's job-argument parser. Glue passes a job's arguments as {@code --KEY value} pairs (the
 * job's DefaultArguments merged with the run's Arguments, plus {@code --JOB_NAME}, {@code --JOB_ID},
 * {@code --JOB_RUN_ID}, {@code --job-bookmark-option}, {@code --TempDir}); a job asks for the names
 * it needs and gets them without the dashes. {@code --KEY=value} is accepted too.
 */
public final class GlueArgParser {

    private GlueArgParser() {
    }

    /**
     * The values of {@code names}, keyed without dashes, in the order asked for. Every name is
     * required, as in Glue: a missing one fails with the list of all missing names.
     */
    public static Map<String, String> getResolvedOptions(String[] args, String[] names) {
        Map<String, String> all = parse(args);
        Map<String, String> resolved = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            String key = stripDashes(name);
            String value = all.get(key);
            if (value == null) {
                missing.add("--" + key);
            } else {
                resolved.put(key, value);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the following arguments are required: " + String.join(", ", missing)
                    + " (job arguments given: " + String.join(" ", all.keySet().stream().map(k -> "--" + k).toList()) + ")");
        }
        return resolved;
    }

    /** Every {@code --KEY value} pair in {@code args}, keyed without dashes. */
    public static Map<String, String> parse(String[] args) {
        Map<String, String> all = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                continue; // Glue ignores stray positional values
            }
            int eq = arg.indexOf('=');
            if (eq > 2) {
                all.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.length && !isKey(args[i + 1])) {
                all.put(arg.substring(2), args[++i]);
            } else {
                all.put(arg.substring(2), "");
            }
        }
        return all;
    }

    private static boolean isKey(String next) {
        return next.startsWith("--") && next.length() > 2 && !Character.isDigit(next.charAt(2));
    }

    private static String stripDashes(String name) {
        return name.startsWith("--") ? name.substring(2) : name;
    }
}
