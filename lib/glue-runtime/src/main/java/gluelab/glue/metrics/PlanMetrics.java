package gluelab.glue.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.execution.FileSourceScanExec;
import org.apache.spark.sql.execution.RowDataSourceScanExec;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.adaptive.QueryStageExec;
import org.apache.spark.sql.execution.columnar.InMemoryTableScanExec;
import org.apache.spark.sql.execution.command.DataWritingCommandExec;
import org.apache.spark.sql.execution.datasources.InsertIntoHadoopFsRelationCommand;
import org.apache.spark.sql.execution.datasources.jdbc.JDBCRelation;
import org.apache.spark.sql.execution.exchange.ReusedExchangeExec;
import org.apache.spark.sql.execution.metric.SQLMetric;

import scala.collection.JavaConverters;

/** The file and JDBC scans and the file writes of one executed plan, with Spark's row metrics. */
record PlanMetrics(List<Scan> scans, List<Write> writes) {

    /**
     * @param inputs       what the scan read: a file scan's files, or the one table of a JDBC scan ({@link #jdbcTable})
     * @param rowsMetricId the id of the scan's output-rows metric, whose per-task values {@link PartitionRowCounts} keeps
     */
    record Scan(List<String> inputs, long rows, long rowsMetricId) {
    }

    /** How a JDBC table is named among a scan's inputs: the JDBC URL (which holds no password) and the dbtable. */
    static String jdbcTable(String url, String dbtable) {
        return url + " " + dbtable;
    }

    record Write(String path, long rows) {
    }

    static PlanMetrics of(SparkPlan plan) {
        PlanMetrics metrics = new PlanMetrics(new ArrayList<>(), new ArrayList<>());
        metrics.walk(plan);
        return metrics;
    }

    private static Scan scan(List<String> inputs, scala.Option<SQLMetric> rows) {
        return new Scan(inputs, rows.isDefined() ? rows.get().value() : 0L, rows.isDefined() ? rows.get().id() : -1L);
    }

    private void walk(SparkPlan plan) {
        if (plan instanceof FileSourceScanExec scan) {
            List<String> files = Arrays.stream(scan.relation().location().inputFiles()).map(PlanMetrics::normalize).toList();
            scans.add(scan(files, scan.metrics().get("numOutputRows")));
        } else if (plan instanceof RowDataSourceScanExec scan && scan.relation() instanceof JDBCRelation jdbc) {
            String table = jdbcTable(jdbc.jdbcOptions().url(), jdbc.jdbcOptions().tableOrQuery());
            scans.add(scan(List.of(table), scan.metrics().get("numOutputRows")));
        } else if (plan instanceof DataWritingCommandExec write
                && write.cmd() instanceof InsertIntoHadoopFsRelationCommand insert) {
            writes.add(new Write(normalize(insert.outputPath().toString()), value(insert.metrics(), "numOutputRows")));
        }
        if (plan instanceof AdaptiveSparkPlanExec adaptive) {
            walk(adaptive.executedPlan());
        } else if (plan instanceof QueryStageExec stage) {
            walk(stage.plan());
        } else if (plan instanceof InMemoryTableScanExec cached) {
            walk(cached.relation().cachedPlan());
        } else if (plan instanceof ReusedExchangeExec) {
            return; // the exchange it reuses is walked where it first appears
        }
        for (SparkPlan child : JavaConverters.seqAsJavaList(plan.children())) {
            walk(child);
        }
        for (SparkPlan subquery : JavaConverters.seqAsJavaList(plan.subqueries())) {
            walk(subquery);
        }
    }

    /** A path as Hadoop's {@code Path.toString()} writes it ({@code file:/tmp/x}, not {@code file:///tmp/x}; not URL-encoded). */
    static String normalize(String path) {
        try {
            return new org.apache.hadoop.fs.Path(new java.net.URI(path)).toString();
        } catch (java.net.URISyntaxException | IllegalArgumentException notAUri) {
            return path;
        }
    }

    private static long value(scala.collection.immutable.Map<String, SQLMetric> metrics, String name) {
        scala.Option<SQLMetric> metric = metrics.get(name);
        return metric.isDefined() ? metric.get().value() : 0L;
    }
}
