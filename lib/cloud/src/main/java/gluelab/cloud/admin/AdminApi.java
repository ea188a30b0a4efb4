package gluelab.cloud.admin;

import static gluelab.cloud.provider.AdminAnswers.json;
import static gluelab.cloud.provider.AdminAnswers.notAllowed;
import static gluelab.cloud.provider.AdminAnswers.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.clock.FiredTimer;
import gluelab.cloud.events.LabEvent;
import gluelab.cloud.events.Timeline;

import gluelab.cloud.http.HttpExchange;
import gluelab.cloud.http.HttpResponse;
import gluelab.cloud.http.QueryString;
import gluelab.cloud.provider.AdminRoute;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.ServiceProvider;
import gluelab.cloud.provider.ServiceRegistry;
import gluelab.cloud.state.Json;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lab Cloud's own API under {@code /_lab/}: health, the lab clock, resets, the event timeline and the web console. It is
 * not an AWS API and needs no signature; Lab Cloud listens on loopback only.
 */
public final class AdminApi {

    private static final Logger LOG = Logger.getLogger(AdminApi.class.getName());
    private static final String HEALTH = "/_lab/health";
    private static final Duration DEFAULT_SETTLE = Duration.ofSeconds(30);
    /** The furthest the lab clock goes: AWS's timestamps, and epoch milliseconds in a long, end near there. */
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final Platform platform;
    private final ServiceRegistry registry;
    private final Timeline timeline;
    private final String version;
    private final Instant startedAt = Instant.now();
    private final Map<String, Supplier<String>> healthDetails = new LinkedHashMap<>();
    private final ConsoleApi console;
    private final boolean awsMode;

    /** With {@code awsMode}, every route but health answers as AWS would: it does not exist. */
    public AdminApi(Platform platform, ServiceRegistry registry, Timeline timeline, String version, boolean awsMode) {
        this.awsMode = awsMode;
        this.platform = platform;
        this.registry = registry;
        this.timeline = timeline;
        this.version = version;
        this.console = new ConsoleApi(platform, registry);
    }

    /** Adds a line to {@code /_lab/health}, e.g. the Glue worker's state. */
    public void addHealthDetail(String name, Supplier<String> value) {
        healthDetails.put(name, value);
    }

