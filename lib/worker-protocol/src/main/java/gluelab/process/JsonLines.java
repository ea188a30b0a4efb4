package gluelab.process;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * One JSON object per line, both ways, for a family of message records: a sealed interface whose
 * {@link JsonTypeInfo} names the property that tells the messages apart (the Glue worker's {@code op} for
 * commands, {@code ev} for events). The records are the protocol; this class only reads and writes them, so
 * the two sides of a process seam share one definition instead of keeping the keys by hand.
 * <p>
 * Reading is lenient as a protocol between versions must be: unknown properties are ignored, and a missing
 * number or flag is its Java default.
 */
public final class JsonLines<T> {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private final Class<T> type;
    private final String discriminator;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    private JsonLines(Class<T> type) {
        JsonTypeInfo typeInfo = type.getAnnotation(JsonTypeInfo.class);
        if (typeInfo == null) {
            throw new IllegalArgumentException(type.getName() + " has no @JsonTypeInfo naming its discriminator");
        }
        this.type = type;
        this.discriminator = typeInfo.property();
        this.reader = MAPPER.readerFor(type);
        this.writer = MAPPER.writerFor(type);
    }

    public static <T> JsonLines<T> of(Class<T> type) {
        return new JsonLines<>(type);
    }

    /** The message as one line of JSON, without the line break. */
    public String write(T message) {
        try {
            return writer.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + message + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The message a line holds; a {@link ProtocolException} that says what is wrong when it holds none. */
    public T read(String line) {
        try {
            T message = reader.readValue(line);
            if (message == null) {
                throw new ProtocolException("not a JSON object: " + line);
            }
            return message;
        } catch (InvalidTypeIdException e) {
            throw new ProtocolException(e.getTypeId() == null
                    ? "no \"" + discriminator + "\" in " + line
                    : "unknown " + discriminator + " '" + e.getTypeId() + "'");
        } catch (JsonProcessingException e) {
            throw new ProtocolException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }
}
