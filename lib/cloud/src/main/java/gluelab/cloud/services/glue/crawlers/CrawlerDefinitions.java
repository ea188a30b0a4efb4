package gluelab.cloud.services.glue.crawlers;

import gluelab.cloud.schedule.CronExpression;
import gluelab.cloud.schedule.ScheduleExpressionException;
import gluelab.cloud.services.glue.GlueErrors;
import gluelab.cloud.services.glue.crawlers.inference.S3Glob;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.CrawlerLineageSettings;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.CrawlerTargets;
import software.amazon.awssdk.services.glue.model.CreateCrawlerRequest;
import software.amazon.awssdk.services.glue.model.DeleteBehavior;
import software.amazon.awssdk.services.glue.model.JdbcMetadataEntry;
import software.amazon.awssdk.services.glue.model.JdbcTarget;
import software.amazon.awssdk.services.glue.model.LineageConfiguration;
import software.amazon.awssdk.services.glue.model.RecrawlBehavior;
import software.amazon.awssdk.services.glue.model.RecrawlPolicy;
import software.amazon.awssdk.services.glue.model.S3Target;
import software.amazon.awssdk.services.glue.model.Schedule;
import software.amazon.awssdk.services.glue.model.ScheduleState;
import software.amazon.awssdk.services.glue.model.SchemaChangePolicy;
import software.amazon.awssdk.services.glue.model.UpdateBehavior;
import software.amazon.awssdk.services.glue.model.UpdateCrawlerRequest;

/**
 * What makes a crawler definition valid, and the defaults Glue fills in: SchemaChangePolicy
 * UPDATE_IN_DATABASE/DEPRECATE_IN_DATABASE, RecrawlPolicy CRAWL_EVERYTHING, lineage DISABLE, Version 1.
 * CreateCrawler defines a whole crawler; UpdateCrawler changes only the members it carries, as on AWS.
 */
final class CrawlerDefinitions {

    private static final int MAX_TABLE_PREFIX = 128;

    private CrawlerDefinitions() {
    }

    static Crawler create(CreateCrawlerRequest request, Instant now) {
        String name = GlueErrors.name(request.name(), "name");
        Crawler.Builder crawler = Crawler.builder()
                .name(name)
                .role(GlueErrors.required(request.role(), "role"))
                .targets(targets(GlueErrors.required(request.targets(), "targets")))
                .databaseName(request.databaseName())
                .description(request.description())
                .classifiers(request.hasClassifiers() ? request.classifiers() : List.of())
                .tablePrefix(tablePrefix(request.tablePrefix()))
                .schemaChangePolicy(schemaChangePolicy(request.schemaChangePolicy(), null))
                .recrawlPolicy(recrawlPolicy(request.recrawlPolicy(), null))
                .lineageConfiguration(request.lineageConfiguration() != null ? request.lineageConfiguration()
                        : LineageConfiguration.builder().crawlerLineageSettings(CrawlerLineageSettings.DISABLE).build())
                .lakeFormationConfiguration(request.lakeFormationConfiguration())
                .configuration(configuration(request.configuration()))
                .crawlerSecurityConfiguration(request.crawlerSecurityConfiguration())
                .schedule(schedule(request.schedule()))
                .state(CrawlerState.READY)
                .creationTime(now)
                .lastUpdated(now)
                .version(1L);
        return validRecrawl(crawler.build());
    }

    /** The crawler with the members {@code request} carries changed, its Version one higher. */
    static Crawler update(Crawler existing, UpdateCrawlerRequest request, Instant now) {
        Crawler.Builder crawler = existing.toBuilder().lastUpdated(now).version(existing.version() + 1);
        if (request.role() != null) {
            crawler.role(request.role());
        }
        if (request.targets() != null) {
            crawler.targets(targets(request.targets()));
        }
        if (request.databaseName() != null) {
            crawler.databaseName(request.databaseName());
        }
        if (request.description() != null) {
            crawler.description(request.description());
        }
        if (request.hasClassifiers()) {
            crawler.classifiers(request.classifiers());
        }
        if (request.tablePrefix() != null) {
            crawler.tablePrefix(tablePrefix(request.tablePrefix()));
        }
        if (request.schemaChangePolicy() != null) {
            crawler.schemaChangePolicy(schemaChangePolicy(request.schemaChangePolicy(), existing.schemaChangePolicy()));
        }
        if (request.recrawlPolicy() != null) {
            crawler.recrawlPolicy(recrawlPolicy(request.recrawlPolicy(), existing.recrawlPolicy()));
        }
        if (request.lineageConfiguration() != null) {
            crawler.lineageConfiguration(request.lineageConfiguration());
        }
        if (request.lakeFormationConfiguration() != null) {
            crawler.lakeFormationConfiguration(request.lakeFormationConfiguration());
        }
        if (request.configuration() != null) {
            crawler.configuration(configuration(request.configuration()));
        }
        if (request.crawlerSecurityConfiguration() != null) {
            crawler.crawlerSecurityConfiguration(request.crawlerSecurityConfiguration());
        }
        if (request.schedule() != null) {
            crawler.schedule(schedule(request.schedule()));
        }
        return validRecrawl(crawler.build());
    }

