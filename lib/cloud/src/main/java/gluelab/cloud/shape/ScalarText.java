package gluelab.cloud.shape;

import java.math.BigDecimal;
import java.util.Base64;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;

/** Scalars from text: XML elements, query parameters, headers and path labels all carry text. */
public final class ScalarText {

    private ScalarText() {
    }

    public static Object read(String text, SdkField<?> field, String name) {
        try {
            return switch (field.marshallingType().getKnownType()) {
                case STRING -> text;
                case INTEGER -> Integer.parseInt(text.trim());
                case LONG -> Long.parseLong(text.trim());
                case SHORT -> Short.parseShort(text.trim());
                case BYTE -> Byte.parseByte(text.trim());
                case FLOAT -> Float.parseFloat(text.trim());
                case DOUBLE -> Double.parseDouble(text.trim());
                case BIG_DECIMAL -> new BigDecimal(text.trim());
                case BOOLEAN -> parseBoolean(text.trim(), name);
                case INSTANT -> TimestampFormats.parse(text.trim());
                case SDK_BYTES -> SdkBytes.fromByteArrayUnsafe(Base64.getDecoder().decode(text.trim()));
                default -> throw new ShapeReadException("'" + name + "' cannot be given as text");
            };
        } catch (NumberFormatException e) {
            throw new ShapeReadException("'" + text + "' is not a valid number for '" + name + "'");
        } catch (IllegalArgumentException e) {
            throw new ShapeReadException("'" + name + "' is not valid base64");
        }
    }

    private static Boolean parseBoolean(String text, String name) {
        if (text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new ShapeReadException("'" + text + "' is not a valid boolean for '" + name + "'");
    }
}
