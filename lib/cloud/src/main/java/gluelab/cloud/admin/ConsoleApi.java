package gluelab.cloud.admin;

import static gluelab.cloud.provider.AdminAnswers.json;
import static gluelab.cloud.provider.AdminAnswers.notAllowed;
import static gluelab.cloud.provider.AdminAnswers.problem;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.auth.Credential;
import gluelab.cloud.console.ConsoleNotFound;
import gluelab.cloud.console.ConsolePage;
import gluelab.cloud.console.ConsoleRequest;
import gluelab.cloud.console.ConsoleView;
import gluelab.cloud.http.HttpExchange;
import gluelab.cloud.http.HttpResponse;
import gluelab.cloud.http.QueryString;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.ServiceRegistry;
import gluelab.cloud.state.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The web console at {@code /_lab/ui/}: its static files (HTML, CSS and JavaScript modules from this module's
 * resources, nothing to build) and the JSON they read, {@code /_lab/ui/api/overview} (the services' views, the
 * accounts) and {@code /_lab/ui/api/views/<view>/<path>?account=A} (one page of one service's view). The clock and
 * the timeline are Lab Cloud's own {@code /_lab/clock} and {@code /_lab/events}. Read-only: only GET and HEAD.
 */
final class ConsoleApi {

    private static final String ROOT = "/_lab/ui";
    private static final String RESOURCES = "/gluelab/cloud/console/ui/";
    private static final Pattern STATIC_FILE = Pattern.compile("[a-z][a-z0-9-]*\\.(html|css|js|svg)");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");
    /**
     * Scripts only from the console itself; an email's HTML is shown in a sandboxed frame without scripts, and may
     * carry inline styles and data: images.
     */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
            + "form-action 'none'";

    private final Platform platform;
    private final ServiceRegistry registry;

    ConsoleApi(Platform platform, ServiceRegistry registry) {
        this.platform = platform;
        this.registry = registry;
    }

    static boolean serves(String path) {
        return path.equals(ROOT) || path.startsWith(ROOT + "/");
    }

    HttpResponse answer(HttpExchange exchange) {
        String path = exchange.rawPath();
        if (!fromLoopback(exchange.remoteAddress())) {
            return problem(403, "Forbidden", "The console answers on loopback only");
        }
        if (!exchange.method().equals("GET") && !exchange.method().equals("HEAD")) {
            return notAllowed(exchange.method());
        }
        if (path.equals(ROOT)) {
            return new HttpResponse(301).header("Location", ROOT + "/");
        }
        String rest = path.substring(ROOT.length() + 1);
        if (rest.equals("api/overview")) {
            return json(200, overview());
        }
        if (rest.startsWith("api/views/")) {
            return page(rest.substring("api/views/".length()), exchange.query());
        }
        if (rest.equals("api") || rest.startsWith("api/")) {
            return problem(404, "NotFound", "No console endpoint " + path
                    + " (try /_lab/ui/api/overview, /_lab/ui/api/views/<service>/…)");
        }
        return staticFile(rest.isEmpty() ? "index.html" : rest);
    }

    private ObjectNode overview() {
        ObjectNode body = Json.object();
        ArrayNode views = body.putArray("views");
        for (ConsoleView view : views()) {
            views.addObject().put("name", view.name()).put("title", view.title());
        }
        TreeSet<String> accounts = new TreeSet<>();
        accounts.add(LabCloudConfig.DEFAULT_ACCOUNT);
        platform.credentials().longTermCredentials().stream().map(Credential::accountId).forEach(accounts::add);
        ArrayNode list = body.putArray("accounts");
        accounts.forEach(list::add);
        body.put("account", LabCloudConfig.DEFAULT_ACCOUNT);
        body.put("region", platform.config().defaultRegion());
        return body;
    }

    private HttpResponse page(String viewPath, QueryString query) {
        List<String> segments = Arrays.stream(viewPath.split("/", -1))
                .map(segment -> QueryString.decode(segment, false)).toList();
        Optional<ConsoleView> view = views().stream().filter(v -> v.name().equals(segments.get(0))).findFirst();
        if (view.isEmpty()) {
            return problem(404, "NotFound", "No console view " + segments.get(0));
        }
        List<String> below = segments.subList(1, segments.size()).stream().filter(s -> !s.isEmpty()).toList();
        String account = Optional.ofNullable(query.get("account")).orElse(LabCloudConfig.DEFAULT_ACCOUNT);
        if (!account.matches("\\d{12}")) {
            return problem(400, "BadRequest", "'account' is a 12-digit account id");
        }
        String region = Optional.ofNullable(query.get("region")).orElse(platform.config().defaultRegion());
        Map<String, String> parameters = new LinkedHashMap<>();
        query.pairs().forEach(pair -> parameters.putIfAbsent(pair.name(), pair.value()));
        try {
            ConsolePage page = view.get().page(new ConsoleRequest(account, region, below, parameters));
            return json(200, Json.MAPPER.valueToTree(page));
        } catch (ConsoleNotFound missing) {
            return problem(404, "NotFound", missing.getMessage());
        } catch (AwsServiceException refused) {
            int status = isMissing(refused.code()) ? 404 : refused.status();
            return problem(status, refused.code(), refused.getMessage());
        }
    }

    /** Whether the code is a service's "no such resource" (Glue and Secrets Manager answer those with a 400). */
    private static boolean isMissing(String code) {
        return code.endsWith("NotFoundException") || code.endsWith("DoesNotExist") || code.startsWith("NoSuch");
    }

    private List<ConsoleView> views() {
        return registry.providers().stream().flatMap(p -> p.consoleViews().stream()).toList();
    }

    private HttpResponse staticFile(String name) {
        if (!STATIC_FILE.matcher(name).matches()) {
            return problem(404, "NotFound", "No console file " + name);
        }
        try (InputStream in = ConsoleApi.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                return problem(404, "NotFound", "No console file " + name);
            }
            String extension = name.substring(name.lastIndexOf('.') + 1);
            return HttpResponse.of(200, CONTENT_TYPES.get(extension), in.readAllBytes())
                    .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Cache-Control", "no-cache");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the console's " + name, e);
        }
    }

    private static boolean fromLoopback(String address) {
        try {
            return address == null || InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
