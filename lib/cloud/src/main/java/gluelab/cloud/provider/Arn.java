package gluelab.cloud.provider;

import java.util.Optional;

/**
 * An Amazon Resource Name, {@code arn:partition:service:region:account:resource}, parsed and formatted in one
 * place. The resource part keeps AWS's own spelling: {@code job/etl}, {@code role/service-role/glue},
 * {@code log-group:/aws/lambda/f:*}, {@code function:f:prod}, or a bucket's bare name.
 *
 * @param region  empty for global services (IAM, S3 buckets)
 * @param account empty where AWS leaves it out (S3 buckets and objects)
 */
public record Arn(String partition, String service, String region, String account, String resource) {

    public static final String PARTITION = "aws";

    public Arn {
        require(partition, "partition");
        require(service, "service");
        region = region == null ? "" : region;
        account = account == null ? "" : account;
        require(resource, "resource");
    }

    /** An ARN in the {@code aws} partition. */
    public static Arn of(String service, String region, String account, String resource) {
        return new Arn(PARTITION, service, region, account, resource);
    }

    /** A resource of a regional service, e.g. {@code Arn.in(scope, "glue", "job/" + name)}. */
    public static Arn in(Scope scope, String service, String resource) {
        return of(service, scope.region(), scope.account(), resource);
    }

    /** A resource of a global service (IAM), e.g. {@code Arn.global("iam", account, "role/" + name)}. */
    public static Arn global(String service, String account, String resource) {
        return of(service, "", account, resource);
    }

    /** The root user of an account, which is who account access keys act as. */
    public static Arn accountRoot(String account) {
        return global("iam", account, "root");
    }

    /** The ARN, or empty if {@code text} is not one. */
    public static Optional<Arn> parse(String text) {
        if (text == null || !text.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] parts = text.split(":", 6);
        if (parts.length < 6 || parts[1].isEmpty() || parts[2].isEmpty() || parts[5].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]));
    }

    /** The ARN, or the error {@code invalid} makes of the text when it is not one. */
    public static Arn require(String text, java.util.function.Function<String, AwsServiceException> invalid) {
        return parse(text).orElseThrow(() -> invalid.apply(text));
    }

    /** The resource's type: what comes before its first {@code /} or {@code :} ({@code job}, {@code role}); empty if none. */
    public String resourceType() {
        int end = separator();
        return end < 0 ? "" : resource.substring(0, end);
    }

    /** The resource after its type, e.g. {@code etl} of {@code job/etl}, or the whole resource if it has no type. */
    public String resourceId() {
        int end = separator();
        return end < 0 ? resource : resource.substring(end + 1);
    }

    /** The last {@code /}-separated segment of the resource: a role's or policy's name without its path. */
    public String resourceName() {
        String id = resourceId();
        return id.substring(id.lastIndexOf('/') + 1);
    }

    /** Whether this ARN names something in {@code scope} (same account, and same region unless global). */
    public boolean isIn(Scope scope) {
        return account.equals(scope.account()) && (region.isEmpty() || region.equals(scope.region()));
    }

    private int separator() {
        int slash = resource.indexOf('/');
        int colon = resource.indexOf(':');
        if (slash < 0) {
            return colon;
        }
        return colon < 0 ? slash : Math.min(slash, colon);
    }

    private static void require(String value, String part) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("An ARN needs a " + part);
        }
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
}
