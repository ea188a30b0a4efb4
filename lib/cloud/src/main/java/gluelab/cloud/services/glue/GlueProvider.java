package gluelab.cloud.services.glue;

import gluelab.cloud.provider.AccessRules;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.Protocol;
import gluelab.cloud.provider.ServiceDescriptor;
import gluelab.cloud.provider.ServiceProvider;
import gluelab.cloud.services.glue.catalog.GlueCatalogApi;
import gluelab.cloud.services.glue.crawlers.GlueCrawlersApi;
import gluelab.cloud.services.glue.jobs.GlueJobsApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * AWS Glue: the Data Catalog, jobs that really run on Spark, and crawlers that infer tables from S3. Its operations are spread over one
 * class per area; this class only names the service and wires the areas together.
 */
public final class GlueProvider implements ServiceProvider {

    public static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.json(
            "glue", "glue", Protocol.JSON_1_1, "AWSGlue", "2017-03-31",
            "software.amazon.awssdk.services.glue.model", "Message");
    private static final AccessRules ACCESS_RULES = new GlueAccessRules();

    private final GlueCatalogApi catalog;
    private final GlueJobsApi jobs;
    private final GlueCrawlersApi crawlers;

    public GlueProvider(Platform platform) {
        this.catalog = new GlueCatalogApi(platform);
        this.jobs = new GlueJobsApi(platform);
        this.crawlers = new GlueCrawlersApi(platform);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public AccessRules accessRules() {
        return ACCESS_RULES;
    }

    @Override
    public List<Object> operationHandlers() {
        List<Object> handlers = new ArrayList<>();
        handlers.add(catalog);
        handlers.addAll(jobs.operationHandlers());
        handlers.addAll(crawlers.operationHandlers());
        return handlers;
    }

    @Override
    public int reset(String prefix) {
        return catalog.reset(prefix) + jobs.reset(prefix) + crawlers.reset(prefix);
    }

    @Override
    public Map<String, Supplier<String>> healthDetails() {
        return jobs.healthDetails();
    }

    @Override
    public void close() {
        crawlers.close();
        jobs.close();
    }
}
