package gluelab.glue.metrics;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.util.QueryExecutionListener;

/**
 * The metrics of one job run: files and rows read per source, rows written per sink. Row counts
 * come from Spark's own SQL metrics of the queries the job runs (a {@link QueryExecutionListener}
 * reads the executed plans), so counting costs no extra pass over the data.
 * <p>
 * Lines (contract in lib/README.md, "Job-run metrics"), printed to the driver's stdout:
 * <pre>
 * {"glue_lab_metric":"source","transformation_ctx":"…","files":["s3://…"],"rows":N}
 * {"glue_lab_metric":"sink","transformation_ctx":"…","path":"s3://…","rows":N}
 * {"glue_lab_metric":"run","filesRead":N,"rowsRead":N,"rowsWritten":N}
 * </pre>
 * A source's rows are the most rows any single query read from it (a job that counts a frame and
 * then writes it read its input once, not twice), each partition of a scan counted once
 * ({@link PartitionRowCounts}: a sort reads its input twice).
 */
public final class RunMetrics {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Integer, SourceRecord> sources = new LinkedHashMap<>();
    private final List<SinkRecord> sinks = new ArrayList<>();
    private final Map<String, Long> lastWriteRowsByPath = new LinkedHashMap<>();
    // Weak: a finished run's session must stay collectable (Spark removes its listener bus then).
    private final Set<SparkSession> listenedSessions = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
    private PartitionRowCounts partitionRows;
    private org.apache.spark.SparkContext listenedContext;
    private boolean finished;

    private static final class SourceRecord {
        final String transformationContext;
        final List<String> files;
        /** What a scan of this source reads ({@link PlanMetrics.Scan#inputs}): its files, or its JDBC table. */
        final Set<String> inputs;
        /** Per query that read this source, the scans of it in that query. */
        final List<List<PlanMetrics.Scan>> queries = new ArrayList<>();
        /** Rows counted by the source itself (on AWS Glue, whose reads are not file scans Spark reports); -1 if not. */
        final long countedRows;

        SourceRecord(String transformationContext, List<String> files, Set<String> inputs, long countedRows) {
            this.transformationContext = transformationContext;
            this.files = List.copyOf(files);
            this.inputs = Set.copyOf(inputs);
            this.countedRows = countedRows;
        }
    }

    private record SinkRecord(String transformationContext, String path, long rows) {
    }

    /** Starts listening to the queries of {@code session} (once per session). */
    public synchronized void listenTo(SparkSession session) {
        if (listenedSessions.add(session)) {
            session.listenerManager().register(new Listener());
        }
        if (partitionRows == null) {
            // Called on the run's thread (GlueContext's constructor), which carries the run's job group.
            listenedContext = session.sparkContext();
            partitionRows = PartitionRowCounts.attachForCallingThread(listenedContext);
        }
    }

    /** Records a source and the files it reads; returns its id. */
    public synchronized int registerSource(String transformationContext, List<String> files) {
        return registerSource(transformationContext, files, -1);
    }

    /** Records a source whose rows it counted itself ({@code rows}), and the files it read; returns its id. */
    public synchronized int registerSource(String transformationContext, List<String> files, long rows) {
        return register(new SourceRecord(transformationContext, files, new HashSet<>(files), rows));
    }

    /** Records a source that reads the JDBC table {@code dbtable} at {@code url} (no files); returns its id. */
    public synchronized int registerJdbcSource(String transformationContext, String url, String dbtable) {
        return register(new SourceRecord(transformationContext, List.of(), Set.of(PlanMetrics.jdbcTable(url, dbtable)), -1));
    }

    private int register(SourceRecord source) {
        int id = sources.size();
        sources.put(id, source);
        return id;
    }

    /**
     * Records a finished write to {@code qualifiedPath} and prints its sink line. Waits for Spark to
     * deliver the write's query event first.
     */
    public void recordSink(SparkSession session, String transformationContext, String qualifiedPath, PrintStream out) {
        awaitQueryEvents(session);
        long rows;
        synchronized (this) {
            rows = lastWriteRowsByPath.getOrDefault(qualifiedPath, 0L);
            sinks.add(new SinkRecord(transformationContext, qualifiedPath, rows));
        }
        ObjectNode line = JSON.createObjectNode();
        line.put("glue_lab_metric", "sink");
        line.put("transformation_ctx", transformationContext == null ? "" : transformationContext);
        line.put("path", qualifiedPath);
        line.put("rows", rows);
        out.println(text(line));
    }

    /** Prints the source lines and the run line, once. */
    public void finish(SparkSession session, PrintStream out) {
        if (session != null) {
            awaitQueryEvents(session);
        }
        List<String> lines = new ArrayList<>();
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
            if (listenedContext != null) {
                partitionRows.detach(listenedContext);
            }
            Set<String> filesRead = new LinkedHashSet<>();
            long rowsRead = 0;
            for (SourceRecord source : sources.values()) {
                long rows = rowsRead(source);
                ObjectNode line = JSON.createObjectNode();
                line.put("glue_lab_metric", "source");
                line.put("transformation_ctx", source.transformationContext == null ? "" : source.transformationContext);
                source.files.forEach(line.putArray("files")::add);
                line.put("rows", rows);
                lines.add(text(line));
                filesRead.addAll(source.files);
                rowsRead += rows;
            }
            ObjectNode run = JSON.createObjectNode();
            run.put("glue_lab_metric", "run");
            run.put("filesRead", filesRead.size());
            run.put("rowsRead", rowsRead);
            run.put("rowsWritten", sinks.stream().mapToLong(SinkRecord::rows).sum());
            lines.add(text(run));
        }
        lines.forEach(out::println);
    }

    private static void awaitQueryEvents(SparkSession session) {
        try {
            session.sparkContext().listenerBus().waitUntilEmpty(30_000);
        } catch (TimeoutException e) {
            System.err.println("[glue-runtime] metrics: Spark's listener bus did not drain in 30 s; counts may be short");
        }
    }

    private synchronized void onQuery(QueryExecution qe) {
        PlanMetrics plan = PlanMetrics.of(qe.executedPlan());
        Map<Integer, List<PlanMetrics.Scan>> scansBySource = new LinkedHashMap<>();
        for (PlanMetrics.Scan scan : plan.scans()) {
            for (Map.Entry<Integer, SourceRecord> source : sources.entrySet()) {
                if (source.getValue().inputs.containsAll(scan.inputs())) {
                    scansBySource.computeIfAbsent(source.getKey(), id -> new ArrayList<>()).add(scan);
                    break;
                }
            }
        }
        scansBySource.forEach((id, scans) -> sources.get(id).queries.add(scans));
        plan.writes().forEach(write -> lastWriteRowsByPath.put(write.path(), write.rows()));
    }

    /** The most rows one query read from the source: its scans' rows, each partition counted once. */
    private long rowsRead(SourceRecord source) {
        long most = Math.max(0, source.countedRows);
        for (List<PlanMetrics.Scan> scans : source.queries) {
            long rows = 0;
            for (PlanMetrics.Scan scan : scans) {
                rows += partitionRows == null ? scan.rows() : partitionRows.rows(scan.rowsMetricId()).orElse(scan.rows());
            }
            most = Math.max(most, rows);
        }
        return most;
    }

    private static String text(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private final class Listener implements QueryExecutionListener {
        @Override
        public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
            onQuery(qe);
        }

        @Override
        public void onFailure(String funcName, QueryExecution qe, Exception exception) {
            // A failed query may still have read input; what it did read counts.
            try {
                onQuery(qe);
            } catch (RuntimeException planUnavailable) {
                // the plan never got executed
            }
        }
    }
}
