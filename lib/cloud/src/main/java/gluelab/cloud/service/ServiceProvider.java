package gluelab.cloud.service;

import gluelab.cloud.protocol.ProtocolCodec;
import gluelab.cloud.protocol.ServiceDescriptor;

/**
 * One AWS service in Lab Cloud. Its operations are public methods taking the {@link RequestContext} and
 * the SDK's typed request, and returning the typed response, e.g.
 * {@code CreateJobResponse createJob(RequestContext ctx, CreateJobRequest request)}. The edge finds
 * them by their request type; the protocol codec turns the wire format into those types and back.
 */
public interface ServiceProvider {

    ServiceDescriptor descriptor();

    /**
     * The objects whose public methods implement the operations. A small service is its own handler; a
     * large one (Glue) spreads its operations over one class per area: catalog, jobs, triggers.
     */
    default java.util.List<Object> operationHandlers() {
        return java.util.List.of(this);
    }

    /**
     * Removes every resource, or those whose name starts with {@code prefix}, in all accounts and regions.
     *
     * @return how many resources were removed
     */
    default int reset(String prefix) {
        return 0;
    }

    /** A service whose wire format needs more than its protocol's generic codec (S3) supplies its own. */
    default ProtocolCodec codec() {
        return null;
    }

    /** Lines this service adds to {@code GET /_lab/health}, e.g. the Glue worker's state. */
    default java.util.Map<String, java.util.function.Supplier<String>> healthDetails() {
        return java.util.Map.of();
    }

    /** Called once when Lab Cloud stops. */
    default void close() {
    }
}
