package gluelab.cloud.testing;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.state.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Lab Cloud's admin API as tests use it: the lab clock and the timeline, over plain HTTP. */
public final class LabAdmin {

    private LabAdmin() {
    }

    /** {@code POST /_lab/clock/advance}; returns the answer (from, to, fired). */
    public static JsonNode advanceClock(RunningLabCloud cloud, Duration by) {
        return post(cloud, "/_lab/clock/advance", "{\"seconds\":" + by.toSeconds() + "}");
    }

    /** Advances the lab clock to {@code to}, firing everything due on the way. */
    public static JsonNode advanceClockTo(RunningLabCloud cloud, Instant to) {
        return post(cloud, "/_lab/clock/advance", "{\"to\":\"" + to + "\"}");
    }

    /** Now on the lab clock. */
    public static Instant now(RunningLabCloud cloud) {
        return Instant.parse(get(cloud, "/_lab/clock").path("now").asText());
    }

    /** The internal events ({@code kind=event}) a service published under {@code name}, oldest first. */
    public static List<JsonNode> events(RunningLabCloud cloud, String service, String name) {
        List<JsonNode> events = new ArrayList<>();
        get(cloud, "/_lab/events?service=" + service + "&limit=100000").path("events").forEach(e -> {
            if ("event".equals(e.path("kind").asText()) && (name == null || name.equals(e.path("name").asText()))) {
                events.add(e);
            }
        });
        return events;
    }

    public static JsonNode get(RunningLabCloud cloud, String pathAndQuery) {
        return json(cloud.http(cloud.request(pathAndQuery).GET()));
    }

    private static JsonNode post(RunningLabCloud cloud, String path, String body) {
        return json(cloud.http(cloud.request(path).POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
