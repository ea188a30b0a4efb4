package gluelab.cli.bench;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import gluelab.lab.JobJar;
import gluelab.lab.Lab;
import gluelab.lab.iam.PolicyJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.CrawlerHistory;
import software.amazon.awssdk.services.glue.model.GetDataQualityRulesetEvaluationRunResponse;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.WorkerType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Notebook 57's chain, S3 → SQS → Lambda → Glue → DynamoDB → EventBridge → crawler → Data Quality → DynamoDB, set up
 * as the notebook sets it up (its job and handlers from {@code labs/57-grand-master}) on a Lab Cloud with a warm
 * Glue worker: the wall time from the start of PutObject until the batch's verdict is in its DynamoDB item, and each
 * stage's share of it, as the services report the stages' starts and ends. One warm-up round, then
 * {@code LAB_BENCH_RUNS} rounds (default 3), each a new upload of the notebook's clean batch under a key of its own.
 */
final class GrandMasterBench implements Benchmark {

    private static final String LAB_DIR = "57-grand-master";
    private static final String FILE = "webshop_orders_2026-07-01.csv";
    private static final String PREFIX = "incoming/";
    private static final List<String> STAGES = List.of(
            "upload → run started (S3 → SQS → Lambda → StartJobRun)",
            "Glue run (curate, PutItem)",
            "run SUCCEEDED → crawl started (EventBridge → Lambda)",
            "crawl",
            "crawl Succeeded → DQ run started (EventBridge → Lambda)",
            "Data Quality evaluation run",
            "DQ result → verdict in DynamoDB (EventBridge → Lambda)");

    @Override
    public String name() {
        return "grandmaster";
    }

    @Override
    public String description() {
        return "notebook 57's chain, upload to the Data Quality verdict in DynamoDB, and each stage's share (median of LAB_BENCH_RUNS, default 3)";
    }

    @Override
    public void run(Path home, BenchReport report) throws Exception {
        int runs = Integer.parseInt(System.getenv().getOrDefault("LAB_BENCH_RUNS", "3"));
        try (LabCloud cloud = BenchClouds.start(null, LabCloudConfig.GlueWorkerMode.EAGER);
             Lab lab = Lab.connect("57", Map.of("LAB_ENDPOINT", cloud.endpoint().toString(), "GLUELAB_HOME", home.toString()))) {
            Chain chain = Chain.setUp(lab);
            List<double[]> rounds = new ArrayList<>();
            for (int round = 0; round <= runs; round++) {
                double[] seconds = chain.round(round);
                System.out.printf(Locale.ROOT, "  %s %d: %.2f s upload → verdict%n", round == 0 ? "warm-up" : "round", round,
                        seconds[STAGES.size()]);
                if (round > 0) {
                    rounds.add(seconds);
                }
            }
            List<Double> totals = rounds.stream().map(r -> r[STAGES.size()]).toList();
            double medianTotal = Measurement.of("total", "s", totals).median();
            report.add(Measurement.of("grand master: upload → DQ verdict recorded in DynamoDB", "s", totals));
            for (int stage = 0; stage < STAGES.size(); stage++) {
                int index = stage;
                Measurement measurement = Measurement.of("  " + STAGES.get(stage), "s", rounds.stream().map(r -> r[index]).toList());
                report.add(measurement.withNote(String.format(Locale.ROOT, "%.0f%% of the chain", 100 * measurement.median() / medianTotal)));
            }
            lab.cleanUp();
        }
    }

    /** The chain's resources, created as notebook 57 creates them. */
    private record Chain(Lab lab, String landing, String batches, String job, String crawler) {

