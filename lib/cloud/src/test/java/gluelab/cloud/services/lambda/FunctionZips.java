package gluelab.cloud.services.lambda;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;

/**
 * Deployment packages of the test handlers, laid out as Lambda's Java runtime reads a .zip: classes at the root and
 * the libraries a handler needs in {@code lib/}. The handler interfaces are not packaged: the runtime provides them.
 */
public final class FunctionZips {

    /** The SDK modules a handler calling STS needs; the other service models are left out to keep the zip small. */
    private static final Set<String> SERVICE_MODELS_LEFT_OUT = Set.of("s3", "glue", "iam", "cloudwatchlogs", "lambda",
            "s3-transfer-manager", "apache-client", "eventbridge", "scheduler", "sqs", "dynamodb", "crt-core");

    private FunctionZips() {
    }

    private static final String HANDLERS = "gluelab/cloud/services/lambda/handlers";
    private static SdkBytes handlers;
    private static SdkBytes handlersWithSdk;

    /** The test handlers' package, classes only. */
    static synchronized SdkBytes handlers() {
        if (handlers == null) {
            handlers = SdkBytes.fromByteArray(zip(HANDLERS, false));
        }
        return handlers;
    }

    /** The test handlers with the AWS SDK (STS and its core) in {@code lib/}, for handlers that call AWS. */
    static synchronized SdkBytes handlersWithSdk() {
        if (handlersWithSdk == null) {
            handlersWithSdk = SdkBytes.fromByteArray(zip(HANDLERS, true));
        }
        return handlersWithSdk;
    }

    /**
     * The test classes of {@code handler}'s package with the AWS SDK in {@code lib/}: for another service's tests'
     * own handlers, e.g. a Secrets Manager rotation function.
     */
    public static SdkBytes packageWithSdk(Class<?> handler) {
        return SdkBytes.fromByteArray(zip(handler.getPackageName().replace('.', '/'), true));
    }

    private static byte[] zip(String handlersPackage, boolean withSdk) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            Path classes = testClasses();
            Path handlers = classes.resolve(handlersPackage);
            try (Stream<Path> files = Files.list(handlers)) {
                for (Path file : files.sorted().toList()) {
                    ZipEntry entry = new ZipEntry(classes.relativize(file).toString().replace(File.separatorChar, '/'));
                    entry.setTime(0);
                    zip.putNextEntry(entry);
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            }
            if (withSdk) {
                for (Path jar : sdkJars()) {
                    ZipEntry entry = new ZipEntry("lib/" + jar.getFileName());
                    entry.setTime(0);
                    zip.putNextEntry(entry);
                    Files.copy(jar, zip);
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Path testClasses() {
        try {
            return Path.of(FunctionZips.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> sdkJars() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar"))
                .map(Path::of)
                .filter(jar -> {
                    String path = jar.toString();
                    if (path.contains("/software/amazon/awssdk/")) {
                        String artifact = jar.getParent().getParent().getFileName().toString();
                        return !SERVICE_MODELS_LEFT_OUT.contains(artifact);
                    }
                    return path.contains("/org/reactivestreams/") || path.contains("/org/slf4j/slf4j-api/");
                })
                .toList();
    }
}
