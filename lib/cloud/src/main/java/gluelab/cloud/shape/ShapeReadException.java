package gluelab.cloud.shape;

/** Input that does not fit the shape it should fill: wrong type, bad number, bad date, bad base64. */
public final class ShapeReadException extends RuntimeException {
    public ShapeReadException(String message) {
        super(message, null, false, false);
    }
}
