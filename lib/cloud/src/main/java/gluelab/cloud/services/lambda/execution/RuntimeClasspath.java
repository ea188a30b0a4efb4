package gluelab.cloud.services.lambda.execution;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The class path of the Java runtime in an execution environment: AWS's Runtime Interface Client and what it brings
 * (the handler interfaces of {@code aws-lambda-java-core}, {@code aws-lambda-java-serialization}), found where Lab
 * Cloud itself loaded them, as {@code /var/runtime/lib} holds them on AWS. The function's own code is not on it: the
 * runtime loads it from the task root.
 */
final class RuntimeClasspath {

    static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final List<String> CLASSES = List.of(MAIN_CLASS,
            "com.amazonaws.services.lambda.runtime.Context",
            "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer",
            "software.amazon.awssdk.utilslite.SdkInternalThreadLocal");

    private RuntimeClasspath() {
    }

    static String get() {
        Set<String> entries = new LinkedHashSet<>();
        for (String name : CLASSES) {
            try {
                Class<?> type = Class.forName(name, false, RuntimeClasspath.class.getClassLoader());
                entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (ClassNotFoundException | URISyntaxException | NullPointerException e) {
                throw new IllegalStateException("The Lambda Java runtime is not on Lab Cloud's class path (" + name
                        + "): rebuild Lab Cloud with mvn -o -B -f lib/pom.xml -pl cloud -am install -DskipTests", e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
