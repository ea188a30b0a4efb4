package gluelab.cloud.services.glue.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.protocol.JsonShapeCodec;
import gluelab.cloud.state.Codec;
import software.amazon.awssdk.core.SdkPojo;

/** Stores an SDK model object (a {@code Table}, a {@code Partition}) in its JSON wire form. */
final class ShapeCodec<V extends SdkPojo> implements Codec<V> {

    private final Class<V> shapeClass;

    private ShapeCodec(Class<V> shapeClass) {
        this.shapeClass = shapeClass;
    }

    static <V extends SdkPojo> ShapeCodec<V> of(Class<V> shapeClass) {
        return new ShapeCodec<>(shapeClass);
    }

    @Override
    public JsonNode encode(V value) {
        return JsonShapeCodec.write(value);
    }

    @Override
    public V decode(JsonNode json) {
        return JsonShapeCodec.read(json, shapeClass);
    }
}
