package gluelab.cloud.state;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.shape.JsonShapeCodec;
import software.amazon.awssdk.core.SdkPojo;

/** Stores an SDK model object (a {@code Job}, a {@code Table}, a {@code Partition}) in its JSON wire form. */
public final class ShapeCodec<V extends SdkPojo> implements Codec<V> {

    private final Class<V> shapeClass;

    private ShapeCodec(Class<V> shapeClass) {
        this.shapeClass = shapeClass;
    }

    public static <V extends SdkPojo> ShapeCodec<V> of(Class<V> shapeClass) {
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
