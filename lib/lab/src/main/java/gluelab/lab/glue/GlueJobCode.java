package gluelab.lab.glue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a Java job is handed to Glue 5.0, the same on every target: a Scala-language {@code glueetl} job whose
 * entry point ({@code --class}) is the Java class, found in the jar named by {@code --extra-jars}. Glue compiles
 * the script at {@code ScriptLocation} before each run, so that script is a small stub that defines nothing
 * the job needs; Lab Cloud runs {@code --class} from the jar directly.
 */
public final class GlueJobCode {

    /** Where {@code lab.uploadLauncherScript(bucket)} puts the stub in a bucket. */
    public static final String LAUNCHER_KEY = "scripts/gluelab-launcher.scala";

    /** The stub script: valid Scala, so Glue's compile step passes; the run starts at {@code --class}. */
    public static final String LAUNCHER_SCRIPT = """
            // Glue Pipelines Lab: this job's code is Java. Glue compiles this file before the run, then starts the
            // class named by --class, found in the jar given by --extra-jars. Nothing here is used.
            object GlueLabLauncher
            """;

    private GlueJobCode() {
    }

    /**
     * The {@code DefaultArguments} that run {@code className} from the jar at {@code jarUri}. The map is
     * yours: add the job's own arguments ({@code --input_path} …) to it.
     */
    public static Map<String, String> arguments(String jarUri, String className) {
        if (jarUri == null || !jarUri.startsWith("s3://")) {
            throw new IllegalArgumentException("The jar must be in S3 (s3://bucket/key.jar), not \"" + jarUri
                    + "\": upload it first with lab.upload(jar, bucket, key)");
        }
        if (className == null || className.isBlank()) {
            throw new IllegalArgumentException("Name the class to run, e.g. jar.mainClass()");
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("--job-language", "scala");
        arguments.put("--class", className);
        arguments.put("--extra-jars", jarUri);
        return arguments;
    }
}
