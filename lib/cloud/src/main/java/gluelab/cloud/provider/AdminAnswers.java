package gluelab.cloud.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.http.HttpResponse;
import gluelab.cloud.state.Json;
import java.io.IOException;

/**
 * How the routes under {@code /_lab/} answer, Lab Cloud's own and those services add ({@link AdminRoute}): JSON,
 * and {@code {"error": code, "message": …}} when they say no.
 */
public final class AdminAnswers {

    private AdminAnswers() {
    }

    public static HttpResponse json(int status, JsonNode body) {
        try {
            return HttpResponse.of(status, "application/json", Json.MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse problem(int status, String code, String message) {
        ObjectNode body = Json.object();
        body.put("error", code);
        body.put("message", message);
        return json(status, body);
    }

    public static HttpResponse notAllowed(String method) {
        return problem(405, "MethodNotAllowed", method + " is not allowed here");
    }
}
