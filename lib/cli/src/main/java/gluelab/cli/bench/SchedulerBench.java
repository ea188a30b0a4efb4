package gluelab.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.state.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;

/**
 * EventBridge Scheduler: one clock advance that fires 1,000 hourly schedules at the same minute, each delivering to
 * a universal target ({@code cloudwatchlogs:putLogEvents}, one event per fire) as its execution role, timed from the
 * advance request to its answer (the advance answers once every fire's first attempt is over), and checked by
 * counting the log events delivered; and how fast CreateSchedule is.
 */
final class SchedulerBench implements Benchmark {

    private static final int SCHEDULES = 1_000;
    private static final int ROUNDS = 5;
    private static final String TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"scheduler.amazonaws.com"},\
            "Action":"sts:AssumeRole"}]}""";
    private static final String PUT_LOGS = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:PutLogEvents","Resource":"*"}]}""";

    @Override
    public String name() {
        return "scheduler";
    }

    @Override
    public String description() {
        return "one clock advance firing 1,000 schedules (universal target putLogEvents), and CreateSchedule";
    }

    @Override
    public void run(Path home, BenchReport report) throws Exception {
        try (LabCloud cloud = BenchClouds.start(null, LabCloudConfig.GlueWorkerMode.OFF);
             IamClient iam = BenchClouds.client(cloud, IamClient.builder());
             CloudWatchLogsClient logs = BenchClouds.client(cloud, CloudWatchLogsClient.builder());
             SchedulerClient scheduler = BenchClouds.client(cloud, SchedulerClient.builder())) {
            String role = iam.createRole(r -> r.roleName("bench-scheduler").assumeRolePolicyDocument(TRUST)).role().arn();
            iam.putRolePolicy(r -> r.roleName("bench-scheduler").policyName("logs").policyDocument(PUT_LOGS));
            logs.createLogGroup(r -> r.logGroupName("/bench/scheduler"));
            logs.createLogStream(r -> r.logGroupName("/bench/scheduler").logStreamName("fires"));
            long timestamp = cloud.platform().clock().millis();
            String input = "{\"logGroupName\":\"/bench/scheduler\",\"logStreamName\":\"fires\","
                    + "\"logEvents\":[{\"timestamp\":" + timestamp + ",\"message\":\"<aws.scheduler.schedule-arn>\"}]}";

            // Created in five batches of 200, each batch one sample of the rate.
            List<Double> createRates = new ArrayList<>();
            for (int batch = 0; batch < ROUNDS; batch++) {
                long began = System.nanoTime();
                for (int i = batch * SCHEDULES / ROUNDS; i < (batch + 1) * SCHEDULES / ROUNDS; i++) {
                    String name = "hourly-" + i;
                    scheduler.createSchedule(r -> r.name(name).scheduleExpression("cron(0 * * * ? *)")
                            .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                            .target(t -> t.arn("arn:aws:scheduler:::aws-sdk:cloudwatchlogs:putLogEvents").roleArn(role)
                                    .input(input).retryPolicy(p -> p.maximumRetryAttempts(0))));
                }
                createRates.add(SCHEDULES / ROUNDS / ((System.nanoTime() - began) / 1e9));
            }
            report.add(Measurement.of("Scheduler CreateSchedule (universal target), batches of 200", "schedules/s",
                    createRates));

            List<Double> seconds = new ArrayList<>();
            List<Double> rates = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                // Just past the next full hour, when all 1,000 fire at once.
                Instant to = cloud.platform().clock().instant().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS)
                        .plusSeconds(1);
                long start = System.nanoTime();
                JsonNode advance = advance(cloud, to);
                double took = (System.nanoTime() - start) / 1e9;
                seconds.add(took);
                long fired = 0;
                for (JsonNode timer : advance.path("fired")) {
                    fired += timer.path("service").asText().equals("scheduler") ? 1 : 0;
                }
                if (fired != SCHEDULES) {
                    throw new IllegalStateException("The advance fired " + fired + " schedules, not " + SCHEDULES);
                }
                rates.add(fired / took);
            }
            long delivered = logs.getLogEventsPaginator(r -> r.logGroupName("/bench/scheduler").logStreamName("fires")
                    .startFromHead(true)).events().stream().count();
            if (delivered != (long) ROUNDS * SCHEDULES) {
                throw new IllegalStateException(delivered + " log events were delivered, not " + ROUNDS * SCHEDULES);
            }
            report.add(Measurement.of("Scheduler one clock advance firing 1,000 schedules (each a putLogEvents)", "s",
                    seconds).withNote(delivered + " deliveries checked in CloudWatch Logs"));
            report.add(Measurement.of("Scheduler schedules fired and delivered per second of a clock advance",
                    "schedules/s", rates));
        }
    }

    private static JsonNode advance(LabCloud cloud, Instant to) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        cloud.endpoint().resolve("/_lab/clock/advance"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"" + to + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The clock advance answered " + response.statusCode() + ": " + response.body());
        }
        return Json.MAPPER.readTree(response.body());
    }
}
