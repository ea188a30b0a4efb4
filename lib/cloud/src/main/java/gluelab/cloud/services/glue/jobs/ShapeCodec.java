package gluelab.cloud.services.glue.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.protocol.JsonShapeCodec;
import gluelab.cloud.state.Codec;
import software.amazon.awssdk.core.SdkPojo;

/** Stores an SDK model object (a {@code Job}, a {@code Trigger}) in its wire form. */
final class ShapeCodec<T extends SdkPojo> implements Codec<T> {

    private final Class<T> type;

    private ShapeCodec(Class<T> type) {
        this.type = type;
    }

    static <T extends SdkPojo> ShapeCodec<T> of(Class<T> type) {
        return new ShapeCodec<>(type);
    }

    @Override
    public JsonNode encode(T value) {
        return JsonShapeCodec.write(value);
    }

    @Override
    public T decode(JsonNode json) {
        return JsonShapeCodec.read(json, type);
    }

    /**
     * Copies the members two shapes share by name, e.g. a {@code CreateJobRequest} or {@code JobUpdate}
     * into a {@code Job}: Glue's request shapes repeat the definition's member names.
     */
    static <T> T convert(SdkPojo from, Class<T> to) {
        return JsonShapeCodec.read(JsonShapeCodec.write(from), to);
    }
}
