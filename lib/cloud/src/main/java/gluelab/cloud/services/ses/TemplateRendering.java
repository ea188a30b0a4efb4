package gluelab.cloud.services.ses;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.state.Json;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a template's {@code {{variable}}} (and {@code {{nested.variable}}}) from the send's TemplateData, as
 * SES's Handlebars rendering does for plain variables. A variable the data lacks is a rendering failure: SES
 * accepted the send, but sends nothing.
 */
final class TemplateRendering {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");

    private TemplateRendering() {
    }

    /** Why a template could not be rendered, in SES's words. */
    static final class RenderingFailure extends Exception {
        RenderingFailure(String message) {
            super(message, null, false, false);
        }
    }

    /** The send's TemplateData, which must be a JSON object. */
    static JsonNode data(String templateData) {
        try {
            JsonNode data = templateData == null ? null : Json.MAPPER.readTree(templateData);
            if (data == null || !data.isObject()) {
                throw SesErrors.invalidParameter("Template data must be a JSON object.");
            }
            return data;
        } catch (IOException e) {
            throw SesErrors.invalidParameter("Template data is not valid JSON.");
        }
    }

    static String render(String part, JsonNode data) throws RenderingFailure {
        if (part == null) {
            return null;
        }
        Matcher matcher = VARIABLE.matcher(part);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            JsonNode value = data;
            for (String step : matcher.group(1).split("\\.")) {
                value = value == null ? null : value.get(step);
            }
            if (value == null || value.isNull()) {
                throw new RenderingFailure("Attribute '" + matcher.group(1) + "' is not present in the rendering data.");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value.isValueNode() ? value.asText() : value.toString()));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
