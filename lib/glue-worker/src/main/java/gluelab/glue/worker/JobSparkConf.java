package gluelab.glue.worker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Spark settings a job gives in its {@code --conf} argument, in Glue's form: one value holding
 * {@code key=value} pairs joined by {@code " --conf "}, as in
 * {@code --conf spark.sql.extensions=X --conf spark.sql.catalog.glue_catalog=Y}.
 */
record JobSparkConf(Map<String, String> settings) {

    static final String ARGUMENT = "--conf";
    static final String EXTENSIONS = "spark.sql.extensions";

    static JobSparkConf of(List<String> args) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.size(); i++) {
            if (ARGUMENT.equals(args.get(i))) {
                for (String pair : args.get(i + 1).trim().split("\\s+--conf\\s+")) {
                    int equals = pair.indexOf('=');
                    if (equals > 0) {
                        settings.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
                    }
                }
                i++;
            }
        }
        return new JobSparkConf(settings);
    }

    /** The session extension classes ({@code spark.sql.extensions}, comma separated), in order. */
    List<String> extensions() {
        List<String> classes = new ArrayList<>();
        for (String name : settings.getOrDefault(EXTENSIONS, "").split(",")) {
            if (!name.isBlank()) {
                classes.add(name.trim());
            }
        }
        return classes;
    }
}
