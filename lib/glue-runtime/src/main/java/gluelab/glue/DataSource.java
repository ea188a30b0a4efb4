package gluelab.glue;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A Glue data source; {@link #getDynamicFrame()} reads it, {@link #getDataFrame()} reads it as a Spark DataFrame. */
public interface DataSource {

    DynamicFrame getDynamicFrame();

    /**
     * The source as a Spark DataFrame, as Glue's {@code DataSource.getDataFrame()}: for most sources the
     * DynamicFrame's data; a catalog source reads its table with the types the catalog declares.
     */
    default Dataset<Row> getDataFrame() {
        return getDynamicFrame().toDF();
    }
}
