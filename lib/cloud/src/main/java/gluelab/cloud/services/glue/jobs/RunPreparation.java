package gluelab.cloud.services.glue.jobs;

import gluelab.cloud.auth.Credential;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.services.glue.GlueRoles;
import gluelab.glue.protocol.RunCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import software.amazon.awssdk.services.glue.model.Job;
import software.amazon.awssdk.services.glue.model.JobRun;

/**
 * Turns a job and one of its runs into the worker's {@code run} command: the main class ({@code --class}),
 * the jars (a {@code .jar} ScriptLocation, then {@code --extra-jars}), Glue's argument list, the committed
 * bookmark, and credentials for the job's role aimed at the edge.
 */
final class RunPreparation {

    static final String RUNNER_SESSION = "GlueJobRunnerSession";
    private static final Duration CREDENTIAL_MARGIN = Duration.ofHours(1);

    private final Platform platform;
    private final BiPredicate<Scope, String> connectionExists;

    RunPreparation(Platform platform, BiPredicate<Scope, String> connectionExists) {
        this.platform = platform;
        this.connectionExists = connectionExists;
    }

    RunCommand prepare(Scope scope, Job job, JobRun run, BookmarkRecord bookmark) throws UnrunnableJobException {
        String command = JobDefinitions.commandName(job);
        if (command.equals("pythonshell") || command.equals("glueray")) {
            throw new UnrunnableJobException("Lab Cloud runs Spark jobs written for the JVM; this is a " + command
                    + " job, which it cannot run. Use a glueetl job whose --class names a main class.");
        }
        Map<String, String> arguments = JobArguments.effective(job, run.hasArguments() ? run.arguments() : null);
        String scriptLocation = job.command() == null ? null : job.command().scriptLocation();
        String className = arguments.get(JobArguments.CLASS);
        if (className == null || className.isBlank()) {
            boolean python = scriptLocation != null && scriptLocation.toLowerCase(Locale.ROOT).endsWith(".py");
            throw new UnrunnableJobException((python
                    ? "The job's script " + scriptLocation + " is a Python script; Lab Cloud runs JVM jobs. "
                    : "The job names no main class. ")
                    + "Pass the class with the --class argument (e.g. --class com.example.MyJob) and its jar "
                    + "with --extra-jars or as the ScriptLocation.");
        }
        List<String> jars = jars(scriptLocation, arguments.get(JobArguments.EXTRA_JARS));
        if (jars.isEmpty()) {
            throw new UnrunnableJobException("No jar holds the job's class " + className + ": give the jar's s3:// "
                    + "path as the ScriptLocation or in --extra-jars.");
        }
        boolean userJarsFirst = "true".equalsIgnoreCase(String.valueOf(arguments.get(JobArguments.USER_JARS_FIRST)).trim());
        List<String> connections = connections(scope, job);
        return new RunCommand(run.id(), job.name(), run.attempt() == null ? 0 : run.attempt(), className.trim(),
                jars, userJarsFirst, JobArguments.argv(scope, job.name(), run.id(), arguments),
                credentials(scope, job, run), new RunCommand.Bookmark(JobArguments.bookmarkOption(arguments),
                        bookmark == null ? null : bookmark.jobBookmark()), connections);
    }

    /**
     * The job's {@code Connections}. Glue sets up a run's connections before its script starts, so a connection
     * that does not exist (any more) fails the run, not StartJobRun.
     */
    private List<String> connections(Scope scope, Job job) throws UnrunnableJobException {
        List<String> names = job.connections() == null || !job.connections().hasConnections()
                ? List.of() : job.connections().connections();
        for (String name : names) {
            if (!connectionExists.test(scope, name)) {
                throw new UnrunnableJobException("EntityNotFoundException: Connection " + name + " named in the job's"
                        + " Connections does not exist. Create it with CreateConnection, or remove it from the job.");
            }
        }
        return names;
    }

    private static List<String> jars(String scriptLocation, String extraJars) throws UnrunnableJobException {
        List<String> jars = new ArrayList<>();
        if (scriptLocation != null && scriptLocation.toLowerCase(Locale.ROOT).endsWith(".jar")) {
            jars.add(requireS3(scriptLocation, "ScriptLocation"));
        }
        if (extraJars != null) {
            for (String jar : extraJars.split(",")) {
                if (!jar.isBlank() && !jars.contains(jar.trim())) {
                    jars.add(requireS3(jar.trim(), "--extra-jars"));
                }
            }
        }
        return jars;
    }

    private static String requireS3(String path, String where) throws UnrunnableJobException {
        if (!path.startsWith("s3://")) {
            throw new UnrunnableJobException(where + " names " + path + "; Glue loads jars from s3:// paths only.");
        }
        return path;
    }

    /**
     * Temporary credentials acting as the job's role, as Glue's runner session does on AWS. They outlive the
     * run's timeout so a long run never loses access; a run past its timeout is stopped anyway.
     */
    private RunCommand.AwsSettings credentials(Scope scope, Job job, JobRun run) throws UnrunnableJobException {
        Arn role = GlueRoles.arnOf(job.role(), scope.account());
        Duration lifetime = Duration.ofMinutes(run.timeout() == null ? JobDefinitions.MAX_TIMEOUT_MINUTES : run.timeout())
                .plus(CREDENTIAL_MARGIN);
        Credential credential;
        try {
            credential = platform.roles().assumeRoleAsService(GlueRoles.SERVICE_PRINCIPAL, role, RUNNER_SESSION, lifetime).credential();
        } catch (AwsServiceException denied) {
            throw new UnrunnableJobException("Glue could not assume the job's role " + role + ": " + denied.getMessage()
                    + ". The role must exist, and its trust policy must allow the service principal " + GlueRoles.SERVICE_PRINCIPAL
                    + " to call sts:AssumeRole.");
        }
        return new RunCommand.AwsSettings(platform.edge().uri().toString(), scope.region(),
                credential.accessKeyId(), credential.secretAccessKey(), credential.sessionToken());
    }
}