    /** A cron(...) schedule, SCHEDULED from now on; none (null or empty) is no schedule. */
    static Schedule schedule(String expression) {
        if (expression == null || expression.isBlank()) {
            return null;
        }
        try {
            String parsed = CronExpression.parse(expression).expression();
            return Schedule.builder().scheduleExpression(parsed).state(ScheduleState.SCHEDULED).build();
        } catch (ScheduleExpressionException e) {
            throw GlueErrors.invalidInput("Invalid schedule " + expression + ": " + e.getMessage());
        }
    }

    /**
     * At least one target; S3 include paths must be {@code s3://bucket[/prefix]}; JDBC paths
     * {@code database/schema/table} (with {@code %}) and their EnableAdditionalMetadata COMMENTS or RAWTYPES;
     * exclusions valid globs. Whether a JDBC target's connection exists is found at crawl time, as on AWS. Catalog
     * and other targets are kept as given (crawling them fails until Lab Cloud can reach their sources).
     */
    private static CrawlerTargets targets(CrawlerTargets targets) {
        int count = targets.s3Targets().size() + targets.jdbcTargets().size() + targets.catalogTargets().size()
                + targets.dynamoDBTargets().size() + targets.mongoDBTargets().size() + targets.deltaTargets().size()
                + targets.icebergTargets().size() + targets.hudiTargets().size();
        if (count == 0) {
            throw GlueErrors.invalidInput("Crawler must have at least one target.");
        }
        for (JdbcTarget target : targets.jdbcTargets()) {
            if (target.enableAdditionalMetadata().contains(JdbcMetadataEntry.UNKNOWN_TO_SDK_VERSION)) {
                throw GlueErrors.validation("targets.jdbcTargets.member.enableAdditionalMetadata",
                        target.enableAdditionalMetadataAsStrings(), "Member must satisfy enum value set: [COMMENTS, RAWTYPES]");
            }
            try {
                JdbcCrawl.includePath(target);
            } catch (IllegalArgumentException e) {
                throw GlueErrors.invalidInput(e.getMessage());
            }
        }
        for (S3Target target : targets.s3Targets()) {
            if (target.path() == null || !target.path().startsWith("s3://") || target.path().length() <= "s3://".length()) {
                throw GlueErrors.invalidInput("S3 target path " + target.path() + " is not valid: it must be s3://bucket/prefix.");
            }
            for (String exclusion : target.exclusions()) {
                try {
                    S3Glob.compile(exclusion);
                } catch (IllegalArgumentException e) {
                    throw GlueErrors.invalidInput(e.getMessage());
                }
            }
        }
        return targets;
    }

    private static String tablePrefix(String prefix) {
        if (prefix != null && prefix.length() > MAX_TABLE_PREFIX) {
            throw GlueErrors.validation("tablePrefix", prefix, "Member must have length less than or equal to " + MAX_TABLE_PREFIX);
        }
        return prefix;
    }

    private static String configuration(String json) {
        CrawlerConfiguration.parse(json);
        return json;
    }

    private static SchemaChangePolicy schemaChangePolicy(SchemaChangePolicy given, SchemaChangePolicy previous) {
        SchemaChangePolicy base = previous != null ? previous : SchemaChangePolicy.builder()
                .updateBehavior(UpdateBehavior.UPDATE_IN_DATABASE).deleteBehavior(DeleteBehavior.DEPRECATE_IN_DATABASE).build();
        if (given == null) {
            return base;
        }
        if (given.updateBehavior() == UpdateBehavior.UNKNOWN_TO_SDK_VERSION
                || given.deleteBehavior() == DeleteBehavior.UNKNOWN_TO_SDK_VERSION) {
            throw GlueErrors.invalidInput("SchemaChangePolicy has an unknown behavior: " + given);
        }
        return SchemaChangePolicy.builder()
                .updateBehavior(given.updateBehavior() != null ? given.updateBehavior() : base.updateBehavior())
                .deleteBehavior(given.deleteBehavior() != null ? given.deleteBehavior() : base.deleteBehavior())
                .build();
    }

    private static RecrawlPolicy recrawlPolicy(RecrawlPolicy given, RecrawlPolicy previous) {
        if (given == null || given.recrawlBehavior() == null) {
            return previous != null ? previous
                    : RecrawlPolicy.builder().recrawlBehavior(RecrawlBehavior.CRAWL_EVERYTHING).build();
        }
        if (given.recrawlBehavior() == RecrawlBehavior.UNKNOWN_TO_SDK_VERSION) {
            throw GlueErrors.invalidInput("Unknown RecrawlBehavior " + given.recrawlBehaviorAsString());
        }
        return given;
    }

    /** Incremental crawls only add: Glue refuses them with any schema change policy but LOG/LOG. */
    private static Crawler validRecrawl(Crawler crawler) {
        if (crawler.recrawlPolicy().recrawlBehavior() == RecrawlBehavior.CRAWL_NEW_FOLDERS_ONLY
                && (crawler.schemaChangePolicy().updateBehavior() != UpdateBehavior.LOG
                || crawler.schemaChangePolicy().deleteBehavior() != DeleteBehavior.LOG)) {
            throw GlueErrors.invalidInput("The SchemaChangePolicy for \"Crawl new folders only\" Amazon S3 target can "
                    + "have only LOG DeleteBehavior value and LOG UpdateBehavior value.");
        }
        return crawler;
    }
}
