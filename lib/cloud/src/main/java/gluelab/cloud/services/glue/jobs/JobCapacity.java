package gluelab.cloud.services.glue.jobs;

import gluelab.cloud.services.glue.GlueErrors;
import java.util.Arrays;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.glue.model.WorkerType;

/**
 * How much a job or run asks for: either Max Capacity (DPUs; AllocatedCapacity is its deprecated
 * integer form) or a Worker Type and Number of Workers, never both, with AWS's defaults. Lab Cloud runs
 * every job on one local Spark; the numbers are recorded and shown, as AWS shows them.
 */
record JobCapacity(Double maxCapacity, WorkerType workerType, Integer numberOfWorkers, Integer allocatedCapacity) {

    static final double PYTHON_SHELL_DEFAULT_DPU = 0.0625;
    static final double SPARK_DEFAULT_DPU = 10.0;

    static boolean isRequested(Integer allocated, Double maxCapacity, String workerType, Integer workers) {
        return allocated != null || maxCapacity != null || workerType != null || workers != null;
    }

    /**
     * Checks and completes a capacity request the way CreateJob, UpdateJob and StartJobRun do.
     *
     * @param commandName glueetl, gluestreaming, pythonshell or glueray
     */
    static JobCapacity resolve(String commandName, Integer allocated, Double maxCapacity, String workerTypeName,
                               Integer workers) {
        WorkerType workerType = null;
        if (workerTypeName != null) {
            workerType = WorkerType.fromValue(workerTypeName);
            if (workerType == WorkerType.UNKNOWN_TO_SDK_VERSION) {
                throw GlueErrors.validation("workerType", workerTypeName, "Member must satisfy enum value set: "
                        + Arrays.stream(WorkerType.values()).filter(w -> w != WorkerType.UNKNOWN_TO_SDK_VERSION)
                        .map(WorkerType::toString).collect(Collectors.joining(", ", "[", "]")));
            }
        }
        if ((workerType == null) != (workers == null)) {
            throw GlueErrors.invalidInput("Worker Type and Number of Workers must be set together.");
        }
        if (workerType != null && (maxCapacity != null || allocated != null)) {
            throw GlueErrors.invalidInput("Please do not set Max Capacity if using Worker Type and Number of Workers.");
        }
        if (allocated != null && maxCapacity != null) {
            throw GlueErrors.invalidInput("Please set only Allocated Capacity or Max Capacity.");
        }
        boolean pythonShell = "pythonshell".equals(commandName);
        if (pythonShell) {
            if (workerType != null) {
                throw GlueErrors.invalidInput("Worker Type is not supported for Python shell jobs; use Max Capacity.");
            }
            double dpu = maxCapacity != null ? maxCapacity : allocated != null ? allocated : PYTHON_SHELL_DEFAULT_DPU;
            if (dpu != PYTHON_SHELL_DEFAULT_DPU && dpu != 1.0) {
                throw GlueErrors.invalidInput("Max Capacity of a Python shell job must be 0.0625 or 1.0.");
            }
            return new JobCapacity(dpu, null, null, 0);
        }
        if (workerType != null) {
            if (workers < 1) {
                throw GlueErrors.invalidInput("Number of Workers must be at least 1.");
            }
            double dpu = workers * dpuPerWorker(workerType);
            return new JobCapacity(dpu, workerType, workers, (int) Math.round(dpu));
        }
        double dpu = maxCapacity != null ? maxCapacity : allocated != null ? allocated : SPARK_DEFAULT_DPU;
        if (dpu < 2 || dpu > 100) {
            throw GlueErrors.invalidInput("Max Capacity of a Spark job must be between 2 and 100 DPUs.");
        }
        return new JobCapacity(dpu, null, null, (int) Math.round(dpu));
    }

    private static double dpuPerWorker(WorkerType type) {
        return switch (type) {
            case G_025_X -> 0.25;
            case G_2_X, Z_2_X, R_2_X -> 2;
            case G_4_X, R_4_X -> 4;
            case G_8_X, R_8_X -> 8;
            case G_12_X -> 12;
            case G_16_X -> 16;
            default -> 1;
        };
    }
}
