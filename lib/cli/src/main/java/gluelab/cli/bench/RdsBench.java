package gluelab.cli.bench;

import gluelab.cloud.LabCloud;
import gluelab.cloud.LabCloudConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * RDS through SDK v2, in memory and with a state directory: CreateDBInstance until DescribeDBInstances says
 * {@code available} (a real PostgreSQL cluster made, started and given its master user and database; goal ≤ 3 s),
 * and ModifyDBInstance's master password until {@code available} again. The binaries are unpacked before the first
 * measurement, once per machine.
 */
final class RdsBench implements Benchmark {

    private static final int INSTANCES = 5;
    private static final long POLL_MILLIS = 10;

    @Override
    public String name() {
        return "rds";
    }

    @Override
    public String description() {
        return "RDS: CreateDBInstance to available, and a master password change to available";
    }

    @Override
    public void run(Path home, BenchReport report) throws Exception {
        measure(null, "in memory", report);
        measure(BenchClouds.stateDirectory(home, "rds"), "with --state-dir", report);
    }

    private static void measure(Path stateDir, String label, BenchReport report) throws InterruptedException {
        try (LabCloud cloud = BenchClouds.start(stateDir, LabCloudConfig.GlueWorkerMode.OFF);
             RdsClient rds = BenchClouds.client(cloud, RdsClient.builder())) {
            create(rds, "warm-up");
            List<Double> creates = new ArrayList<>();
            List<Double> passwords = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                String id = "bench-" + i;
                creates.add(create(rds, id));
                long began = System.nanoTime();
                rds.modifyDBInstance(r -> r.dbInstanceIdentifier(id).masterUserPassword("second-Pass2")
                        .applyImmediately(true));
                awaitAvailable(rds, id);
                passwords.add((System.nanoTime() - began) / 1e6);
                rds.deleteDBInstance(r -> r.dbInstanceIdentifier(id).skipFinalSnapshot(true));
            }
            rds.deleteDBInstance(r -> r.dbInstanceIdentifier("warm-up").skipFinalSnapshot(true));
            report.add(Measurement.of("RDS CreateDBInstance to available, PostgreSQL (" + label + ")", "ms", creates));
            report.add(Measurement.of("RDS ModifyDBInstance MasterUserPassword to available (" + label + ")", "ms",
                    passwords));
        }
    }

    private static double create(RdsClient rds, String id) throws InterruptedException {
        long began = System.nanoTime();
        rds.createDBInstance(r -> r.dbInstanceIdentifier(id).engine("postgres").dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("bench").masterUserPassword("first-Pass1").dbName("bench"));
        awaitAvailable(rds, id);
        return (System.nanoTime() - began) / 1e6;
    }

    private static void awaitAvailable(RdsClient rds, String id) throws InterruptedException {
        while (true) {
            String status = rds.describeDBInstances(r -> r.dbInstanceIdentifier(id)).dbInstances().get(0)
                    .dbInstanceStatus();
            if (status.equals("available")) {
                return;
            }
            if (status.equals("failed")) {
                throw new IllegalStateException("DB instance " + id + " failed");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
