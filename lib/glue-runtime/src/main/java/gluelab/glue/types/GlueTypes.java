package gluelab.glue.types;

import java.util.Locale;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;

/** Glue's type names (as a DynamicFrame's {@code printSchema} and ApplyMapping write them) and Spark's types. */
public final class GlueTypes {

    private GlueTypes() {
    }

    /** Glue's type names (string, int, long, double, decimal(p,s), date, timestamp, …) as Spark types. */
    public static DataType parse(String type) {
        String t = type.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "long" -> DataTypes.LongType;
            case "integer" -> DataTypes.IntegerType;
            case "short" -> DataTypes.ShortType;
            case "byte" -> DataTypes.ByteType;
            case "decimal" -> DataTypes.createDecimalType(10, 2);
            default -> DataType.fromDDL(t);
        };
    }

    /** The name Glue gives {@code type}: {@code long} for Spark's bigint, {@code int}, {@code double}, {@code struct} … */
    public static String nameOf(DataType type) {
        if (type instanceof LongType) {
            return "long";
        }
        if (type instanceof IntegerType) {
            return "int";
        }
        if (type instanceof ShortType) {
            return "short";
        }
        if (type instanceof ByteType) {
            return "byte";
        }
        if (type instanceof DoubleType) {
            return "double";
        }
        if (type instanceof FloatType) {
            return "float";
        }
        if (type instanceof DecimalType) {
            return "decimal";
        }
        if (type instanceof StringType) {
            return "string";
        }
        if (type instanceof BooleanType) {
            return "boolean";
        }
        if (type instanceof DateType) {
            return "date";
        }
        if (type instanceof TimestampType) {
            return "timestamp";
        }
        if (type instanceof BinaryType) {
            return "binary";
        }
        if (type instanceof StructType) {
            return "struct";
        }
        if (type instanceof ArrayType) {
            return "array";
        }
        if (type instanceof MapType) {
            return "map";
        }
        return type.simpleString();
    }

    /** Whether {@code name} is one of Glue's scalar type names. */
    public static boolean isScalarName(String name) {
        return switch (name) {
            case "long", "int", "short", "byte", "double", "float", "decimal", "string", "boolean", "date",
                 "timestamp", "binary" -> true;
            default -> false;
        };
    }
}