        static Chain setUp(Lab lab) throws Exception {
            lab.reset();
            S3Client s3 = lab.s3();
            SqsClient sqs = lab.sqs();
            LambdaClient lambda = lab.lambda();
            GlueClient glue = lab.glue();
            DynamoDbClient dynamoDb = lab.dynamoDb();
            EventBridgeClient events = lab.eventBridge();
            IamClient iam = lab.iam();
            String landing = lab.name("landing");
            String curated = lab.name("curated");
            String assets = lab.name("assets");
            String batches = lab.name("batches");
            String job = lab.name("curate-batch");
            String database = lab.name("shop").replace('-', '_');
            String crawler = lab.name("orders");
            String ruleset = lab.name("orders-rules");
            String startBatch = lab.name("start-batch");
            String chainStep = lab.name("chain-step");
            for (String bucket : List.of(landing, curated, assets)) {
                s3.createBucket(r -> r.bucket(bucket));
            }

            String queueUrl = sqs.createQueue(r -> r.queueName(lab.name("uploads"))
                    .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "180"))).queueUrl();
            String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            sqs.setQueueAttributes(r -> r.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY, """
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"},
                     "Action": "sqs:SendMessage", "Resource": "%s",
                     "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:s3:::%s"}}}]}""".formatted(queueArn, landing))));
            s3.putBucketNotificationConfiguration(r -> r.bucket(landing).notificationConfiguration(n -> n.queueConfigurations(q -> q
                    .queueArn(queueArn).events(Event.S3_OBJECT_CREATED).filter(f -> f.key(k -> k.filterRules(
                            FilterRule.builder().name(FilterRuleName.PREFIX).value(PREFIX).build(),
                            FilterRule.builder().name(FilterRuleName.SUFFIX).value(".csv").build()))))));

            dynamoDb.createTable(r -> r.tableName(batches)
                    .attributeDefinitions(a -> a.attributeName("file").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("file").keyType(KeyType.HASH)).billingMode(BillingMode.PAY_PER_REQUEST));
            String batchesArn = dynamoDb.describeTable(r -> r.tableName(batches)).table().tableArn();

            String glueRoleName = lab.name("glue-batch");
            String glueRole = iam.createRole(r -> r.roleName(glueRoleName)
                    .assumeRolePolicyDocument(PolicyJson.trust("glue.amazonaws.com"))).role().arn();
            iam.attachRolePolicy(r -> r.roleName(glueRoleName).policyArn("arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole"));
            List<String> readable = new ArrayList<>();
            List.of(landing, assets, curated).forEach(bucket -> readable.addAll(PolicyJson.bucketAndObjects(bucket)));
            iam.putRolePolicy(r -> r.roleName(glueRoleName).policyName("batch-data").policyDocument(PolicyJson.of(
                    PolicyJson.allow("s3:GetObject", "s3:ListBucket").on(readable.toArray(String[]::new)),
                    PolicyJson.allow("s3:PutObject", "s3:DeleteObject").on("arn:aws:s3:::" + curated + "/*"),
                    PolicyJson.allow("dynamodb:PutItem").on(batchesArn))));

            JobJar jar = lab.jobJar(LAB_DIR + "/job");
            String jarUri = lab.upload(jar, assets, "jobs/" + jar.fileName());
            Map<String, String> arguments = new LinkedHashMap<>(lab.jobArguments(jarUri, jar.mainClass()));
            arguments.put("--output_path", "s3://" + curated + "/orders/");
            arguments.put("--batch_table", batches);
            glue.createJob(r -> r.name(job).role(glueRole).glueVersion("5.0")
                    .command(c -> c.name("glueetl").scriptLocation(lab.uploadLauncherScript(assets)))
                    .workerType(WorkerType.G_1_X).numberOfWorkers(2).defaultArguments(arguments)
                    .executionProperty(p -> p.maxConcurrentRuns(3)));
            glue.createDatabase(r -> r.databaseInput(d -> d.name(database)));
            glue.createCrawler(r -> r.name(crawler).role(glueRole).databaseName(database)
                    .targets(t -> t.s3Targets(s -> s.path("s3://" + curated + "/orders/"))));
            glue.createDataQualityRuleset(r -> r.name(ruleset).ruleset(DataQualityBench.RULESET)
                    .targetTable(t -> t.databaseName(database).tableName("orders")));

            String region = lab.region();
            String account = lab.account();
            String startBatchRole = lab.lambdaRole("start-batch-role",
                    PolicyJson.allow("glue:StartJobRun").on(lab.jobArn(job)),
                    PolicyJson.allow("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes").on(queueArn));
            String chainStepRole = lab.lambdaRole("chain-step-role",
                    PolicyJson.allow("glue:StartCrawler").on("arn:aws:glue:" + region + ":" + account + ":crawler/" + crawler),
                    PolicyJson.allow("glue:StartDataQualityRulesetEvaluationRun")
                            .on("arn:aws:glue:" + region + ":" + account + ":dataQualityRuleset/" + ruleset),
                    PolicyJson.allow("glue:GetDataQualityResult").on("*"),
                    PolicyJson.allow("iam:PassRole").on(glueRole),
                    PolicyJson.allow("dynamodb:Scan", "dynamodb:UpdateItem").on(batchesArn));
            SdkBytes code = SdkBytes.fromByteArray(Files.readAllBytes(lab.lambdaZip(LAB_DIR + "/handler").zip()));
            lambda.createFunction(r -> r.functionName(startBatch).runtime("java17")
                    .handler("gluelab.labs.lab57.StartBatchFromQueue::handleRequest").role(startBatchRole)
                    .memorySize(512).timeout(30).environment(e -> e.variables(Map.of("JOB_NAME", job)))
                    .code(c -> c.zipFile(code)));
            String chainStepArn = lambda.createFunction(r -> r.functionName(chainStep).runtime("java17")
                    .handler("gluelab.labs.lab57.ChainStep::handleRequest").role(chainStepRole)
                    .memorySize(512).timeout(30)
                    .environment(e -> e.variables(Map.of("BATCH_TABLE", batches, "CRAWLER_NAME", crawler, "RULESET_NAME", ruleset,
                            "DATABASE", database, "TABLE", "orders", "GLUE_ROLE", glueRole)))
                    .code(c -> c.zipFile(code))).functionArn();
            for (String function : List.of(startBatch, chainStep)) {
                lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName(function));
            }
            lambda.createEventSourceMapping(r -> r.functionName(startBatch).eventSourceArn(queueArn).batchSize(10)
                    .maximumBatchingWindowInSeconds(1).functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES));

            Map<String, String> patterns = Map.of(
                    lab.name("run-succeeded"), """
                            {"source": ["aws.glue"], "detail-type": ["Glue Job State Change"],
                             "detail": {"jobName": ["%s"], "state": ["SUCCEEDED"]}}""".formatted(job),
                    lab.name("crawl-succeeded"), """
                            {"source": ["aws.glue"], "detail-type": ["Glue Crawler State Change"],
                             "detail": {"crawlerName": ["%s"], "state": ["Succeeded"]}}""".formatted(crawler),
                    lab.name("dq-results"), """
                            {"source": ["aws.glue-dataquality"], "detail-type": ["Data Quality Evaluation Results Available"],
                             "detail": {"rulesetNames": ["%s"]}}""".formatted(ruleset));
            for (var pattern : patterns.entrySet()) {
                String ruleArn = events.putRule(r -> r.name(pattern.getKey()).eventPattern(pattern.getValue())).ruleArn();
                lambda.addPermission(r -> r.functionName(chainStep).statementId("invoke-from-" + pattern.getKey())
                        .action("lambda:InvokeFunction").principal("events.amazonaws.com").sourceArn(ruleArn));
                events.putTargets(r -> r.rule(pattern.getKey()).targets(t -> t.id("chain-step").arn(chainStepArn)));
            }
            return new Chain(lab, landing, batches, job, crawler);
        }

        /** One upload through the chain: each stage's seconds, then the whole chain's. */
        double[] round(int round) throws Exception {
            String key = PREFIX + "round-" + round + "-" + FILE;
            String file = "s3://" + landing + "/" + key;
            Instant uploaded = Instant.now();
            lab.upload(lab.dataFile(FILE), landing, key);
            Map<String, AttributeValue> item = Map.of();
            long giveUp = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!verdict(item) && System.nanoTime() < giveUp) {
                Thread.sleep(50);
                item = lab.dynamoDb().getItem(r -> r.tableName(batches).consistentRead(true)
                        .key(Map.of("file", AttributeValue.fromS(file)))).item();
            }
            Instant judged = Instant.now();
            if (!verdict(item)) {
                throw new IllegalStateException("No verdict for " + file + " after 3 minutes: " + item);
            }
            String runId = item.get("runId").s();
            String evaluationRunId = item.get("dqRunId").s();
            JobRun run = lab.glue().getJobRun(r -> r.jobName(job).runId(runId)).jobRun();
            CrawlerHistory crawl = lab.glue().listCrawls(r -> r.crawlerName(crawler)).crawls().stream()
                    .filter(c -> !c.startTime().isBefore(run.completedOn())).min(Comparator.comparing(CrawlerHistory::startTime))
                    .orElseThrow();
            GetDataQualityRulesetEvaluationRunResponse evaluation = lab.glue()
                    .getDataQualityRulesetEvaluationRun(r -> r.runId(evaluationRunId));
            Instant[] marks = {uploaded, run.startedOn(), run.completedOn(), crawl.startTime(), crawl.endTime(),
                    evaluation.startedOn(), evaluation.completedOn(), judged};
            double[] seconds = new double[marks.length];
            for (int i = 0; i + 1 < marks.length; i++) {
                seconds[i] = Duration.between(marks[i], marks[i + 1]).toMillis() / 1000.0;
            }
            seconds[marks.length - 1] = Duration.between(uploaded, judged).toMillis() / 1000.0;
            return seconds;
        }

        private static boolean verdict(Map<String, AttributeValue> item) {
            return item.containsKey("status") && List.of("PASSED", "FAILED_DQ").contains(item.get("status").s());
        }
    }
}
