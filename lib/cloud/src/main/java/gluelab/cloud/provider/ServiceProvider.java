package gluelab.cloud.provider;

import gluelab.cloud.console.ConsoleView;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One AWS service in Lab Cloud: {@code XxxProvider} names the service ({@link #descriptor()}) and wires its
 * parts together. The operations live in one {@code <Resource>Operations} class per resource, whose public
 * methods are named after the AWS operations and take the {@link RequestContext} and the SDK's typed request,
 * returning the typed response, e.g. {@code CreateJobResponse createJob(RequestContext ctx, CreateJobRequest
 * request)}. The edge finds them by their request type; the protocol codec turns the wire format into those
 * types and back. {@code lib/cloud/ADDING_A_SERVICE.md} walks through a whole service.
 */
public interface ServiceProvider {

    ServiceDescriptor descriptor();

    /** The {@code <Resource>Operations} objects whose public methods implement the operations. */
    List<Object> operationHandlers();

    /**
     * What each operation needs permission for, which IAM enforcement checks for calls made with a role's session.
     * The default names the action after the operation ({@code glue:StartJobRun}) on every resource; services
     * whose actions have resources give their own rules.
     */
    default AccessRules accessRules() {
        return AccessRules.byOperationName(descriptor().signingName());
    }

    /**
     * Whether an unsigned request (no Authorization header, no presigned query) is an anonymous call that this
     * service's resource policies may admit, as S3's bucket policies do. Every other service refuses it as missing
     * authentication. An anonymous call is always judged by {@link AccessControl}: only a resource's policy can
     * allow it.
     */
    default boolean admitsAnonymousRequests() {
        return false;
    }

    /**
     * Removes every resource, or those whose name starts with {@code prefix}, in all accounts and regions.
     *
     * @return how many resources were removed
     */
    default int reset(String prefix) {
        return 0;
    }

    /**
     * Routes this service adds under {@code /_lab/}: what AWS offers outside its API (the SES mailbox) or what a
     * process Lab Cloud starts talks to (the Lambda Runtime API). They need no signature, and Lab Cloud refuses
     * them in AWS mode.
     */
    default List<AdminRoute> adminRoutes() {
        return List.of();
    }

    /** What this service shows in the web console ({@code /_lab/ui/}); read-only, like the console. */
    default List<ConsoleView> consoleViews() {
        return List.of();
    }

    /**
     * REST routes that older clients still use for an operation the current model routes elsewhere, as AWS still
     * answers them: operation name to {@code "METHOD /uri"} (SES v2's ListEmailIdentities was
     * {@code GET /v2/email/identities}, with its members in the query string; it is now a POST with a JSON body).
     */
    default Map<String, String> olderRestRoutes() {
        return Map.of();
    }

    /** Lines this service adds to {@code GET /_lab/health}, e.g. the Glue worker's state. */
    default Map<String, Supplier<String>> healthDetails() {
        return Map.of();
    }

    /** Called once when Lab Cloud stops. */
    default void close() {
    }
}
