package gluelab.cli.bench;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * SQS through SDK v2 (JSON protocol, MD5 checks on), in memory and with a state directory (every acknowledged
 * send, receive and delete forced to disk): the latency of one send + receive + delete round trip, and messages/s
 * through send, receive and delete in batches of 10. The same workload runs against ElasticMQ in a JVM of its own
 * (in memory), side by side: the goal is Lab Cloud at least as fast.
 */
final class SqsBench implements Benchmark {

    private static final int WARM_UP = 300;
    private static final int ROUND_TRIPS = 1_000;
    private static final int BATCHED_MESSAGES = 5_000;

    @Override
    public String name() {
        return "sqs";
    }

    @Override
    public String description() {
        return "SQS: send+receive+delete round-trip latency, and messages/s in batches of 10";
    }

    @Override
    public void run(Path home, BenchReport report) throws Exception {
        for (Path stateDir : Arrays.asList(null, BenchClouds.stateDirectory(home, "sqs"))) {
            try (LabCloud cloud = BenchClouds.start(stateDir, LabCloudConfig.GlueWorkerMode.OFF);
                 SqsClient sqs = BenchClouds.client(cloud, SqsClient.builder())) {
                measure(sqs, stateDir == null ? "in memory" : "with --state-dir", report);
            }
        }
        try (ElasticMqJvm elasticMq = ElasticMqJvm.start(home);
             SqsClient sqs = BenchClouds.client(elasticMq.endpoint(), SqsClient.builder(), BenchClouds.ACCOUNT_KEYS)) {
            measure(sqs, "ElasticMQ " + ElasticMqJvm.VERSION + ", in memory", report);
        } catch (IOException unavailable) {
            System.out.println("SQS: no ElasticMQ to compare with (" + unavailable.getMessage() + ")");
        }
    }

    private static void measure(SqsClient sqs, String label, BenchReport report) {
        String url = sqs.createQueue(r -> r.queueName("bench")).queueUrl();
        for (int i = 0; i < WARM_UP; i++) {
            roundTrip(sqs, url, i);
        }
        List<Double> millis = new ArrayList<>(ROUND_TRIPS);
        for (int i = 0; i < ROUND_TRIPS; i++) {
            long began = System.nanoTime();
            roundTrip(sqs, url, i);
            millis.add((System.nanoTime() - began) / 1e6);
        }
        report.add(Measurement.of("SQS send + receive + delete, one message (" + label + ")", "ms", millis));
        batched(sqs, url, 1_000);
        List<Double> rates = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            rates.add(batched(sqs, url, BATCHED_MESSAGES));
        }
        report.add(Measurement.of("SQS send + receive + delete in batches of 10 (" + label + ")", "messages/s",
                rates));
    }

    private static void roundTrip(SqsClient sqs, String url, int i) {
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("{\"file\":\"landing/" + i + ".csv\"}"));
        Message message = sqs.receiveMessage(r -> r.queueUrl(url)).messages().get(0);
        sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
    }

    private static double batched(SqsClient sqs, String url, int total) {
        long began = System.nanoTime();
        int done = 0;
        while (done < total) {
            int base = done;
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>(10);
            for (int j = 0; j < 10; j++) {
                entries.add(SendMessageBatchRequestEntry.builder().id("m" + j)
                        .messageBody("{\"file\":\"landing/" + (base + j) + ".csv\"}").build());
            }
            sqs.sendMessageBatch(r -> r.queueUrl(url).entries(entries));
            List<Message> received = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages();
            List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>(received.size());
            for (int j = 0; j < received.size(); j++) {
                deletes.add(DeleteMessageBatchRequestEntry.builder().id("d" + j)
                        .receiptHandle(received.get(j).receiptHandle()).build());
            }
            if (!deletes.isEmpty()) {
                sqs.deleteMessageBatch(r -> r.queueUrl(url).entries(deletes));
            }
            done += received.size();
        }
        return total / ((System.nanoTime() - began) / 1e9);
    }
}
