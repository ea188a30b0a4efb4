package gluelab.glue.metrics;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.SparkContext;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

import scala.collection.JavaConverters;

/**
 * The rows each plan node produced, per partition, from the run's finished tasks. A scan's own metric sums
 * every execution of it, and one query may execute a scan twice: a sort first samples its whole input to
 * choose its ranges, then reads it again. Per partition the same rows come out each time, so the rows a scan
 * read are the sum over partitions of the most any one task produced there.
 */
final class PartitionRowCounts extends SparkListener {

    private static final String OUTPUT_ROWS = "number of output rows";
    /** The local property {@code SparkContext.setJobGroup} sets (Spark's own constant is private to Spark). */
    private static final String JOB_GROUP = "spark.jobGroup.id";

    private final String jobGroup;
    private final Set<Integer> stages = ConcurrentHashMap.newKeySet();
    private final Map<Long, Map<Integer, Long>> rowsByMetric = new ConcurrentHashMap<>();

    /** @param jobGroup the run's Spark job group, whose jobs alone count; null counts every job (a local run) */
    private PartitionRowCounts(String jobGroup) {
        this.jobGroup = jobGroup;
    }

    /**
     * Counts the jobs of the calling thread's job group (the worker sets the run's on the run thread), or every
     * job when it has none, as in a plain local run; registered with {@code context} until {@link #detach}.
     */
    static PartitionRowCounts attachForCallingThread(SparkContext context) {
        PartitionRowCounts counts = new PartitionRowCounts(context.getLocalProperty(JOB_GROUP));
        context.addSparkListener(counts);
        return counts;
    }

    void detach(SparkContext context) {
        context.removeSparkListener(this);
    }

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        String group = jobStart.properties() == null ? null : jobStart.properties().getProperty(JOB_GROUP);
        if (jobGroup == null || jobGroup.equals(group)) {
            for (Object stage : JavaConverters.seqAsJavaList(jobStart.stageIds())) {
                stages.add((Integer) stage);
            }
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        if (!stages.contains(taskEnd.stageId()) || taskEnd.reason() != Success$.MODULE$ || taskEnd.taskInfo() == null) {
            return;
        }
        int partition = taskEnd.taskInfo().partitionId();
        for (AccumulableInfo metric : JavaConverters.seqAsJavaList(taskEnd.taskInfo().accumulables())) {
            if (metric.name().isDefined() && OUTPUT_ROWS.equals(metric.name().get()) && metric.update().isDefined()
                    && metric.update().get() instanceof Long rows) {
                rowsByMetric.computeIfAbsent(metric.id(), id -> new ConcurrentHashMap<>()).merge(partition, rows, Math::max);
            }
        }
    }

    /** The rows the node with this output-rows metric produced, once per partition; empty if no task reported it. */
    OptionalLong rows(long metricId) {
        Map<Integer, Long> partitions = rowsByMetric.get(metricId);
        return partitions == null ? OptionalLong.empty()
                : OptionalLong.of(partitions.values().stream().mapToLong(Long::longValue).sum());
    }
}