    public void handle(HttpExchange exchange) {
        if (awsMode && !exchange.rawPath().equals(HEALTH)) {
            respond(exchange, notOnAws(exchange.method(), exchange.rawPath()));
            return;
        }
        Optional<AdminRoute> route = serviceRoute(exchange.rawPath());
        if (route.isPresent()) {
            route.get().handler().accept(exchange);
            return;
        }
        HttpResponse response;
        try {
            String path = exchange.rawPath();
            String method = exchange.method();
            response = ConsoleApi.serves(path) ? console.answer(exchange) : switch (path) {
                case HEALTH -> method.equals("GET") || method.equals("HEAD") ? health() : notAllowed(method);
                case "/_lab/clock" -> method.equals("GET") ? clock() : notAllowed(method);
                case "/_lab/clock/advance" -> method.equals("POST") ? advance(exchange) : notAllowed(method);
                case "/_lab/reset" -> method.equals("POST") ? reset(exchange.query()) : notAllowed(method);
                case "/_lab/events" -> method.equals("GET") ? events(exchange.query()) : notAllowed(method);
                default -> problem(404, "NotFound", "No admin endpoint " + path
                        + " (try /_lab/health, /_lab/clock, /_lab/clock/advance, /_lab/reset, /_lab/events, /_lab/ui/)");
            };
        } catch (BadRequest bad) {
            response = problem(400, "BadRequest", bad.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Admin API failure", e);
            response = problem(500, "InternalFailure", String.valueOf(e.getMessage()));
        }
        respond(exchange, response);
    }

    private static void respond(HttpExchange exchange, HttpResponse response) {
        try {
            exchange.respond(response);
        } catch (IOException e) {
            LOG.log(Level.FINE, "The admin client went away", e);
        }
    }

    /**
     * What AWS mode answers for a Lab Cloud route: AWS has no {@code /_lab/} (no reset, clock, timeline, mailbox or
     * console), so a notebook that calls one would fail there. A 404 in the shape of an AWS JSON error, saying so.
     */
    private static HttpResponse notOnAws(String method, String path) {
        ObjectNode body = Json.object();
        body.put("__type", "UnknownOperationException");
        body.put("message", method + " " + path + " does not exist on AWS: it is Lab Cloud's own API, and this Lab Cloud"
                + " runs in AWS mode (--aws-mode), which answers AWS's APIs and " + HEALTH + " only");
        return json(404, body).header("x-amzn-ErrorType", "UnknownOperationException");
    }

    /** The route a service added under {@code /_lab/} for this path, if any. */
    private Optional<AdminRoute> serviceRoute(String path) {
        return registry.providers().stream().flatMap(p -> p.adminRoutes().stream())
                .filter(route -> route.matches(path)).findFirst();
    }

    private HttpResponse health() {
        ObjectNode body = Json.object();
        body.put("status", "ok");
        body.put("version", version);
        body.put("uptimeMillis", Duration.between(startedAt, Instant.now()).toMillis());
        // So that ./lab stop can tell the process it recorded is still this Lab Cloud, not a reused process id.
        body.put("pid", ProcessHandle.current().pid());
        body.put("persistent", platform.state().isPersistent());
        // So that the lab library can tell a learner pointing the embedded target here to use LAB_TARGET=aws.
        body.put("awsMode", awsMode);
        ArrayNode services = body.putArray("services");
        registry.providers().forEach(p -> services.add(p.descriptor().name()));
        healthDetails.forEach((name, value) -> body.put(name, value.get()));
        registry.providers().forEach(p -> p.healthDetails().forEach((name, value) -> body.put(name, value.get())));
        return json(200, body);
    }

    private HttpResponse clock() {
        ObjectNode body = Json.object();
        Instant now = platform.clock().instant();
        body.put("now", now.toString());
        body.put("epochMillis", now.toEpochMilli());
        body.put("offsetMillis", platform.clock().offsetMillis());
        return json(200, body);
    }

    private HttpResponse advance(HttpExchange exchange) {
        try {
            return advanceBy(readJson(exchange));
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw new BadRequest("That is further than the lab clock can go: " + e.getMessage());
        }
    }

    private HttpResponse advanceBy(JsonNode request) {
        Instant from = platform.clock().instant();
        Instant target;
        try {
            target = advanceTarget(request, from);
        } catch (ArithmeticException | DateTimeException beyondTime) {
            target = Instant.MAX;
        }
        if (target.isAfter(LATEST)) {
            throw new BadRequest("The lab clock goes no further than " + LATEST
                    + ": AWS's timestamps end there, and so do epoch milliseconds");
        }
        if (target.isBefore(from)) {
            throw new BadRequest("The lab clock only moves forward; it is already " + from);
        }
        Duration settle = request.hasNonNull("settleSeconds")
                ? Duration.ofMillis((long) (request.get("settleSeconds").asDouble() * 1000)) : DEFAULT_SETTLE;
        List<FiredTimer> fired = platform.scheduler().advanceTo(target, settle);

        ObjectNode body = Json.object();
        body.put("from", from.toString());
        body.put("to", platform.clock().instant().toString());
        ArrayNode list = body.putArray("fired");
        for (FiredTimer timer : fired) {
            ObjectNode item = list.addObject();
            item.put("time", timer.time().toString());
            item.put("service", timer.owner().service());
            item.put("name", timer.owner().name());
            item.put("resource", timer.owner().resource());
            item.put("account", timer.owner().account());
            item.put("region", timer.owner().region());
        }
        return json(200, body);
    }

    /** Where the request asks the clock to go: {@code to}, or {@code from} plus {@code duration} or {@code seconds}. */
    private static Instant advanceTarget(JsonNode request, Instant from) {
        if (request.hasNonNull("to")) {
            try {
                return Instant.parse(request.get("to").asText());
            } catch (DateTimeParseException e) {
                throw new BadRequest("'to' must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
            }
        } else if (request.hasNonNull("duration")) {
            try {
                return from.plus(Duration.parse(request.get("duration").asText()));
            } catch (DateTimeParseException e) {
                throw new BadRequest("'duration' must be an ISO-8601 duration such as PT1H");
            }
        } else if (request.hasNonNull("seconds")) {
            if (!request.get("seconds").isNumber() || request.get("seconds").asDouble() < 0) {
                throw new BadRequest("'seconds' must be a non-negative number");
            }
            return from.plusMillis((long) (request.get("seconds").asDouble() * 1000));
        }
        throw new BadRequest("Say how far to advance: {\"seconds\":N}, {\"duration\":\"PT1H\"} or {\"to\":\"<instant>\"}");
    }

    private HttpResponse reset(QueryString query) {
        String prefix = query.get("prefix");
        if (prefix != null && prefix.isEmpty()) {
            throw new BadRequest("An empty prefix would match everything; omit it to reset everything");
        }
        ObjectNode body = Json.object();
        ObjectNode removed = body.putObject("removed");
        for (ServiceProvider provider : registry.providers()) {
            removed.put(provider.descriptor().name(), provider.reset(prefix));
        }
        if (prefix == null) {
            timeline.clear();
        }
        body.put("prefix", prefix);
        return json(200, body);
    }

    private HttpResponse events(QueryString query) {
        long since = parseLong(query.get("since"), 0, "since");
        int limit = (int) Math.min(parseLong(query.get("limit"), 1000, "limit"), 10_000);
        String service = query.get("service");
        String account = query.get("account");
        String resourcePrefix = query.get("resourcePrefix");
        Predicate<LabEvent> filter = e -> (service == null || service.equals(e.service()))
                && (account == null || account.equals(e.account()))
                && (resourcePrefix == null || (e.resource() != null && e.resource().startsWith(resourcePrefix)));
        List<LabEvent> events = timeline.since(since, filter, limit);
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("events");
        long next = since;
        for (LabEvent event : events) {
            ObjectNode item = list.addObject();
            item.put("seq", event.seq());
            item.put("time", event.time().toString());
            item.put("epochMillis", event.time().toEpochMilli());
            item.put("account", event.account());
            item.put("region", event.region());
            item.put("service", event.service());
            item.put("kind", event.kind());
            item.put("name", event.name());
            item.put("resource", event.resource());
            if (event.status() != null) {
                item.put("status", event.status());
            }
            if (event.detail() != null) {
                item.set("detail", event.detail());
            }
            next = event.seq();
        }
        body.put("next", next);
        return json(200, body);
    }

    private static long parseLong(String value, long fallback, String name) {
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed < 0) {
                throw new BadRequest("'" + name + "' must not be negative");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new BadRequest("'" + name + "' must be a whole number");
        }
    }

    private static JsonNode readJson(HttpExchange exchange) {
        try {
            byte[] body = exchange.body().readNBytes(64 * 1024);
            if (body.length == 0) {
                return Json.object();
            }
            JsonNode json = Json.MAPPER.readTree(body);
            if (json == null || !json.isObject()) {
                throw new BadRequest("The body must be a JSON object");
            }
            return json;
        } catch (IOException e) {
            throw new BadRequest("The body is not valid JSON");
        }
    }

    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }
}
