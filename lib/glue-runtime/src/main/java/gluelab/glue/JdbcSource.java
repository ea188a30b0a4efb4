package gluelab.glue;

import gluelab.glue.jdbc.JdbcTable;

/** A JDBC source ({@code getSource("postgresql", …)}, or a JDBC-crawled catalog table): reads the table as the run. */
final class JdbcSource implements DataSource {

    private final GlueContext glueContext;
    private final JdbcTable table;
    private final String transformationContext;

    JdbcSource(GlueContext glueContext, JdbcTable table, String transformationContext) {
        this.glueContext = glueContext;
        this.table = table;
        this.transformationContext = transformationContext;
    }

    @Override
    public DynamicFrame getDynamicFrame() {
        glueContext.run().metrics().registerJdbcSource(transformationContext, table.url(), table.dbtable());
        return new DynamicFrame(table.read(glueContext.getSparkSession()), glueContext, transformationContext);
    }
}
