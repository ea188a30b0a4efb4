package gluelab.lab.targets;

import gluelab.lab.LabSetupException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Everything that decides where a lab's AWS calls go, worked out from the environment alone (no network,
 * no Docker), so every target can be tested by its configuration.
 *
 * <table>
 * <caption>Environment variables</caption>
 * <tr><td>{@code LAB_TARGET}</td><td>{@code embedded} (default), {@code localstack} or {@code aws}</td></tr>
 * <tr><td>{@code LAB_ENDPOINT}</td><td>an AWS-compatible endpoint to use instead of the target's own</td></tr>
 * <tr><td>{@code LAB_PREFIX}</td><td>starts every resource name: required on {@code aws} (bucket names are
 * global), optional elsewhere (the class grader gives each learner their own on one shared Lab Cloud)</td></tr>
 * <tr><td>{@code LAB_GLUE_ROLE_ARN}</td><td>the IAM role Glue jobs run as on {@code aws}</td></tr>
 * <tr><td>{@code LOCALSTACK_ENDPOINT}</td><td>a LocalStack that is already running</td></tr>
 * <tr><td>{@code LOCALSTACK_AUTH_TOKEN}</td><td>needed to start the LocalStack image</td></tr>
 * <tr><td>{@code LOCALSTACK_IMAGE}</td><td>another LocalStack image than {@value #DEFAULT_LOCALSTACK_IMAGE}</td></tr>
 * <tr><td>{@code AWS_REGION}</td><td>the region on {@code aws} (else the SDK's default region chain)</td></tr>
 * </table>
 *
 * @param target              which kind of cloud
 * @param endpoint            where requests go; null means AWS's own endpoints ({@code aws}) or a LocalStack
 *                            container still to be started ({@code localstack})
 * @param region              the region; null means the SDK's default region chain decides
 * @param credentials         how requests are signed
 * @param namePrefix          what starts every resource name before the lab's own prefix: {@code LAB_PREFIX}
 *                            and a hyphen, or empty when it is not set (never on {@code aws})
 * @param pathStyle           whether S3 is addressed as {@code endpoint/bucket/key} (local endpoints)
 * @param glueRoleArn         the role Glue jobs run as; null means "make one up" off AWS, "missing" on AWS
 * @param startLabCloud       whether to start a Lab Cloud when nothing answers at the endpoint
 * @param localStackImage     the image to start for {@code localstack}, or null when one is already running
 * @param localStackAuthToken the LocalStack auth token passed to the container
 */
public record TargetConfig(
        Target target,
        URI endpoint,
        String region,
        AwsCredentialsProvider credentials,
        String namePrefix,
        boolean pathStyle,
        String glueRoleArn,
        boolean startLabCloud,
        String localStackImage,
        String localStackAuthToken) {

    public static final String TARGET_VARIABLE = "LAB_TARGET";
    public static final String ENDPOINT_VARIABLE = "LAB_ENDPOINT";
    public static final String PREFIX_VARIABLE = "LAB_PREFIX";
    public static final String GLUE_ROLE_VARIABLE = "LAB_GLUE_ROLE_ARN";
    public static final String LOCALSTACK_ENDPOINT_VARIABLE = "LOCALSTACK_ENDPOINT";
    public static final String LOCALSTACK_TOKEN_VARIABLE = "LOCALSTACK_AUTH_TOKEN";
    public static final String LOCALSTACK_IMAGE_VARIABLE = "LOCALSTACK_IMAGE";
    public static final String REGION_VARIABLE = "AWS_REGION";

    /** Lab Cloud's edge port, the same as LocalStack's. */
    public static final URI DEFAULT_LAB_CLOUD_ENDPOINT = URI.create("http://127.0.0.1:4566");
    /**
     * Pinned. Since March 2026 LocalStack ships one image, calendar-versioned, that needs an auth token (and
     * a paid tier for Glue); the last 4.x community images have no Glue at all.
     */
    public static final String DEFAULT_LOCALSTACK_IMAGE = "localstack/localstack:2026.03.0";
    /** The key pair Lab Cloud and LocalStack accept, in their account 000000000000. */
    public static final AwsBasicCredentials LOCAL_CREDENTIALS = AwsBasicCredentials.create("test", "test");
    public static final String LOCAL_REGION = "us-east-1";

    /** The configuration for the variables in {@code environment}; a clear error when they do not make sense. */
    public static TargetConfig fromEnvironment(Map<String, String> environment) {
        Target target = Target.parse(environment.get(TARGET_VARIABLE));
        URI labEndpoint = endpoint(environment, ENDPOINT_VARIABLE);
        return switch (target) {
            case EMBEDDED -> {
                URI endpoint = labEndpoint != null ? labEndpoint : DEFAULT_LAB_CLOUD_ENDPOINT;
                yield new TargetConfig(target, endpoint, LOCAL_REGION, StaticCredentialsProvider.create(LOCAL_CREDENTIALS),
                        optionalNamePrefix(environment.get(PREFIX_VARIABLE)), true, null, isLoopback(endpoint), null, null);
            }
            case LOCALSTACK -> {
                URI endpoint = labEndpoint != null ? labEndpoint : endpoint(environment, LOCALSTACK_ENDPOINT_VARIABLE);
                String token = blankToNull(environment.get(LOCALSTACK_TOKEN_VARIABLE));
                String image = endpoint != null ? null
                        : orDefault(environment.get(LOCALSTACK_IMAGE_VARIABLE), DEFAULT_LOCALSTACK_IMAGE);
                if (endpoint == null && token == null) {
                    throw new LabSetupException("LAB_TARGET=localstack starts the LocalStack image, which needs "
                            + LOCALSTACK_TOKEN_VARIABLE + " since March 2026 (a free account at app.localstack.cloud "
                            + "gives one; Glue needs a paid tier). Set it, or set " + LOCALSTACK_ENDPOINT_VARIABLE
                            + " to a LocalStack you started yourself, or leave LAB_TARGET unset to use Lab Cloud.");
                }
                yield new TargetConfig(target, endpoint, orDefault(environment.get(REGION_VARIABLE), LOCAL_REGION),
                        StaticCredentialsProvider.create(LOCAL_CREDENTIALS), optionalNamePrefix(environment.get(PREFIX_VARIABLE)),
                        true, null, false, image, token);
            }
            case AWS -> new TargetConfig(target, labEndpoint, blankToNull(environment.get(REGION_VARIABLE)),
                    DefaultCredentialsProvider.builder().build(), awsNamePrefix(environment.get(PREFIX_VARIABLE)),
                    labEndpoint != null, blankToNull(environment.get(GLUE_ROLE_VARIABLE)), false, null, null);
        };
    }

    /** The same configuration, aimed at {@code newEndpoint} (a LocalStack container once it runs). */
    public TargetConfig withEndpoint(URI newEndpoint) {
        return new TargetConfig(target, newEndpoint, region, credentials, namePrefix, pathStyle, glueRoleArn,
                startLabCloud, localStackImage, localStackAuthToken);
    }

    /** Whether a LocalStack container must be started before anything else. */
    public boolean needsLocalStackContainer() {
        return target == Target.LOCALSTACK && endpoint == null;
    }

    private static String awsNamePrefix(String value) {
        if (blankToNull(value) == null) {
            throw new LabSetupException("LAB_TARGET=aws needs " + PREFIX_VARIABLE + ": a short name of your own, like "
                    + "your initials, that starts every bucket, job and trigger this lab creates (S3 bucket names are "
                    + "global, and the lab's clean-up deletes by that prefix). For example: export " + PREFIX_VARIABLE
                    + "=jdoe");
        }
        return optionalNamePrefix(value);
    }

    /**
     * {@code LAB_PREFIX} and a hyphen, or empty when it is not set. Two people (or two learners being graded) with
     * different prefixes never share a resource name, and a reset by one prefix never reaches the other's names.
     */
    private static String optionalNamePrefix(String value) {
        String prefix = blankToNull(value);
        if (prefix == null) {
            return "";
        }
        prefix = prefix.toLowerCase(Locale.ROOT);
        if (prefix.endsWith("-")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        if (!prefix.matches("[a-z0-9][a-z0-9-]{0,19}")) {
            throw new LabSetupException(PREFIX_VARIABLE + "=" + value + " cannot start S3 bucket names: use 1 to 20 "
                    + "lowercase letters, digits and hyphens, starting with a letter or digit.");
        }
        return prefix + "-";
    }

    private static URI endpoint(Map<String, String> environment, String variable) {
        String value = blankToNull(environment.get(variable));
        if (value == null) {
            return null;
        }
        try {
            URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new LabSetupException(variable + "=" + value + " is not an endpoint URL like http://127.0.0.1:4566");
        }
    }

    /** Whether {@code endpoint} is on this machine (Lab Cloud or a LocalStack), not AWS. */
    public static boolean isLoopback(URI endpoint) {
        String host = endpoint.getHost();
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String orDefault(String value, String fallback) {
        String present = blankToNull(value);
        return present != null ? present : fallback;
    }
}
