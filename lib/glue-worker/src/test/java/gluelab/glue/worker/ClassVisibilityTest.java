package gluelab.glue.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gluelab.glue.worker.harness.JobJars;
import gluelab.glue.worker.harness.RunResult;
import gluelab.glue.worker.harness.RunSpec;
import gluelab.glue.worker.harness.TestJobs;
import gluelab.glue.worker.harness.WorkerProcess;

class ClassVisibilityTest {

    @TempDir
    static Path work;
    static WorkerProcess worker;

    @BeforeAll
    static void setUp() {
        worker = WorkerProcess.shared();
    }

    /** A job whose lambdas, UDF and bean class all need the job's own classes inside Spark tasks. */
    static String lambdaJob(String greeting) {
        return """
                package jobs;

                import java.util.List;
                import org.apache.spark.api.java.function.FilterFunction;
                import org.apache.spark.api.java.function.MapFunction;
                import org.apache.spark.sql.Dataset;
                import org.apache.spark.sql.Encoders;
                import org.apache.spark.sql.SparkSession;
                import org.apache.spark.sql.api.java.UDF1;
                import org.apache.spark.sql.types.DataTypes;

                public class Lambdas {
                    public static void main(String[] args) {
                        SparkSession spark = SparkSession.active();
                        spark.udf().register("greet", (UDF1<String, String>) name -> Greeting.TEXT + " " + name, DataTypes.StringType);
                        Dataset<String> names = spark.createDataset(List.of("ann", "bob", "cy", "dora"), Encoders.STRING())
                                .repartition(2)
                                .filter((FilterFunction<String>) n -> n.length() > 2)
                                .map((MapFunction<String, String>) n -> n.toUpperCase() + Greeting.SUFFIX, Encoders.STRING());
                        List<String> mapped = names.collectAsList().stream().sorted().toList();
                        System.out.println("mapped " + mapped);
                        List<String> greeted = names.toDF("name").selectExpr("greet(name) AS g").as(Encoders.STRING())
                                .collectAsList().stream().sorted().toList();
                        System.out.println("greeted " + greeted);
                        Dataset<Person> people = spark.createDataset(List.of(new Person("ann", 31), new Person("bob", 42)), Encoders.bean(Person.class))
                                .map((MapFunction<Person, Person>) p -> new Person(p.getName() + Greeting.SUFFIX, p.getAge() + 1), Encoders.bean(Person.class));
                        System.out.println("people " + people.collectAsList().stream().map(Person::toString).sorted().toList());
                    }
                }
                """.replace("Greeting.TEXT", "\"" + greeting + "\"");
    }

    static final String GREETING = """
            package jobs;
            public class Greeting {
                public static final String SUFFIX = "!";
            }
            """;

    static final String PERSON = """
            package jobs;
            public class Person implements java.io.Serializable {
                private String name;
                private int age;
                public Person() { }
                public Person(String name, int age) { this.name = name; this.age = age; }
                public String getName() { return name; }
                public void setName(String name) { this.name = name; }
                public int getAge() { return age; }
                public void setAge(int age) { this.age = age; }
                @Override public String toString() { return name + "/" + age; }
            }
            """;

    @Test
    void javaLambdasAUdfAndABeanEncoderRunInsideSparkTasks() {
        Path jar = JobJars.compile(work, "lambdas.jar", TestJobs.sources("jobs.Lambdas", lambdaJob("hello"),
                "jobs.Greeting", GREETING, "jobs.Person", PERSON));

        RunResult run = worker.run(RunSpec.of("jobs.Lambdas", jar), Duration.ofMinutes(2));

        assertEquals("SUCCEEDED", run.state(), run::describe);
        assertEquals(List.of("mapped [ANN!, BOB!, DORA!]", "greeted [hello ANN!, hello BOB!, hello DORA!]",
                "people [ann!/32, bob!/43]"), run.output().stream().filter(l -> !l.startsWith("{")).toList());
    }

    @Test
    void runsWithDifferentVersionsOfTheSameClassesEachSeeTheirOwn() {
        Path v1 = JobJars.compile(work, "v1.jar", TestJobs.sources("jobs.Lambdas", lambdaJob("v1"),
                "jobs.Greeting", GREETING, "jobs.Person", PERSON));
        Path v2 = JobJars.compile(work, "v2.jar", TestJobs.sources("jobs.Lambdas", lambdaJob("v2"),
                "jobs.Greeting", GREETING.replace("\"!\"", "\"?\""), "jobs.Person", PERSON));

        RunResult first = worker.run(RunSpec.of("jobs.Lambdas", v1), Duration.ofMinutes(2));
        RunResult second = worker.run(RunSpec.of("jobs.Lambdas", v2), Duration.ofMinutes(2));

        assertEquals("SUCCEEDED", first.state(), first::describe);
        assertEquals("SUCCEEDED", second.state(), second::describe);
        assertTrue(first.output().contains("greeted [v1 ANN!, v1 BOB!, v1 DORA!]"), first::describe);
        assertTrue(second.output().contains("greeted [v2 ANN?, v2 BOB?, v2 DORA?]"), second::describe);
        assertTrue(second.output().contains("people [ann?/32, bob?/43]"), second::describe);
    }

