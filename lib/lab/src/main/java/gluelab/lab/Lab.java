package gluelab.lab;

import gluelab.lab.data.DataFormat;
import gluelab.lab.data.S3TableReader;
import gluelab.lab.dynamodb.TableItems;
import gluelab.lab.glue.Crawlers;
import gluelab.lab.glue.GlueJobCode;
import gluelab.lab.glue.GlueLogs;
import gluelab.lab.glue.JobRuns;
import gluelab.lab.glue.WorkflowRunGraph;
import gluelab.lab.iam.PolicyJson;
import gluelab.lab.iam.RoleSetup;
import gluelab.lab.iam.RoleView;
import gluelab.lab.lambda.LambdaInvocations;
import gluelab.lab.logs.LogStreamsContaining;
import gluelab.lab.packaging.JobPackager;
import gluelab.lab.packaging.LambdaPackager;
import gluelab.lab.packaging.LocalMavenRepository;
import gluelab.lab.rds.ExistingPostgres;
import gluelab.lab.ses.Mailbox;
import gluelab.lab.sqs.QueueDepths;
import gluelab.lab.states.ExecutionEvents;
import gluelab.lab.states.ExecutionGraph;
import gluelab.lab.states.ExecutionHistoryTable;
import gluelab.lab.targets.ClientFactory;
import gluelab.lab.targets.LabCloudAdmin;
import gluelab.lab.targets.LabCloudLauncher;
import gluelab.lab.targets.LocalStackLauncher;
import gluelab.lab.targets.SdkReset;
import gluelab.lab.targets.Target;
import gluelab.lab.targets.TargetConfig;
import gluelab.lab.wait.StateWaiter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.CreateJobRequest;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.LastCrawlInfo;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;
import software.amazon.awssdk.services.glue.model.WorkerType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * One notebook's connection to its cloud, and the plumbing around the AWS calls the notebook makes itself.
 * <pre>
 * Lab lab = Lab.connect("01");                  // picks the target from LAB_TARGET, prints where it runs
 * lab.reset();                                  // removes what an earlier run of this lab left (safe to rerun)
 * S3Client s3 = lab.s3();
 * GlueClient glue = lab.glue();
 * String raw = lab.name("raw");                 // "lab01-raw" ("jdoe-lab01-raw" on AWS)
 * s3.createBucket(r -> r.bucket(raw));          // the pattern's own calls stay in the notebook
 * JobJar jar = lab.jobJar("01-csv-to-parquet"); // compiles labs/01-csv-to-parquet into a job jar
 * String jarUri = lab.upload(jar, raw, "jobs/convert.jar");
 * ...
 * JobRun run = lab.waitForJobRun(job, runId);   // STARTING → RUNNING → SUCCEEDED in 4.2 s
 * lab.readTable("s3://" + refined + "/customers/")
 * </pre>
 * The target ({@code embedded}, {@code localstack} or {@code aws}) is chosen by the environment; see
 * {@link TargetConfig}. The notebook's code is the same on all of them.
 */
public final class Lab implements AutoCloseable {

    private static final int DEFAULT_LOG_LINES = 40;

    private final TargetConfig config;
    private final LabNames names;
    private final Optional<Path> home;
    private final Optional<Path> dataDirectory;
    private final ClientFactory clients;
    private final LabCloudAdmin admin;
    private final String where;
    private final String account;
    private final Optional<ExistingPostgres> existingPostgres;
    private final Map<Class<?>, Object> openClients = new LinkedHashMap<>();
    private long timelineStart;
    private String glueRoleArn;

    private Lab(TargetConfig config, LabNames names, Optional<Path> home, Optional<Path> dataDirectory,
                LabCloudAdmin admin, String where, Optional<ExistingPostgres> existingPostgres) {
        this.config = config;
        this.names = names;
        this.home = home;
        this.dataDirectory = dataDirectory;
        this.admin = admin;
        this.where = where;
        this.existingPostgres = existingPostgres;
        this.clients = new ClientFactory(config);
        this.account = callerAccount();
        this.timelineStart = admin != null ? admin.timelineEnd() : 0;
    }

    /**
     * Connects lab {@code lab} ({@code "01"}, or its folder name {@code "01-csv-to-parquet"}) to the target the
     * environment chooses, starting Lab Cloud (or LocalStack) if needed, and prints one line saying where it runs.
     */
    public static Lab connect(String lab) {
        return connect(lab, LabSettings.current());
    }

