package gluelab.cloud.services.cloudtrail;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.RecurringTimers;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.schedule.RateExpression;
import gluelab.cloud.state.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * A logging trail's log files. The events a trail logs gather for five minutes of the lab clock (AWS delivers
 * "about every 5 minutes"), then go to the trail's bucket as one gzipped JSON file per region,
 * {@code {"Records":[…]}}, at {@code [prefix/]AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/
 * <account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<16 characters>.json.gz}, written as
 * {@code cloudtrail.amazonaws.com} through the S3 API. Stopping a trail delivers what it has at once. Each delivery
 * is noted in the trail's status ({@code LatestDeliveryTime}, or {@code LatestDeliveryError} with S3's error code).
 * Events not yet delivered when Lab Cloud stops are lost, as they may be on AWS.
 */
final class LogFileDelivery implements AutoCloseable {

    private static final String CLOUDTRAIL = "cloudtrail.amazonaws.com";
    private static final RateExpression EVERY_FIVE_MINUTES = RateExpression.parse("rate(5 minutes)");
    private static final Duration DELIVERED_WAIT = Duration.ofSeconds(10);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final char[] ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final Platform platform;
    private final AccountRegionStore<CloudTrailState> states;
    private final RecurringTimers timers;
    private final Map<String, List<TrailEvent>> pending = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    LogFileDelivery(Platform platform, AccountRegionStore<CloudTrailState> states) {
        this.platform = platform;
        this.states = states;
        this.timers = new RecurringTimers(platform, CloudTrailProvider.SERVICE, "LogFileDelivery");
    }

    /** Starts delivering every five minutes from now the events of a trail that starts logging. */
    void start(Scope scope, String name) {
        timers.set(scope, name, EVERY_FIVE_MINUTES, at -> deliver(scope, name));
    }

    /** Waits until the API calls answered so far have reached the trails (CloudTrail hears them on another thread). */
    void awaitCallsHeard() {
        platform.events().awaitDelivered(DELIVERED_WAIT);
    }

    /** Delivers what a trail that stops logging has gathered, and stops its deliveries. */
    void stop(Scope scope, String name) {
        timers.cancel(scope, name);
        deliver(scope, name);
    }

    /** Forgets a deleted trail and what it had gathered. */
    void forget(Scope scope, String name) {
        timers.cancel(scope, name);
        pending.remove(key(scope, name));
    }

    void restoreAll() {
        states.all().forEach((scope, state) -> state.statuses.view().forEach((name, status) -> {
            if (Boolean.TRUE.equals(status.isLogging())) {
                start(scope, name);
            }
        }));
    }

    void add(Trails.Located trail, TrailEvent event) {
        List<TrailEvent> events = pending.computeIfAbsent(key(trail.scope(), trail.name()), k -> new ArrayList<>());
        synchronized (events) {
            events.add(event);
        }
    }

    private void deliver(Scope scope, String name) {
        // The calls answered before this moment belong in this delivery: let CloudTrail hear of them first.
        awaitCallsHeard();
        List<TrailEvent> events = pending.get(key(scope, name));
        CloudTrailState state = states.get(scope);
        Trail trail = state.trails.get(name);
        if (events == null || trail == null) {
            return;
        }
        List<TrailEvent> batch;
        synchronized (events) {
            batch = new ArrayList<>(events);
            events.clear();
        }
        if (batch.isEmpty()) {
            return;
        }
        Map<String, List<TrailEvent>> byRegion = new TreeMap<>();
        batch.forEach(e -> byRegion.computeIfAbsent(e.region(), r -> new ArrayList<>()).add(e));
        Instant now = platform.clock().instant();
        String error = null;
        for (Map.Entry<String, List<TrailEvent>> region : byRegion.entrySet()) {
            try {
                write(scope, trail, region.getKey(), region.getValue(), now);
            } catch (AwsServiceException refused) {
                error = refused.code();
            }
        }
        String failure = error;
        state.statuses.update(name, status -> status == null ? null : delivered(status, now, failure));
    }

    private void write(Scope scope, Trail trail, String region, List<TrailEvent> events, Instant now) {
        ObjectNode file = Json.object();
        ArrayNode records = file.putArray("Records");
        events.forEach(e -> records.add(e.record().get()));
        byte[] gzipped = gzip(file);
        String prefix = trail.s3KeyPrefix() == null || trail.s3KeyPrefix().isEmpty() ? "" : trail.s3KeyPrefix() + "/";
        String key = prefix + "AWSLogs/" + scope.account() + "/CloudTrail/" + region + "/" + DAY_PATH.format(now) + "/"
                + scope.account() + "_CloudTrail_" + region + "_" + FILE_TIME.format(now) + "_" + fileId() + ".json.gz";
        PutObjectRequest put = PutObjectRequest.builder().bucket(trail.s3BucketName()).key(key)
                .contentType("application/json").contentLength((long) gzipped.length).build();
        platform.internal().call("s3", scope, CLOUDTRAIL, put, new ByteArrayInputStream(gzipped));
    }

    private static GetTrailStatusResponse delivered(GetTrailStatusResponse status, Instant now, String error) {
        GetTrailStatusResponse.Builder next = status.toBuilder()
                .latestDeliveryAttemptTime(now.toString())
                .latestDeliveryError(error);
        if (error == null) {
            next.latestDeliveryTime(now).latestDeliveryAttemptSucceeded(now.toString());
        }
        return next.build();
    }

    private static byte[] gzip(ObjectNode file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            Json.MAPPER.writeValue(out, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private String fileId() {
        char[] id = new char[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }

    private static String key(Scope scope, String name) {
        return scope.account() + "/" + scope.region() + "/" + name;
    }

    @Override
    public void close() {
        timers.close();
    }
}