    static final String OWN_THREADS = """
            package jobs;

            import java.util.List;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import java.util.concurrent.Future;
            import org.apache.spark.api.java.function.MapFunction;
            import org.apache.spark.sql.Encoders;
            import org.apache.spark.sql.SparkSession;

            public class OwnThreads {
                public static void main(String[] args) throws Exception {
                    SparkSession spark = SparkSession.active();
                    ExecutorService pool = Executors.newFixedThreadPool(2);
                    Future<List<Integer>> a = pool.submit(() -> spark.createDataset(List.of(1, 2), Encoders.INT())
                            .map((MapFunction<Integer, Integer>) i -> i * Factor.VALUE, Encoders.INT()).collectAsList());
                    Future<List<Integer>> b = pool.submit(() -> spark.createDataset(List.of(3), Encoders.INT())
                            .map((MapFunction<Integer, Integer>) i -> i * Factor.VALUE * 10, Encoders.INT()).collectAsList());
                    System.out.println("from the job's own threads " + a.get() + " " + b.get());
                    pool.shutdown();
                }
            }
            """;

    @Test
    void lambdasSubmittedFromTheJobsOwnThreadsRunWithTheRunsOwnClasses() {
        String factorClass = "package jobs; public class Factor { public static final int VALUE = Integer.parseInt(\"%d\"); }";
        Path tens = JobJars.compile(work, "own-threads-10.jar", TestJobs.sources("jobs.OwnThreads", OWN_THREADS,
                "jobs.Factor", factorClass.formatted(10)));
        Path thousands = JobJars.compile(work, "own-threads-1000.jar", TestJobs.sources("jobs.OwnThreads", OWN_THREADS,
                "jobs.Factor", factorClass.formatted(1000)));

        RunResult first = worker.run(RunSpec.of("jobs.OwnThreads", tens), Duration.ofMinutes(1));
        RunResult second = worker.run(RunSpec.of("jobs.OwnThreads", thousands), Duration.ofMinutes(1));

        assertEquals(List.of("from the job's own threads [10, 20] [300]"), withoutMetrics(first), first::describe);
        assertEquals(List.of("from the job's own threads [1000, 2000] [30000]"), withoutMetrics(second), second::describe);
    }

    static final String WHICH_COPY = """
            package jobs;
            public class WhichCopy {
                public static void main(String[] args) {
                    System.out.println("StringUtils from " + org.apache.commons.lang3.StringUtils.class
                            .getProtectionDomain().getCodeSource().getLocation().getPath().replaceAll(".*/", ""));
                    try {
                        Class.forName("gluelab.glue.worker.GlueWorker", false, Thread.currentThread().getContextClassLoader());
                        System.out.println("worker visible");
                    } catch (ClassNotFoundException expected) {
                        System.out.println("worker hidden");
                    }
                }
            }
            """;

    static final String OWN_STRING_UTILS = """
            package org.apache.commons.lang3;
            public class StringUtils {
                public static boolean isEmpty(CharSequence cs) { return cs == null || cs.length() == 0; }
            }
            """;

    @Test
    void userJarsFirstPicksTheUsersCopyOfAClassAndParentFirstTheWorkers() {
        Path jar = JobJars.compile(work, "which-copy.jar", TestJobs.sources("jobs.WhichCopy", WHICH_COPY,
                "org.apache.commons.lang3.StringUtils", OWN_STRING_UTILS));

        RunResult parentFirst = worker.run(RunSpec.of("jobs.WhichCopy", jar), Duration.ofMinutes(1));
        RunResult userFirst = worker.run(RunSpec.of("jobs.WhichCopy", jar).userJarsFirst(true), Duration.ofMinutes(1));

        assertEquals(List.of("StringUtils from commons-lang3-3.12.0.jar", "worker hidden"), withoutMetrics(parentFirst));
        assertEquals(List.of("StringUtils from which-copy.jar", "worker hidden"), withoutMetrics(userFirst));
    }

    @Test
    void aMissingClassFailsTheRunWithAClassNotFoundMessage() {
        Path jar = JobJars.compile(work, "empty.jar", TestJobs.sources("jobs.Nothing", "package jobs; public class Nothing { }"));

        RunResult run = worker.run(RunSpec.of("jobs.DoesNotExist", jar), Duration.ofMinutes(1));

        assertEquals("FAILED", run.state());
        assertEquals("ClassNotFoundException: jobs.DoesNotExist", run.errorMessage());
    }

    private static List<String> withoutMetrics(RunResult run) {
        return run.output().stream().filter(l -> !l.startsWith("{\"glue_lab_metric\"")).toList();
    }
}
