package gluelab.glue;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Glue's Relationalize: flattens nested records into flat tables a relational database can hold. The root frame
 * keeps one row per record, its structs flattened into columns named by their path ({@code customer.name}); every
 * array becomes a frame of its own, {@code <root>_<path>}, with one row per element: {@code id} (the value the
 * root row holds in the array's column), {@code index} (the element's position) and the element's value in
 * {@code <path>.val}, or its fields in {@code <path>.val.<field>}. Arrays inside elements are pulled out the same
 * way, from their own frame.
 */
final class Relationalize {

    private static final String ROW_ID = "__gluelab_row_id";

    private Relationalize() {
    }

    static List<DynamicFrame> apply(DynamicFrame frame, String rootTableName) {
        List<DynamicFrame> frames = new ArrayList<>();
        split(frame.toDF(), rootTableName, frame.glueContext(), frames);
        return frames;
    }

    /** Adds {@code name}'s frame, then the frames of its arrays, to {@code frames}. */
    private static void split(Dataset<Row> records, String name, GlueContext glueContext, List<DynamicFrame> frames) {
        Dataset<Row> flat = flatten(records);
        List<String> arrays = new ArrayList<>();
        for (StructField field : flat.schema().fields()) {
            if (field.dataType() instanceof ArrayType) {
                arrays.add(field.name());
            }
        }
        if (arrays.isEmpty()) {
            frames.add(DynamicFrame.fromDF(flat, glueContext, name));
            return;
        }
        // One id per row, fixed once: the root and the array frames must agree on it, however often they are read.
        Dataset<Row> numbered = flat.withColumn(ROW_ID, row_number().over(Window.orderBy(monotonically_increasing_id()))
                .cast(DataTypes.LongType)).localCheckpoint(true);
        List<Column> root = new ArrayList<>();
        for (StructField field : flat.schema().fields()) {
            Column value = col(quote(field.name()));
            root.add(arrays.contains(field.name())
                    ? when(value.isNull(), lit(null).cast(DataTypes.LongType)).otherwise(col(ROW_ID)).as(field.name())
                    : value);
        }
        frames.add(DynamicFrame.fromDF(numbered.select(root.toArray(Column[]::new)), glueContext, name));
        for (String array : arrays) {
            Dataset<Row> elements = numbered.select(col(ROW_ID).as("id"), posexplode(col(quote(array))).as(new String[] {"index", "val"}));
            Dataset<Row> named = elements.select(col("id"), col("index"), col("val").as(array + ".val"));
            split(named, name + "_" + array.replace('.', '_'), glueContext, frames);
        }
    }

    /** Every struct flattened into columns named by their path; arrays and scalars stay as they are. */
    private static Dataset<Row> flatten(Dataset<Row> records) {
        List<Column> columns = new ArrayList<>();
        for (StructField field : records.schema().fields()) {
            collect(columns, quote(field.name()), field.name(), field);
        }
        return records.select(columns.toArray(Column[]::new));
    }

    private static void collect(List<Column> columns, String reference, String path, StructField field) {
        if (field.dataType() instanceof StructType struct) {
            for (StructField child : struct.fields()) {
                collect(columns, reference + "." + quote(child.name()), path + "." + child.name(), child);
            }
        } else {
            columns.add(col(reference).as(path));
        }
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