    /** As {@link #connect(String)}, with the environment given (tests, the command line). */
    public static Lab connect(String lab, Map<String, String> environment) {
        TargetConfig config = TargetConfig.fromEnvironment(environment);
        LabNames names = LabNames.of(lab, config.namePrefix());
        Optional<Path> home = LabHome.locate(System.getProperty(LabHome.HOME_PROPERTY),
                environment.get(LabHome.HOME_VARIABLE), Path.of("").toAbsolutePath());
        LabCloudAdmin admin = null;
        String where;
        switch (config.target()) {
            case EMBEDDED -> {
                admin = new LabCloudAdmin(config.endpoint());
                LabCloudAdmin.Probe probe = admin.probe();
                if (probe == LabCloudAdmin.Probe.NOTHING) {
                    if (!config.startLabCloud()) {
                        throw new LabSetupException("Nothing answers at " + config.endpoint() + ", and Lab Cloud is only "
                                + "started automatically on this machine. Check LAB_ENDPOINT.");
                    }
                    // Lab Cloud runs from the built code, which may live elsewhere than the notebooks (a learner edition).
                    LabCloudLauncher.forHome(LabHome.installation()).ensureRunning(config.endpoint(), System.out);
                    probe = LabCloudAdmin.Probe.LAB_CLOUD;
                }
                if (probe == LabCloudAdmin.Probe.OTHER && config.endpoint().equals(TargetConfig.DEFAULT_LAB_CLOUD_ENDPOINT)) {
                    throw new LabSetupException("Something that is not Lab Cloud answers at " + config.endpoint()
                            + " (LocalStack?). Use it with LAB_TARGET=localstack, or stop it, or run Lab Cloud on another "
                            + "port with LAB_ENDPOINT=http://127.0.0.1:4567.");
                }
                if (probe == LabCloudAdmin.Probe.LAB_CLOUD && admin.inAwsMode()) {
                    throw new LabSetupException("The Lab Cloud at " + config.endpoint() + " runs in AWS mode: it answers "
                            + "AWS's APIs only, with no lab clock, reset or timeline. Run this notebook there as on AWS, "
                            + "with LAB_TARGET=aws (and LAB_PREFIX, LAB_GLUE_ROLE_ARN, credentials and a region).");
                }
                if (probe == LabCloudAdmin.Probe.OTHER) {
                    admin = null;
                    where = "an AWS-compatible endpoint at " + config.endpoint() + " (not Lab Cloud: no lab clock)";
                } else {
                    where = "Lab Cloud (" + config.endpoint() + ")";
                }
            }
            case LOCALSTACK -> {
                if (config.needsLocalStackContainer()) {
                    config = config.withEndpoint(LocalStackLauncher.ensureRunning(config, System.out));
                }
                LabCloudAdmin candidate = new LabCloudAdmin(config.endpoint());
                // A Lab Cloud in AWS mode stands in for LocalStack as AWS would: with no lab clock, reset or timeline.
                admin = candidate.probe() == LabCloudAdmin.Probe.LAB_CLOUD && !candidate.inAwsMode() ? candidate : null;
                where = (admin != null ? "Lab Cloud standing in for LocalStack (" : "LocalStack (") + config.endpoint() + ")";
            }
            case AWS -> where = config.endpoint() == null ? "AWS" : "AWS through " + config.endpoint();
            default -> throw new IllegalStateException(config.target().toString());
        }
        Optional<Path> dataDirectory = Optional.ofNullable(environment.get(LabSettings.DATA_DIR_VARIABLE))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir).toAbsolutePath().normalize());
        Check.forgetUnmovedClock();
        Lab connected = new Lab(config, names, home, dataDirectory, admin, where,
                ExistingPostgres.fromSettings(environment, names.prefix()));
        System.out.println(connected.describe());
        return connected;
    }

    private String describe() {
        String line = "Lab " + names.labId() + " runs on " + where + ", account " + account + ", " + region()
                + "; its resources are named " + names.prefix() + "…";
        if (config.target() == Target.AWS) {
            line += " They cost money: run the clean-up cell when you are done.";
        }
        return line;
    }

    private String callerAccount() {
        try {
            return sts().getCallerIdentity().account();
        } catch (SdkException e) {
            throw new LabSetupException("Cannot sign in to " + where + ": " + e.getMessage()
                    + (config.target() == Target.AWS ? " Check your AWS credentials (aws sts get-caller-identity)." : ""), e);
        }
    }

    // ---- where it runs and what things are called ----

    /** The lab's two-digit number, e.g. {@code "01"}. */
    public String id() {
        return names.labId();
    }

    public Target target() {
        return config.target();
    }

    public TargetConfig config() {
        return config;
    }

    /** Where requests go; null on AWS itself. */
    public URI endpoint() {
        return config.endpoint();
    }

    public String region() {
        return clients.region().id();
    }

    /** The AWS account the lab works in ({@code 000000000000} on Lab Cloud and LocalStack). */
    public String account() {
        return account;
    }

    /** Whether the target has a lab clock that {@link #advanceClock} moves (Lab Cloud). */
    public boolean hasLabClock() {
        return admin != null;
    }

    /** What every resource name of this lab starts with, e.g. {@code "lab01-"}. */
    public String prefix() {
        return names.prefix();
    }

    /** The name of one of this lab's resources: {@code name("raw")} is {@code "lab01-raw"}; valid as a bucket name. */
    public String name(String resource) {
        return names.name(resource);
    }

    /**
     * The IAM role Glue jobs and crawlers run as, for {@code CreateJob}'s and {@code CreateCrawler}'s {@code Role}:
     * on AWS, the role in {@code LAB_GLUE_ROLE_ARN}; elsewhere this lab's own role, set up (once per session) as
     * {@link #glueJobRole} sets it up, over every bucket of the lab.
     */
    public String glueRole() {
        if (config.target() == Target.AWS) {
            if (config.glueRoleArn() == null) {
                throw new LabSetupException("Creating a Glue job on AWS needs a role for it to run as: set "
                        + TargetConfig.GLUE_ROLE_VARIABLE + " to the ARN of a role that trusts glue.amazonaws.com, has the "
                        + "AWSGlueServiceRole policy and can read and write the " + names.prefix() + "* buckets.");
            }
            return config.glueRoleArn();
        }
        if (glueRoleArn == null) {
            String buckets = names.prefix() + "*";
            glueRoleArn = glueJobRole(List.of(buckets), List.of(buckets));
        }
        return glueRoleArn;
    }

    /**
     * Creates (or brings up to date) this lab's role for Glue, the way it is done on AWS, and shows it: trusted by
     * {@code glue.amazonaws.com}, with the AWS-managed {@code AWSGlueServiceRole} (the Data Catalog, Glue's logs)
     * and an inline policy that lets it read {@code readBuckets} and read and write {@code writeBuckets} (bucket
     * names, wildcards allowed). Returns the role's ARN for {@code CreateJob}.
     */
    public String glueJobRole(List<String> readBuckets, List<String> writeBuckets) {
        List<PolicyJson.Statement> statements = new ArrayList<>();
        List<String> readable = new ArrayList<>();
        readBuckets.forEach(bucket -> readable.addAll(PolicyJson.bucketAndObjects(bucket)));
        writeBuckets.forEach(bucket -> readable.addAll(PolicyJson.bucketAndObjects(bucket)));
        statements.add(PolicyJson.allow("s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation")
                .on(readable.stream().distinct().toArray(String[]::new)));
        if (!writeBuckets.isEmpty()) {
            statements.add(PolicyJson.allow("s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload")
                    .on(writeBuckets.stream().map(bucket -> "arn:aws:s3:::" + bucket + "/*").toArray(String[]::new)));
        }
        RoleView role = RoleSetup.role(names.name("glue-job"), PolicyJson.trust("glue.amazonaws.com"))
                .attach("arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole")
                .inline(names.name("data-access"), PolicyJson.of(statements.toArray(PolicyJson.Statement[]::new)))
                .apply(iam());
        gluelab.lab.display.Display.display(role);
        glueRoleArn = role.roleArn();
        return glueRoleArn;
    }

    /**
     * Creates (or brings up to date) this lab's execution role for Lambda functions, as it is done on AWS, and shows
     * it: trusted by {@code lambda.amazonaws.com}, with the AWS-managed {@code AWSLambdaBasicExecutionRole} (its
     * log group) and an inline policy of {@code permissions}, e.g.
     * {@code PolicyJson.allow("glue:StartJobRun").on(jobArn)}. Returns the role's ARN for {@code CreateFunction}.
     * On AWS a new role takes some seconds before Lambda may assume it; {@code CreateFunction} says so
     * ("The role defined for the function cannot be assumed by Lambda"), and a retry a little later succeeds.
     */
    public String lambdaRole(String roleSuffix, PolicyJson.Statement... permissions) {
        RoleSetup setup = RoleSetup.role(names.name(roleSuffix), PolicyJson.trust("lambda.amazonaws.com"))
                .attach("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
        if (permissions.length > 0) {
            setup = setup.inline(names.name(roleSuffix + "-permissions"), PolicyJson.of(permissions));
        }
        RoleView role = setup.apply(iam());
        gluelab.lab.display.Display.display(role);
        return role.roleArn();
    }

    /** The ARN of one of this account's Glue jobs, for a policy's {@code Resource}. */
    public String jobArn(String jobName) {
        return "arn:aws:glue:" + region() + ":" + account() + ":job/" + jobName;
    }

    // ---- clients ----

    public S3Client s3() {
        return cached(S3Client.class, () -> client(S3Client.builder()));
    }

    public GlueClient glue() {
        return cached(GlueClient.class, () -> client(GlueClient.builder()));
    }

    public CloudWatchLogsClient logs() {
        return cached(CloudWatchLogsClient.class, () -> client(CloudWatchLogsClient.builder()));
    }

    public IamClient iam() {
        return cached(IamClient.class, () -> client(IamClient.builder()));
    }

    public StsClient sts() {
        return cached(StsClient.class, () -> client(StsClient.builder()));
    }

    public LambdaClient lambda() {
        return cached(LambdaClient.class, () -> client(LambdaClient.builder()));
    }

    public EventBridgeClient eventBridge() {
        return cached(EventBridgeClient.class, () -> client(EventBridgeClient.builder()));
    }

    public SchedulerClient scheduler() {
        return cached(SchedulerClient.class, () -> client(SchedulerClient.builder()));
    }

    public CloudTrailClient cloudTrail() {
        return cached(CloudTrailClient.class, () -> client(CloudTrailClient.builder()));
    }

    public SqsClient sqs() {
        return cached(SqsClient.class, () -> client(SqsClient.builder()));
    }

    public DynamoDbClient dynamoDb() {
        return cached(DynamoDbClient.class, () -> client(DynamoDbClient.builder()));
    }

    public SecretsManagerClient secretsManager() {
        return cached(SecretsManagerClient.class, () -> client(SecretsManagerClient.builder()));
    }

    /**
     * The PostgreSQL server of your own that {@code LAB_POSTGRES_URL} names, if it is set: the database notebooks
     * make their database there instead of creating an RDS instance (see {@link ExistingPostgres}).
     */
    public Optional<ExistingPostgres> existingPostgres() {
        return existingPostgres;
    }

    public SfnClient stepFunctions() {
        return cached(SfnClient.class, () -> client(SfnClient.builder()));
    }

    /**
     * A new client of any service whose SDK module is on the class path, aimed at this lab's target, e.g.
     * {@code SqsClient sqs = lab.client(SqsClient.builder());}. It shares the lab's HTTP connections, so it
     * works until the lab is closed.
     */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
        return clients.build(builder);
    }

    /**
     * As {@link #client(AwsClientBuilder)}, signing as other credentials: another account's keys, or a role's
     * session from {@code AssumeRole}. On Lab Cloud the second account signs with {@code test-b}/{@code test-b}; on
     * AWS, for example, {@code ProfileCredentialsProvider.create("finance")}.
     */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder,
                                                                                      AwsCredentialsProvider credentials) {
        return clients.build(builder, credentials);
    }

    private synchronized <C> C cached(Class<C> type, java.util.function.Supplier<C> create) {
        return type.cast(openClients.computeIfAbsent(type, t -> create.get()));
    }

    // ---- set-up and clean-up ----

    /**
     * Removes every resource of this lab (names starting with {@link #prefix()}), so the notebook starts from
     * nothing; safe to run again and again. On Lab Cloud one admin call does it; elsewhere buckets (with all
     * their objects), Glue triggers, jobs, crawlers, workflows and databases are listed and deleted. On a PostgreSQL
     * server of your own ({@link #existingPostgres()}), the databases and roles this lab made there go too.
     */
    public ResetReport reset() {
        ResetReport report = removeResources();
        System.out.println("Reset lab " + names.labId() + ": " + report);
        return report;
    }

    /** Removes this lab's resources at the end of the notebook (as {@link #reset()}). */
    public ResetReport cleanUp() {
        ResetReport report = removeResources();
        System.out.println("Cleaned up lab " + names.labId() + ": " + report);
        return report;
    }

    private ResetReport removeResources() {
        glueRoleArn = null;
        Map<String, Integer> removed = new LinkedHashMap<>();
        if (admin != null) {
            for (String prefix : names.resetPrefixes()) {
                admin.reset(prefix).forEach((service, count) -> removed.merge(service, count, Integer::sum));
            }
            timelineStart = admin.timelineEnd();
        } else {
            removed.putAll(new SdkReset(s3(), glue(), System.out).reset(names.prefix()));
        }
        existingPostgres.ifPresent(server -> removed.putAll(server.removeWhatThisLabMade()));
        return new ResetReport(names.prefix(), removed);
    }

    // ---- files ----

    /** The Glue Pipelines Lab checkout this notebook belongs to. */
    public Path home() {
        return home.orElseThrow(() -> new LabSetupException("Cannot find the Glue Pipelines Lab checkout: set "
                + LabHome.HOME_VARIABLE + " to it."));
    }

    /**
     * A sample data file: {@code dataFile("customers.csv")} is {@code <checkout>/data/customers.csv}, or the
     * file of that name in {@code LAB_DATA_DIR} when it is set (to run a notebook on other data).
     */
    public Path dataFile(String name) {
        Path data = dataDirectory.orElseGet(() -> home().resolve("data"));
        Path file = data.resolve(name).normalize();
        if (!file.startsWith(data) || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("There is no data file " + name + " in " + data + "; there are "
                    + listNames(data));
        }
        return file;
    }

    /**
     * The job jar of {@code labs/<labDir>} (e.g. {@code "01-csv-to-parquet"}): its Java sources compiled against
     * Spark and the Glue runtime, with the runtime inside. Compiled again only when a source changed.
     */
    public JobJar jobJar(String labDir) {
        return JobPackager.forHome(home(), System.out).build(labDir);
    }

    /** The job jar of this lab's own folder, {@code labs/NN-…}. */
    public JobJar jobJar() {
        return jobJar(ownLabDir());
    }

    private String ownLabDir() {
        Path labs = home().resolve("labs");
        List<String> own = listNames(labs).stream().filter(n -> n.startsWith(names.labId() + "-")).toList();
        if (own.size() != 1) {
            throw new IllegalArgumentException((own.isEmpty() ? "There is no folder" : "There are several folders")
                    + " for lab " + names.labId() + " in " + labs + (own.isEmpty() ? "" : ": " + own)
                    + "; name it: lab.jobJar(\"" + names.labId() + "-…\")");
        }
        return own.get(0);
    }

    /**
     * The job jar of this lab's own folder, compiled also against {@code libraries}: jars of libraries AWS Glue does
     * not have (from {@link #mavenJars}). They are not put inside: give them to the job with {@code --extra-jars}.
     */
    public JobJar jobJar(List<Path> libraries) {
        return jobJar(ownLabDir(), libraries);
    }

    /** The job jar of {@code labs/<labDir>}, compiled also against {@code libraries} (see {@link #jobJar(List)}). */
    public JobJar jobJar(String labDir, List<Path> libraries) {
        return JobPackager.forHome(home(), System.out).build(labDir, libraries);
    }

    /**
     * The Lambda deployment package of {@code labs/<labDir>} (e.g. {@code "41-s3-to-lambda/handler"}): its handler
     * classes at the root and the libraries they use (the SDK clients they import) in {@code lib/}, ready for
     * {@code SdkBytes code = SdkBytes.fromByteArray(Files.readAllBytes(zip.zip()));} then
     * {@code lambda.createFunction(r -> r.code(c -> c.zipFile(code)))} (read the bytes first: a lambda cannot throw
     * {@code readAllBytes}'s IOException). Unchanged sources give the package built before.
     */
    public LambdaPackager.LambdaZip lambdaZip(String labDir) {
        return LambdaPackager.forHome(home(), System.out).build(labDir);
    }

    /**
     * The jar of a library in the local Maven repository, by its coordinates: {@code mavenJar("org.apache.poi:poi:5.4.1")}.
     * The lab's build leaves there the libraries it declares, so this works offline; the message says what to do
     * when the jar is not there.
     */
    public Path mavenJar(String coordinates) {
        return LocalMavenRepository.standard().jar(coordinates);
    }

    /** The jars of several libraries (see {@link #mavenJar}), in the order given. */
    public List<Path> mavenJars(String... coordinates) {
        LocalMavenRepository repository = LocalMavenRepository.standard();
        return Stream.of(coordinates).map(repository::jar).toList();
    }

    /** Uploads {@code file} to {@code s3://bucket/key} and returns that address. */
    public String upload(Path file, String bucket, String key) {
        s3().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromFile(file));
        String uri = "s3://" + bucket + "/" + key;
        System.out.println("Uploaded " + file.getFileName() + " (" + size(file) + ") to " + uri);
        return uri;
    }

    /** Uploads a job jar to {@code s3://bucket/key} and returns that address, for {@code --extra-jars}. */
    public String upload(JobJar jar, String bucket, String key) {
        return upload(jar.path(), bucket, key);
    }

    /**
     * Uploads the stub script that Glue's {@code ScriptLocation} points at for a Java job (see {@link GlueJobCode})
     * to {@code s3://bucket/scripts/gluelab-launcher.scala} and returns that address.
     */
    public String uploadLauncherScript(String bucket) {
        s3().putObject(r -> r.bucket(bucket).key(GlueJobCode.LAUNCHER_KEY).contentType("text/plain"),
                RequestBody.fromString(GlueJobCode.LAUNCHER_SCRIPT));
        return "s3://" + bucket + "/" + GlueJobCode.LAUNCHER_KEY;
    }

    /**
     * A {@code CreateJob} request for a Java job of this lab, with what every one of them has: the lab's
     * {@link #glueRole() role}, {@code GlueVersion} 5.0, a {@code glueetl} command whose {@code ScriptLocation} is the
     * launcher stub (uploaded to {@code scriptBucket}), and the smallest cluster Glue 5.0 runs Spark on:
     * {@code WorkerType} G.1X and {@code NumberOfWorkers} 2 (2 DPU; a job created without them gets AWS's default of
     * 10 DPU). Add the job's {@code defaultArguments}, then {@code build()}:
     * <pre>
     * glue.createJob(lab.javaJob(job, raw).defaultArguments(arguments).build());
     * </pre>
     */
    public CreateJobRequest.Builder javaJob(String jobName, String scriptBucket) {
        return CreateJobRequest.builder().name(jobName).role(glueRole()).glueVersion("5.0")
                .command(c -> c.name("glueetl").scriptLocation(uploadLauncherScript(scriptBucket)))
                .workerType(WorkerType.G_1_X).numberOfWorkers(2);
    }

    /** A job's definition as {@code GetJob} returns it, shown as a table: version, workers, role, class and arguments. */
    public JobView describeJob(String jobName) {
        return JobView.of(glue().getJob(r -> r.jobName(jobName)).job());
    }

    /**
     * The {@code DefaultArguments} of a Java Glue job: {@code --job-language scala}, {@code --class className} and
     * {@code --extra-jars jarUri}, the same on every target. Add the job's own arguments to the map.
     */
    public Map<String, String> jobArguments(String jarUri, String className) {
        return GlueJobCode.arguments(jarUri, className);
    }

    // ---- waiting and looking ----

    /**
     * Polls {@code GetJobRun} until the run ends, printing each state once
     * ({@code STARTING → RUNNING → SUCCEEDED in 1.4 s}), and returns the final run. Gives up after 5 minutes on
     * Lab Cloud, 30 elsewhere.
     */
    public JobRun waitForJobRun(String jobName, String runId) {
        return waitForJobRun(jobName, runId, admin != null ? Duration.ofMinutes(5) : Duration.ofMinutes(30));
    }

    public JobRun waitForJobRun(String jobName, String runId, Duration timeout) {
        return JobRuns.waitFor(glue(), stateWaiter(), jobName, runId, timeout);
    }

    /**
     * Polls {@code GetCrawler} after {@code StartCrawler} until the crawler is READY again, printing each state once
     * ({@code RUNNING → STOPPING → READY — crawl SUCCEEDED after 2.1 s}), and returns its {@code LastCrawl}. Throws
     * {@link CrawlFailedException} when the crawl FAILED. Gives up after 5 minutes on Lab Cloud, 30 elsewhere.
     */
    public LastCrawlInfo waitForCrawler(String crawlerName) {
        return waitForCrawler(crawlerName, admin != null ? Duration.ofMinutes(5) : Duration.ofMinutes(30));
    }

    public LastCrawlInfo waitForCrawler(String crawlerName, Duration timeout) {
        return Crawlers.waitFor(glue(), stateWaiter(), crawlerName, timeout);
    }

    /**
     * Waits until a job has at least {@code count} runs and none of them is still going, printing the progress
     * ({@code 0 runs → 1 run (RUNNING) → 1 run, all ended in 2.3 s}), and returns every run, oldest first. For runs
     * that something else starts (a Lambda, a schedule, a rule), where the notebook holds no run id. Once
     * {@link #advanceClock} could not move the clock, it waits only briefly while no run is going: the runs it lacks are
     * due on a clock that did not move. It waits for real time to bring them if that fits in its timeout, else only a
     * few seconds, and then says so and returns the runs there are.
     */
    public List<JobRun> waitForJobRuns(String jobName, int count) {
        return waitForJobRuns(jobName, count, admin != null ? Duration.ofMinutes(5) : Duration.ofMinutes(30));
    }

    public List<JobRun> waitForJobRuns(String jobName, int count, Duration timeout) {
        return JobRuns.waitForCount(glue(), stateWaiter(), jobName, count, timeout);
    }

    /**
     * Waits until a function's log group shows at least {@code count} finished invocations (their REPORT lines),
     * and returns them as {@link #lambdaInvocations} does. Asynchronous invocations (rules, S3, schedules) end
     * after the call that caused them returned. Once {@link #advanceClock} could not move the clock, it waits only
     * briefly while no invocation is going: the invocations it lacks (a schedule's, a retry's, a rotation's) are due
     * on a clock that did not move. It waits for real time to bring them if that fits in its timeout (retries a minute
     * apart), else only a few seconds (a nightly schedule), and then says so and returns the invocations there are.
     */
    public DataTable waitForInvocations(String functionName, int count) {
        return waitForInvocations(functionName, count, admin != null ? Duration.ofMinutes(2) : Duration.ofMinutes(10));
    }

    public DataTable waitForInvocations(String functionName, int count, Duration timeout) {
        // An invocation has ended when its REPORT line is there: that line fills in its duration.
        java.util.function.ToLongFunction<DataTable> ended = table -> table.values("duration_ms").stream()
                .filter(java.util.Objects::nonNull).count();
        return stateWaiter().await("Invocations of " + functionName, () -> lambdaInvocations(functionName),
                table -> ended.applyAsLong(table) + (ended.applyAsLong(table) == 1 ? " invocation" : " invocations"),
                table -> ended.applyAsLong(table) >= count, (table, waited) -> "in " + Durations.describe(waited),
                timeout,
                "Look at the function's log group /aws/lambda/" + functionName + " and at what should invoke it "
                        + "(a rule's target, a permission, a schedule)",
                table -> table.values("duration_ms").stream().noneMatch(java.util.Objects::isNull));
    }

    /**
     * Queues as a table: for each, the messages waiting, in flight and delayed, and its dead-letter queue; e.g.
     * {@code lab.queueDepths("uploads", "uploads-dlq")} after a poison message.
     */
    public DataTable queueDepths(String... queueNames) {
        return QueueDepths.of(sqs(), List.of(queueNames));
    }

    /**
     * A DynamoDB table's items as a table (a consistent Scan), key attributes first; e.g.
     * {@code lab.tableItems("file-runs")} to see each file's status.
     */
    public DataTable tableItems(String tableName) {
        return TableItems.of(dynamoDb(), tableName);
    }

    /**
     * The log streams, across every log group, that hold {@code text} (never shown): one row per stream with its
     * number of matching events. A notebook that handles a password checks with it that no log leaked it, e.g.
     * {@code lab.logStreamsContaining(password).rowCount() == 0}.
     */
    public DataTable logStreamsContaining(String text) {
        return LogStreamsContaining.of(logs(), text);
    }

    /** Every run of a job, oldest first. */
    public List<JobRun> jobRuns(String jobName) {
        return JobRuns.all(glue(), jobName);
    }

    /** The last lines of a run's driver output ({@code /aws-glue/jobs/output}, stream = run id). */
    public LogTail outputLog(String runId) {
        return outputLog(runId, DEFAULT_LOG_LINES);
    }

    public LogTail outputLog(String runId, int lines) {
        return GlueLogs.tail(logs(), GlueLogs.OUTPUT_GROUP, runId, lines);
    }

    /** The last lines of a run's error output ({@code /aws-glue/jobs/error}, stream = run id). */
    public LogTail errorLog(String runId) {
        return errorLog(runId, DEFAULT_LOG_LINES);
    }

    public LogTail errorLog(String runId, int lines) {
        return GlueLogs.tail(logs(), GlueLogs.ERROR_GROUP, runId, lines);
    }

    /** The last lines of a crawler's log ({@code /aws-glue/crawlers}, stream = crawler name): what each crawl found and did. */
    public LogTail crawlerLog(String crawlerName) {
        return crawlerLog(crawlerName, DEFAULT_LOG_LINES);
    }

    public LogTail crawlerLog(String crawlerName, int lines) {
        return GlueLogs.tail(logs(), GlueLogs.CRAWLER_GROUP, crawlerName, lines);
    }

    /**
     * A function's invocations, from its log group {@code /aws/lambda/<name>}: one row per START…REPORT with the
     * duration, billed duration, memory, init duration and the handler's own lines.
     */
    public DataTable lambdaInvocations(String functionName) {
        return LambdaInvocations.of(logs(), functionName);
    }

    /**
     * An execution drawn as the Step Functions console draws it: the state graph with each state coloured by what
     * became of it in this execution (succeeded, caught error, failed, cancelled, in progress, not run), from
     * {@code DescribeExecution}, {@code DescribeStateMachineForExecution} and {@code GetExecutionHistory}.
     */
    public ExecutionGraph executionGraph(String executionArn) {
        return ExecutionGraph.of(stepFunctions(), executionArn);
    }

    /**
     * An execution's history as a table, one row per event: id, previous id, type, state, seconds after the start
     * and what the event carried (input, output, resource, error and cause).
     */
    public DataTable executionHistory(String executionArn) {
        return ExecutionHistoryTable.of(ExecutionEvents.read(stepFunctions(), executionArn));
    }

    /**
     * A Glue workflow run drawn from {@code GetWorkflowRun} with its graph: triggers, jobs and crawlers along the
     * edges, each job and crawler coloured by its run's state, and the run's statistics.
     */
    public WorkflowRunGraph workflowRunGraph(String workflowName, String runId) {
        return WorkflowRunGraph.of(glue(), workflowName, runId);
    }

    /**
     * The lab mailbox: the email SES sent from this lab's account, which Lab Cloud keeps instead of delivering it.
     * Read it ({@code messagesTo}, {@code waitForMessageTo}, {@code table}), show a message as a mail client does
     * ({@code card}), and follow the link of a verification email ({@code followVerificationLink}). LocalStack and
     * AWS have none: there its calls say where the mail went.
     */
    public Mailbox mailbox() {
        if (admin != null) {
            return Mailbox.onLabCloud(admin, account);
        }
        return Mailbox.absent(switch (config.target()) {
            case LOCALSTACK -> "LocalStack has no lab mailbox: it keeps the email SES sends at "
                    + config.endpoint().resolve("/_aws/ses") + " (GET it; ?email=<sender> filters), and it verifies "
                    + "identities at once, with no verification email to follow.";
            case AWS -> "AWS has no lab mailbox: SES delivers the email to the recipients' real inboxes; open it there."
                    + " In the sandbox every recipient must be an address you verified, by clicking the link in the"
                    + " verification email AWS sent to it.";
            default -> where + " has no lab mailbox: SES's email is only kept by Lab Cloud.";
        });
    }

    /** What a run read and wrote, from the {@code glue_lab_metric} lines in its driver output. */
    public RunMetrics runMetrics(String runId) {
        return GlueLogs.metrics(logs(), runId);
    }

    /**
     * A job's output read straight from S3 into a table, without Spark: every data file under
     * {@code s3://bucket/prefix/} (or one object), Parquet, CSV or JSON lines told apart by file name, with
     * {@code name=value} partition folders as columns.
     */
    public DataTable readTable(String s3Uri) {
        return new S3TableReader(s3()).read(s3Uri, null);
    }

    public DataTable readParquet(String s3Uri) {
        return new S3TableReader(s3()).read(s3Uri, DataFormat.PARQUET);
    }

    /** CSV with a header line, as Spark writes it. */
    public DataTable readCsv(String s3Uri) {
        return new S3TableReader(s3()).read(s3Uri, DataFormat.CSV);
    }

    public DataTable readJsonLines(String s3Uri) {
        return new S3TableReader(s3()).read(s3Uri, DataFormat.JSON_LINES);
    }

    // ---- tables whose versions are folders ----

    /**
     * Creates the Parquet table {@code database.table} at {@code location}, typically an empty first folder: a
     * table whose versions are folders (notebook 06) gets its columns from its first version, in {@link #switchTable}.
     */
    public void createParquetTable(String database, String table, String location) {
        glue().createTable(r -> r.databaseName(database).tableInput(t -> t.name(table).tableType("EXTERNAL_TABLE")
                .parameters(Map.of("classification", "parquet"))
                .storageDescriptor(sd -> sd.location(location)
                        .inputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat")
                        .outputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat")
                        .serdeInfo(serde -> serde.serializationLibrary("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe")))));
    }

    /** The folder the catalog table {@code database.table} reads: its {@code Location}. */
    public String tableLocation(String database, String table) {
        return glue().getTable(r -> r.databaseName(database).name(table)).table().storageDescriptor().location();
    }

    /**
     * Points {@code database.table} at another version of its data, {@code location}: {@code UpdateTable} with the
     * table as it is, but that {@code Location}, and the columns of the Parquet files there. Readers of the table by
     * name see the old version or the new one, never half of one.
     */
    public void switchTable(String database, String table, String location) {
        Table current = glue().getTable(r -> r.databaseName(database).name(table)).table();
        List<software.amazon.awssdk.services.glue.model.Column> columns = readParquet(location).columns().stream()
                .map(c -> software.amazon.awssdk.services.glue.model.Column.builder().name(c.name()).type(c.typeName()).build())
                .toList();
        glue().updateTable(r -> r.databaseName(database).tableInput(TableInput.builder()
                .name(table).tableType(current.tableType()).parameters(current.parameters()).partitionKeys(current.partitionKeys())
                .storageDescriptor(current.storageDescriptor().toBuilder().location(location).columns(columns).build()).build()));
        System.out.println(database + "." + table + " now reads " + location);
    }

    // ---- the lab clock and the timeline ----

    /** The time on the lab clock (Lab Cloud), or the real time elsewhere. */
    public Instant now() {
        return admin != null ? admin.now() : Instant.now();
    }

    /**
     * Moves the lab clock forward, firing every schedule, trigger and retry that falls due, in time order, and
     * letting the work they start settle. On AWS and LocalStack time cannot be moved: it says how long to wait
     * instead and returns an empty result.
     */
    public ClockAdvance advanceClock(Duration duration) {
        if (admin == null) {
            Instant now = Instant.now();
            Instant reached = Check.unmovedClockWouldShow(now).plus(duration);
            String until = reached.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " (UTC)";
            System.out.println("The clock of " + where + " cannot be moved: what happens in the next "
                    + Durations.describe(duration) + " needs that much real time. Wait until " + until
                    + ", then run the next cell.");
            Check.clockNotMoved(where, Durations.describe(duration) + " (until " + until + ")", reached);
            return ClockAdvance.notAdvanced(now);
        }
        ClockAdvance advance = admin.advance(duration);
        System.out.println("Lab clock +" + Durations.describe(duration) + " → " + advance.to() + ": "
                + (advance.fired().isEmpty() ? "nothing fired" : advance.fired().size() + " fired"));
        return advance;
    }

    /** What happened since the lab was connected or reset: Lab Cloud's timeline (empty elsewhere). */
    public List<TimelineEvent> events() {
        return events(timelineStart);
    }

    /** The timeline after sequence number {@code since}. */
    public List<TimelineEvent> events(long since) {
        if (admin == null) {
            return List.of();
        }
        List<TimelineEvent> events = admin.allEvents(since);
        if (events.isEmpty() && since > 0 && since == timelineStart && admin.timelineEnd() < since) {
            // Lab Cloud was restarted and numbers its timeline from the start again.
            timelineStart = 0;
            return admin.allEvents(0);
        }
        return events;
    }

    /**
     * A picture of what happened since the lab was connected or reset, with the runs of {@code jobNames} as bars;
     * with no names, the runs of every job of this lab that appears on the timeline.
     */
    public Timeline timeline(String... jobNames) {
        List<TimelineEvent> events = events();
        Set<String> jobs = new LinkedHashSet<>(List.of(jobNames));
        if (jobNames.length == 0) {
            events.stream().filter(e -> "glue".equals(e.service()) && e.resource() != null
                    && e.resource().startsWith(names.prefix())).forEach(e -> jobs.add(e.resource()));
        }
        List<JobRun> runs = new ArrayList<>();
        for (String job : jobs) {
            try {
                runs.addAll(jobRuns(job));
            } catch (EntityNotFoundException e) {
                // A trigger, crawler or database of this lab rather than a job.
            }
        }
        return Timeline.of(events, runs);
    }

    /**
     * Polling a local endpoint (Lab Cloud, whatever the target, or LocalStack) costs nothing, so it is quick; AWS's
     * own endpoints are polled as its consoles do, every few seconds. After a refused {@link #advanceClock}, a wait
     * that counts on the clock gives up a grace after real time reached what the advance would have, or after the grace
     * alone when that is beyond its timeout: long enough for what is in flight to show (CloudWatch Logs on AWS takes
     * seconds to show a REPORT line), short next to any schedule.
     */
    private StateWaiter stateWaiter() {
        StateWaiter waiter = isLocal() ? StateWaiter.onStdout(Duration.ofMillis(250), Duration.ofSeconds(2))
                : StateWaiter.onStdout(Duration.ofSeconds(5), Duration.ofSeconds(20));
        return waiter.withLabClock(Check::unmovedClock, isLocal() ? Duration.ofSeconds(15) : Duration.ofMinutes(1));
    }

    private boolean isLocal() {
        return admin != null || (config.endpoint() != null && TargetConfig.isLoopback(config.endpoint()));
    }

    private static List<String> listNames(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String size(Path file) {
        try {
            long bytes = Files.size(file);
            return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? String.format(java.util.Locale.ROOT, "%.1f kB", bytes / 1024.0)
                    : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        } catch (IOException e) {
            return "?";
        }
    }

    /** Closes the clients this lab made. Lab Cloud keeps running for the next notebook. */
    @Override
    public synchronized void close() {
        for (Object client : openClients.values()) {
            ((SdkAutoCloseable) client).close();
        }
        openClients.clear();
        clients.close();
    }

    @Override
    public String toString() {
        return describe();
    }
}
