package gluelab.lab;

import gluelab.lab.display.MimeBundle;
import gluelab.lab.display.Renderable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.model.Job;

/**
 * A Glue job's definition as {@code GetJob} returns it, as one table: what runs (Glue version, command, class,
 * jars), on what (worker type, number of workers, DPU), as whom (role), and its default arguments.
 * <pre>
 * JobView.of(glue.getJob(r -> r.jobName(job)).job())   // or lab.describeJob(job)
 * </pre>
 */
public final class JobView implements Renderable {

    private final Job job;

    private JobView(Job job) {
        this.job = job;
    }

    public static JobView of(Job job) {
        return new JobView(job);
    }

    public Job job() {
        return job;
    }

    /** The DPU a run of the job gets: one per G.1X worker, two per G.2X …; AWS's default is 10 when no workers are set. */
    public double dpu() {
        if (job.workerTypeAsString() == null || job.numberOfWorkers() == null) {
            return job.maxCapacity() == null ? 10 : job.maxCapacity();
        }
        double perWorker = switch (job.workerTypeAsString()) {
            case "G.025X" -> 0.25;
            case "G.2X" -> 2;
            case "G.4X" -> 4;
            case "G.8X" -> 8;
            default -> 1;
        };
        return perWorker * job.numberOfWorkers();
    }

    public DataTable table() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("Name", job.name());
        properties.put("GlueVersion", job.glueVersion());
        properties.put("Command", job.command() == null ? null : job.command().name() + " " + job.command().scriptLocation());
        properties.put("WorkerType × NumberOfWorkers", job.workerTypeAsString() == null ? "not set: AWS's default of 10 DPU"
                : job.workerTypeAsString() + " × " + job.numberOfWorkers() + " = " + formatDpu(dpu()) + " DPU");
        properties.put("Role", job.role());
        job.defaultArguments().forEach(properties::put);
        List<List<Object>> rows = new ArrayList<>();
        properties.forEach((name, value) -> rows.add(java.util.Arrays.asList(name, value == null ? null : String.valueOf(value))));
        return DataTable.of(List.of(new Column("property", ColumnType.STRING), new Column("value", ColumnType.STRING)), rows)
                .from("GetJob " + job.name());
    }

    private static String formatDpu(double dpu) {
        return dpu == Math.rint(dpu) ? String.valueOf((long) dpu) : String.valueOf(dpu);
    }

    @Override
    public MimeBundle toMimeBundle() {
        return table().toMimeBundle();
    }

    @Override
    public String toString() {
        return table().toString();
    }
}
