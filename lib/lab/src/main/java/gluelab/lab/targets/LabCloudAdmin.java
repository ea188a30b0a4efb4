package gluelab.lab.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.lab.ClockAdvance;
import gluelab.lab.LabSetupException;
import gluelab.lab.TimelineEvent;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lab Cloud's own API under {@code /_lab/} (contract in lib/README.md): health, resets, the lab clock and
 * the event timeline. Unsigned; Lab Cloud only listens on loopback.
 */
public final class LabCloudAdmin {

    /** What answers at an endpoint. */
    public enum Probe {
        /** A Lab Cloud: {@code /_lab/health} says ok. */
        LAB_CLOUD,
        /** Something that is not Lab Cloud (LocalStack, moto, another server). */
        OTHER,
        /** Nothing: the connection was refused or timed out. */
        NOTHING
    }

    /** One page of the timeline and where the next one starts. */
    public record EventPage(List<TimelineEvent> events, long next) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    /** Clock advances let the work they start settle, which can take a while (job runs). */
    private static final Duration ADVANCE_TIMEOUT = Duration.ofMinutes(10);

    private final URI endpoint;
    private final HttpClient http;

    public LabCloudAdmin(URI endpoint) {
        this.endpoint = endpoint;
        this.http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Asks {@code /_lab/health} who is there, without failing. */
    public Probe probe() {
        try {
            HttpResponse<String> response = http.send(request("/_lab/health").timeout(PROBE_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode body = JSON.readTree(response.body());
                if (body != null && "ok".equals(body.path("status").asText())) {
                    return Probe.LAB_CLOUD;
                }
            }
            return Probe.OTHER;
        } catch (ConnectException | HttpConnectTimeoutException e) {
            return Probe.NOTHING;
        } catch (HttpTimeoutException e) {
            return Probe.OTHER;
        } catch (IOException e) {
            // A reset connection or a body that is not JSON: someone answered, but not Lab Cloud.
            return e.getCause() instanceof ConnectException ? Probe.NOTHING : Probe.OTHER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Probe.NOTHING;
        }
    }

    public JsonNode health() {
        return call(request("/_lab/health").GET(), Duration.ofSeconds(10));
    }

    /** Whether this Lab Cloud runs in AWS mode ({@code --aws-mode}): then none of its other routes answer. */
    public boolean inAwsMode() {
        return health().path("awsMode").asBoolean(false);
    }

    /** Removes every resource whose name starts with {@code prefix}; the count per service. */
    public Map<String, Integer> reset(String prefix) {
        JsonNode body = call(request("/_lab/reset?prefix=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8))
                .POST(HttpRequest.BodyPublishers.noBody()), Duration.ofMinutes(1));
        Map<String, Integer> removed = new LinkedHashMap<>();
        body.path("removed").fields().forEachRemaining(e -> removed.put(e.getKey(), e.getValue().asInt()));
        return removed;
    }

    public Instant now() {
        return Instant.parse(call(request("/_lab/clock").GET(), Duration.ofSeconds(10)).path("now").asText());
    }

    /** Moves the lab clock forward by {@code duration}; everything due fires in time order. */
    public ClockAdvance advance(Duration duration) {
        String body = "{\"duration\":\"" + duration + "\"}";
        JsonNode answer = call(request("/_lab/clock/advance").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), ADVANCE_TIMEOUT);
        List<ClockAdvance.Fired> fired = new ArrayList<>();
        for (JsonNode item : answer.path("fired")) {
            fired.add(new ClockAdvance.Fired(Instant.parse(item.path("time").asText()), text(item, "service"),
                    text(item, "name"), text(item, "resource")));
        }
        return new ClockAdvance(Instant.parse(answer.path("from").asText()), Instant.parse(answer.path("to").asText()),
                fired, true);
    }

    /** The timeline after {@code since}, at most {@code limit} entries. */
    public EventPage events(long since, int limit) {
        JsonNode body = call(request("/_lab/events?since=" + since + "&limit=" + limit).GET(), Duration.ofSeconds(30));
        List<TimelineEvent> events = new ArrayList<>();
        for (JsonNode item : body.path("events")) {
            events.add(new TimelineEvent(item.path("seq").asLong(), Instant.parse(item.path("time").asText()),
                    text(item, "account"), text(item, "region"), text(item, "service"), text(item, "kind"),
                    text(item, "name"), text(item, "resource"),
                    item.hasNonNull("status") ? item.get("status").asInt() : null,
                    item.hasNonNull("detail") ? item.get("detail") : null));
        }
        return new EventPage(events, body.path("next").asLong(since));
    }

    /** Every event after {@code since}, page by page. */
    public List<TimelineEvent> allEvents(long since) {
        List<TimelineEvent> all = new ArrayList<>();
        long cursor = since;
        while (true) {
            EventPage page = events(cursor, 10_000);
            all.addAll(page.events());
            if (page.events().size() < 10_000) {
                return all;
            }
            cursor = page.next();
        }
    }

    /**
     * Where the timeline ends now: events recorded later have a greater sequence number. Found by searching
     * with one-event pages, so it costs a few tiny requests however long the timeline is.
     */
    public long timelineEnd() {
        if (!hasEventAfter(0)) {
            return 0;
        }
        long some = 0;
        long none = 1;
        while (hasEventAfter(none)) {
            some = none;
            none *= 2;
        }
        // Some event is after `some`, none is after `none`: the last one is `none` once they meet.
        while (none - some > 1) {
            long middle = some + (none - some) / 2;
            if (hasEventAfter(middle)) {
                some = middle;
            } else {
                none = middle;
            }
        }
        return none;
    }

    private boolean hasEventAfter(long seq) {
        return !events(seq, 1).events().isEmpty();
    }

    /**
     * The lab mailbox ({@code GET /_lab/ses/messages}): every message SES accepted in {@code account}, to
     * {@code recipient} (or anyone, if null), oldest first.
     */
    public JsonNode mailboxMessages(String account, String recipient) {
        String query = "?account=" + URLEncoder.encode(account, StandardCharsets.UTF_8)
                + (recipient == null ? "" : "&to=" + URLEncoder.encode(recipient, StandardCharsets.UTF_8));
        return call(request("/_lab/ses/messages" + query).GET(), Duration.ofSeconds(30));
    }

    /** Opens a link as a browser does (a GET); the page it answers with, whatever its status. */
    public HttpResponse<String> open(URI link) {
        HttpRequest built = HttpRequest.newBuilder(link).timeout(Duration.ofSeconds(30)).GET().build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new LabSetupException("Nothing answered " + link + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabSetupException("Interrupted while opening " + link, e);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(endpoint.resolve(pathAndQuery));
    }

    private JsonNode call(HttpRequest.Builder request, Duration timeout) {
        HttpRequest built = request.timeout(timeout).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new LabSetupException("Lab Cloud answered " + built.method() + " " + built.uri().getPath() + " with "
                        + response.statusCode() + ": " + body.path("message").asText(response.body()));
            }
            return body;
        } catch (IOException e) {
            throw new LabSetupException("Lab Cloud at " + endpoint + " did not answer " + built.uri().getPath() + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "). Is it still running? Its log is build/lab-cloud/lab-cloud.log.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabSetupException("Interrupted while calling Lab Cloud", e);
        }
    }
}
