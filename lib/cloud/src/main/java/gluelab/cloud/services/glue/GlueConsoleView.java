package gluelab.cloud.services.glue;

import static gluelab.cloud.console.ConsoleLinks.parameter;
import static gluelab.cloud.console.ConsoleLinks.to;

import gluelab.cloud.console.ConsoleBlock.Field;
import gluelab.cloud.console.ConsoleBlock.Fields;
import gluelab.cloud.console.ConsoleBlock.Table;
import gluelab.cloud.console.ConsoleBlock;
import gluelab.cloud.console.ConsolePage.Crumb;
import gluelab.cloud.console.ConsolePage;
import gluelab.cloud.console.ConsoleRequest;
import gluelab.cloud.console.ConsoleView;
import gluelab.cloud.provider.ConsoleLogs;
import gluelab.cloud.provider.ConsoleReads;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.GetCrawlerRequest;
import software.amazon.awssdk.services.glue.model.GetCrawlerResponse;
import software.amazon.awssdk.services.glue.model.GetCrawlersRequest;
import software.amazon.awssdk.services.glue.model.GetCrawlersResponse;
import software.amazon.awssdk.services.glue.model.GetDatabasesRequest;
import software.amazon.awssdk.services.glue.model.GetDatabasesResponse;
import software.amazon.awssdk.services.glue.model.GetJobRequest;
import software.amazon.awssdk.services.glue.model.GetJobResponse;
import software.amazon.awssdk.services.glue.model.GetJobRunRequest;
import software.amazon.awssdk.services.glue.model.GetJobRunResponse;
import software.amazon.awssdk.services.glue.model.GetJobRunsRequest;
import software.amazon.awssdk.services.glue.model.GetJobRunsResponse;
import software.amazon.awssdk.services.glue.model.GetJobsRequest;
import software.amazon.awssdk.services.glue.model.GetJobsResponse;
import software.amazon.awssdk.services.glue.model.GetPartitionsRequest;
import software.amazon.awssdk.services.glue.model.GetPartitionsResponse;
import software.amazon.awssdk.services.glue.model.GetTableRequest;
import software.amazon.awssdk.services.glue.model.GetTableResponse;
import software.amazon.awssdk.services.glue.model.GetTablesRequest;
import software.amazon.awssdk.services.glue.model.GetTablesResponse;
import software.amazon.awssdk.services.glue.model.Job;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.S3Target;

/**
 * Glue in the console: jobs with their runs and each run's log lines; crawlers with their last crawl and log; the
 * Data Catalog's databases, tables with their columns, and partitions.
 */
final class GlueConsoleView extends ConsoleView {

    private static final String GLUE = "glue";
    private static final int PAGE = 100;
    private static final List<Crumb> HOME = List.of(new Crumb("Glue", GLUE));

    private final ConsoleReads reads;
    private final ConsoleLogs logs;

    GlueConsoleView(ConsoleReads reads) {
        super(GLUE, "Glue");
        this.reads = reads;
        this.logs = new ConsoleLogs(reads);
    }

    @Override
    public ConsolePage page(ConsoleRequest request) {
        if (request.is()) {
            return home(request);
        } else if (request.is("jobs", null)) {
            return job(request, request.segment(1));
        } else if (request.is("jobs", null, "runs", null)) {
            return run(request, request.segment(1), request.segment(3));
        } else if (request.is("crawlers", null)) {
            return crawler(request, request.segment(1));
        } else if (request.is("databases", null)) {
            return database(request, request.segment(1));
        } else if (request.is("databases", null, "tables", null)) {
            return table(request, request.segment(1), request.segment(3));
        }
        throw request.notFound();
    }

