package gluelab.cloud.services.glue;

import gluelab.cloud.protocol.Protocol;
import gluelab.cloud.protocol.ServiceDescriptor;
import gluelab.cloud.service.Platform;
import gluelab.cloud.service.ServiceProvider;
import gluelab.cloud.services.glue.catalog.GlueCatalogApi;
import gluelab.cloud.services.glue.jobs.GlueJobsApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * AWS Glue: the Data Catalog, and jobs that really run on Spark. Its operations are spread over one
 * class per area; this class only names the service and wires the areas together.
 */
public final class GlueProvider implements ServiceProvider {

    public static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.json(
            "glue", "glue", Protocol.JSON_1_1, "AWSGlue", "2017-03-31",
            "software.amazon.awssdk.services.glue.model", "Message");

    private final GlueCatalogApi catalog;
    private final GlueJobsApi jobs;

    public GlueProvider(Platform platform) {
        this.catalog = new GlueCatalogApi(platform);
        this.jobs = new GlueJobsApi(platform);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Object> operationHandlers() {
        List<Object> handlers = new ArrayList<>();
        handlers.add(catalog);
        handlers.addAll(jobs.operationHandlers());
        return handlers;
    }

    @Override
    public int reset(String prefix) {
        return catalog.reset(prefix) + jobs.reset(prefix);
    }

    @Override
    public Map<String, Supplier<String>> healthDetails() {
        return jobs.healthDetails();
    }

    @Override
    public void close() {
        jobs.close();
    }
}
