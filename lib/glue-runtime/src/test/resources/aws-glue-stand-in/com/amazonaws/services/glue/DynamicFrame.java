package com.amazonaws.services.glue;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Stand-in for Glue's DynamicFrame: {@code def toDF(specs: Seq[ResolveSpec] = Seq.empty): DataFrame}. */
public class DynamicFrame {

    private final Dataset<Row> records;

    DynamicFrame(Dataset<Row> records) {
        this.records = records;
    }

    public Dataset<Row> toDF(scala.collection.Seq<ResolveSpec> specs) {
        StandIn.CALLS.add("toDF " + specs.size() + " specs");
        return records;
    }

    public scala.collection.Seq<ResolveSpec> toDF$default$1() {
        return scala.collection.JavaConverters.asScalaBuffer(new java.util.ArrayList<ResolveSpec>()).toList();
    }
}