    private ConsolePage home(ConsoleRequest request) {
        GetJobsResponse jobs = reads.call(GLUE, request, GetJobsRequest.builder().maxResults(PAGE).build());
        Table.Builder jobTable = Table.titled("Jobs", "Name", "Class", "Role", "Glue version", "Modified");
        for (Job job : jobs.jobs()) {
            jobTable.row(to(GLUE, "jobs", job.name()), job.name(), job.defaultArguments().get("--class"), job.role(),
                    job.glueVersion(), job.lastModifiedOn());
        }
        GetCrawlersResponse crawlers = reads.call(GLUE, request, GetCrawlersRequest.builder().maxResults(PAGE).build());
        Table.Builder crawlerTable = Table.titled("Crawlers", "Name", "State", "Database", "Last crawl", "Schedule");
        for (Crawler crawler : crawlers.crawlers()) {
            crawlerTable.row(to(GLUE, "crawlers", crawler.name()), crawler.name(), crawler.stateAsString(),
                    crawler.databaseName(), crawler.lastCrawl() == null ? null : crawler.lastCrawl().statusAsString(),
                    crawler.schedule() == null ? null : crawler.schedule().scheduleExpression());
        }
        GetDatabasesResponse databases = reads.call(GLUE, request, GetDatabasesRequest.builder().maxResults(PAGE).build());
        Table.Builder databaseTable = Table.titled("Data Catalog databases", "Name", "Description", "Created");
        for (Database database : databases.databaseList()) {
            databaseTable.row(to(GLUE, "databases", database.name()), database.name(), database.description(),
                    database.createTime());
        }
        return ConsolePage.of("Glue", List.of(),
                jobTable.orElse("No jobs yet. glue.createJob(...) names a job class; each StartJobRun runs it."),
                crawlerTable.orElse("No crawlers yet. A crawler reads S3 (or a JDBC source) and writes catalog tables."),
                databaseTable.orElse("No catalog databases yet (glue.createDatabase)."));
    }

    private ConsolePage job(ConsoleRequest request, String name) {
        Job job = this.<GetJobResponse>call(request, GetJobRequest.builder().jobName(name).build()).job();
        GetJobRunsResponse runs = reads.call(GLUE, request, GetJobRunsRequest.builder().jobName(name)
                .maxResults(PAGE).nextToken(request.query("nextToken")).build());
        Table.Builder runTable = Table.titled("Runs", "Run id", "State", "Started", "Completed", "Seconds", "Error");
        for (JobRun run : runs.jobRuns()) {
            runTable.row(to(GLUE, "jobs", name, "runs", run.id()), run.id(), run.jobRunStateAsString(),
                    run.startedOn(), run.completedOn(), run.executionTime(), run.errorMessage());
        }
        if (runs.nextToken() != null) {
            runTable.next(parameter("nextToken", runs.nextToken()));
        }
        String arguments = job.defaultArguments().entrySet().stream()
                .map(argument -> argument.getKey() + " " + argument.getValue()).collect(Collectors.joining("\n"));
        return ConsolePage.of(name, HOME,
                Fields.of("Job", Field.of("Name", job.name()), Field.of("Role", job.role()),
                        Field.of("Command", job.command() == null ? null : job.command().name()),
                        Field.of("Script location", job.command() == null ? null : job.command().scriptLocation()),
                        Field.of("Default arguments", arguments), Field.of("Glue version", job.glueVersion()),
                        Field.of("Worker type", job.workerTypeAsString()), Field.of("Workers", job.numberOfWorkers()),
                        Field.of("Timeout (minutes)", job.timeout()),
                        Field.of("Max concurrent runs", job.executionProperty() == null ? null
                                : job.executionProperty().maxConcurrentRuns())),
                runTable.orElse("This job has not run yet (glue.startJobRun)."));
    }

    private ConsolePage run(ConsoleRequest request, String job, String runId) {
        JobRun run = this.<GetJobRunResponse>call(request, GetJobRunRequest.builder().jobName(job).runId(runId).build())
                .jobRun();
        List<ConsoleBlock> blocks = new ArrayList<>();
        blocks.add(Fields.of("Run", Field.of("Run id", run.id()), Field.of("State", run.jobRunStateAsString()),
                Field.of("Attempt", run.attempt()), Field.of("Started", run.startedOn()),
                Field.of("Completed", run.completedOn()), Field.of("Execution time (s)", run.executionTime()),
                Field.of("Started by trigger", run.triggerName()), Field.of("Error", run.errorMessage())));
        blocks.add(logs.stream(request, "Output", "/aws-glue/jobs/output", runId, "No output lines (yet)."));
        blocks.add(logs.stream(request, "Errors and logging", "/aws-glue/jobs/error", runId, "No error lines."));
        return new ConsolePage(runId, List.of(HOME.get(0), new Crumb(job, to(GLUE, "jobs", job))), blocks);
    }

