package gluelab.glue;

/** A Glue data source; {@link #getDynamicFrame()} reads it. */
public interface DataSource {

    DynamicFrame getDynamicFrame();
}