    private ConsolePage crawler(ConsoleRequest request, String name) {
        Crawler crawler = this.<GetCrawlerResponse>call(request, GetCrawlerRequest.builder().name(name).build()).crawler();
        String paths = crawler.targets() == null ? null : crawler.targets().s3Targets().stream()
                .map(S3Target::path).collect(Collectors.joining("\n"));
        Fields fields = Fields.of("Crawler", Field.of("Name", crawler.name()), Field.of("State", crawler.stateAsString()),
                Field.of("Role", crawler.role()),
                Field.linked("Database", crawler.databaseName(),
                        crawler.databaseName() == null ? null : to(GLUE, "databases", crawler.databaseName())),
                Field.of("S3 targets", paths),
                Field.of("Schedule", crawler.schedule() == null ? null : crawler.schedule().scheduleExpression()),
                Field.of("Last crawl", crawler.lastCrawl() == null ? null : crawler.lastCrawl().statusAsString()),
                Field.of("Last crawl started", crawler.lastCrawl() == null ? null : crawler.lastCrawl().startTime()),
                Field.of("Last crawl error", crawler.lastCrawl() == null ? null : crawler.lastCrawl().errorMessage()));
        return ConsolePage.of(name, HOME, fields,
                logs.stream(request, "Log", "/aws-glue/crawlers", name, "This crawler has not crawled yet."));
    }

    private ConsolePage database(ConsoleRequest request, String name) {
        GetTablesResponse tables = reads.call(GLUE, request, GetTablesRequest.builder().databaseName(name)
                .maxResults(PAGE).nextToken(request.query("nextToken")).build());
        Table.Builder tableRows = Table.titled("Tables", "Name", "Type", "Location", "Columns", "Partition keys",
                "Updated");
        for (software.amazon.awssdk.services.glue.model.Table table : tables.tableList()) {
            tableRows.row(to(GLUE, "databases", name, "tables", table.name()), table.name(), table.tableType(),
                    table.storageDescriptor() == null ? null : table.storageDescriptor().location(),
                    table.storageDescriptor() == null ? 0 : table.storageDescriptor().columns().size(),
                    table.partitionKeys().stream().map(Column::name).collect(Collectors.joining(", ")),
                    table.updateTime());
        }
        if (tables.nextToken() != null) {
            tableRows.next(parameter("nextToken", tables.nextToken()));
        }
        return ConsolePage.of(name, HOME, tableRows.orElse("No tables in this database yet. A crawler, "
                + "glue.createTable or a job writing to the catalog makes them."));
    }

    private ConsolePage table(ConsoleRequest request, String database, String name) {
        software.amazon.awssdk.services.glue.model.Table table = reads.<GetTableResponse>call(GLUE, request, GetTableRequest.builder().databaseName(database).name(name)
                .build()).table();
        Table.Builder columns = Table.titled("Columns", "Name", "Type", "Partition key", "Comment");
        if (table.storageDescriptor() != null) {
            table.storageDescriptor().columns().forEach(c -> columns.row(null, c.name(), c.type(), "", c.comment()));
        }
        table.partitionKeys().forEach(c -> columns.row(null, c.name(), c.type(), "partition key", c.comment()));
        GetPartitionsResponse partitions = reads.call(GLUE, request, GetPartitionsRequest.builder()
                .databaseName(database).tableName(name).maxResults(PAGE).nextToken(request.query("nextToken")).build());
        Table.Builder partitionRows = Table.titled("Partitions", "Values", "Location", "Created");
        for (Partition partition : partitions.partitions()) {
            partitionRows.row(null, String.join(" / ", partition.values()),
                    partition.storageDescriptor() == null ? null : partition.storageDescriptor().location(),
                    partition.creationTime());
        }
        if (partitions.nextToken() != null) {
            partitionRows.next(parameter("nextToken", partitions.nextToken()));
        }
        String parameters = table.parameters().entrySet().stream()
                .map(parameter -> parameter.getKey() + "=" + parameter.getValue()).collect(Collectors.joining("\n"));
        return ConsolePage.of(name, List.of(HOME.get(0), new Crumb(database, to(GLUE, "databases", database))),
                Fields.of("Table", Field.of("Name", table.name()), Field.of("Type", table.tableType()),
                        Field.of("Location", table.storageDescriptor() == null ? null
                                : table.storageDescriptor().location()),
                        Field.of("Parameters", parameters), Field.of("Updated", table.updateTime())),
                columns.orElse("No columns."),
                partitionRows.orElse(table.partitionKeys().isEmpty() ? "This table is not partitioned."
                        : "No partitions yet (a crawler or BatchCreatePartition adds them)."));
    }

    private <R> R call(ConsoleRequest request, Object operation) {
        return reads.call(GLUE, request, operation);
    }
}
