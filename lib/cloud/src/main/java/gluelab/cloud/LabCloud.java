package gluelab.cloud;

import gluelab.cloud.admin.AdminApi;
import gluelab.cloud.auth.Credential;
import gluelab.cloud.auth.CredentialStore;
import gluelab.cloud.clock.ActivityTracker;
import gluelab.cloud.clock.LabClock;
import gluelab.cloud.clock.LabScheduler;
import gluelab.cloud.events.EventBus;
import gluelab.cloud.events.Timeline;
import gluelab.cloud.http.EdgeServer;
import gluelab.cloud.protocol.ProtocolCodecs;
import gluelab.cloud.provider.AccessControl;
import gluelab.cloud.provider.EdgeEndpoint;
import gluelab.cloud.provider.InternalCalls;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.RoleSessions;
import gluelab.cloud.provider.ServiceProvider;
import gluelab.cloud.provider.ServiceRegistry;
import gluelab.cloud.state.Codec;
import gluelab.cloud.state.DurableMap;
import gluelab.cloud.state.StateStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Lab Cloud: one local endpoint that the AWS SDK, the AWS CLI and boto3 talk to as if it were AWS.
 * {@code ./lab cloud [--port 4566] [--state-dir DIR]} runs it; tests start one on a free port.
 */
public final class LabCloud implements AutoCloseable {

    public static final String VERSION = "0.1.0";
    /** The default of {@code --spark-master}: the Spark cluster Glue job runs go to. */
    public static final String SPARK_MASTER_ENVIRONMENT = "LAB_SPARK_MASTER";
    private static final int TIMELINE_CAPACITY = 100_000;

    private final LabCloudConfig config;
    private final StateStore state;
    private final LabScheduler scheduler;
    private final EventBus events;
    private final ServiceRegistry registry = new ServiceRegistry();
    private final EdgeServer server;
    private final Platform platform;

    private LabCloud(LabCloudConfig config) {
        this.config = config;
        this.state = config.stateDir() == null ? StateStore.inMemory() : StateStore.persistent(config.stateDir());
        LabClock clock;
        if (config.awsMode()) {
            // AWS's clock is the wall clock: an offset an earlier lab run left in the state directory does not apply.
            clock = LabClock.wallTimeOnly(Clock.systemUTC());
        } else {
            DurableMap<Long> clockState = state.map("lab/global/global/clock", Codec.of(Long.class));
            clock = new LabClock(Clock.systemUTC(), clockState.find("offsetMillis").orElse(0L));
            clock.onOffsetChange(offset -> clockState.put("offsetMillis", offset));
        }
        ActivityTracker activity = new ActivityTracker();
        Timeline timeline = new Timeline(TIMELINE_CAPACITY);
        this.events = new EventBus(clock, activity, timeline);
        this.scheduler = new LabScheduler(clock, activity);
        CredentialStore credentials = new CredentialStore(state, config.credentials());
        AccessControl access = new AccessControl(config.iamEnforced(), clock);
        this.platform = new Platform(config, clock, scheduler, events, state, credentials,
                new RoleSessions(credentials, clock, access), access, activity,
                new InternalCalls(registry), new EdgeEndpoint());
        for (ServiceProvider provider : Providers.create(platform)) {
            registry.register(provider);
        }
        AdminApi admin = new AdminApi(platform, registry, timeline, VERSION, config.awsMode());
        ProtocolCodecs codecs = new ProtocolCodecs();
        try {
            codecs.prepare(registry);
        } catch (RuntimeException e) {
            registry.providers().forEach(ServiceProvider::close);
            scheduler.close();
            events.close();
            state.close();
            throw e;
        }
        this.server = new EdgeServer(config.bindAddress(), config.port(), new EdgeHandler(platform, registry, codecs, admin));
    }

    /** Starts a Lab Cloud and returns once it answers {@code /_lab/health}. */
    public static LabCloud start(LabCloudConfig config) {
        LabCloud cloud = new LabCloud(config);
        try {
            cloud.server.start();
        } catch (Exception e) {
            cloud.close();
            throw new IllegalStateException("Lab Cloud cannot listen on " + config.bindAddress() + ":" + config.port()
                    + " (" + e.getMessage() + "). Is another Lab Cloud or LocalStack already running there?", e);
        }
        cloud.platform.edge().bind(cloud.endpoint());
        cloud.scheduler.start();
        return cloud;
    }

    public int port() {
        return server.port();
    }

    public URI endpoint() {
        String host = config.bindAddress().contains(":") ? "[" + config.bindAddress() + "]" : config.bindAddress();
        return URI.create("http://" + host + ":" + port());
    }

    public Platform platform() {
        return platform;
    }

    public ServiceRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (Exception ignored) {
            // Stopping anyway.
        }
        registry.providers().forEach(ServiceProvider::close);
        scheduler.close();
        events.close();
        state.close();
    }

    public static void main(String[] args) throws Exception {
        LabCloudConfig config;
        try {
            config = parseArguments(args);
        } catch (IllegalArgumentException e) {
            System.err.println("lab cloud: " + e.getMessage());
            System.err.println("usage: lab cloud [--port 4566] [--state-dir DIR] [--bind 127.0.0.1] "
                    + "[--account KEY:SECRET:ACCOUNT]... [--glue-worker eager|lazy|off] [--iam on|off] [--aws-mode] "
                    + "[--spark-master spark://HOST:7077]");
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        LabCloud cloud = start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cloud.close();
            stopped.countDown();
        }, "lab-cloud-shutdown"));
        System.out.printf("Lab Cloud %s ready on %s in %d ms (state: %s)%s%n", VERSION, cloud.endpoint(),
                (System.nanoTime() - started) / 1_000_000,
                config.stateDir() == null ? "in memory" : config.stateDir().toAbsolutePath(),
                config.awsMode() ? "; AWS mode: AWS APIs only (of /_lab/ only health), wall-clock time, IAM enforced" : "");
        System.out.flush();
        stopped.await();
    }

    static LabCloudConfig parseArguments(String[] args) {
        return parseArguments(args, System.getenv(SPARK_MASTER_ENVIRONMENT));
    }

    /** @param sparkMasterFromEnvironment {@code LAB_SPARK_MASTER}: the default of {@code --spark-master} */
    static LabCloudConfig parseArguments(String[] args, String sparkMasterFromEnvironment) {
        LabCloudConfig config = LabCloudConfig.defaults();
        if (sparkMasterFromEnvironment != null && !sparkMasterFromEnvironment.isBlank()) {
            config = config.withSparkMaster(sparkMaster(sparkMasterFromEnvironment.trim()));
        }
        List<Credential> accounts = new ArrayList<>();
        boolean awsMode = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (arg) {
                case "--port" -> {
                    config = config.withPort(parsePort(require(arg, value)));
                    i++;
                }
                case "--state-dir" -> {
                    config = config.withStateDir(Path.of(require(arg, value)));
                    i++;
                }
                case "--bind" -> {
                    config = config.withBindAddress(require(arg, value));
                    i++;
                }
                case "--account" -> {
                    String[] parts = require(arg, value).split(":");
                    if (parts.length != 3 || !parts[2].matches("\\d{12}")) {
                        throw new IllegalArgumentException("--account wants KEY:SECRET:ACCOUNT with a 12-digit account");
                    }
                    accounts.add(Credential.longTerm(parts[0], parts[1], parts[2]));
                    i++;
                }
                case "--iam" -> {
                    String mode = require(arg, value);
                    if (!mode.equals("on") && !mode.equals("off")) {
                        throw new IllegalArgumentException("--iam wants on or off");
                    }
                    config = config.withIam(mode.equals("on"));
                    i++;
                }
                case "--aws-mode" -> awsMode = true;
                case "--glue-worker" -> {
                    try {
                        config = config.withGlueWorker(LabCloudConfig.GlueWorkerMode.valueOf(require(arg, value).toUpperCase()));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("--glue-worker wants eager, lazy or off");
                    }
                    i++;
                }
                case "--spark-master" -> {
                    config = config.withSparkMaster(sparkMaster(require(arg, value)));
                    i++;
                }
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (awsMode) {
            if (!config.iamEnforced()) {
                throw new IllegalArgumentException("--aws-mode enforces IAM, as AWS does: it does not go with --iam off");
            }
            config = config.withAwsMode(true);
        }
        if (!accounts.isEmpty()) {
            List<Credential> all = new ArrayList<>(LabCloudConfig.defaultCredentials());
            all.addAll(accounts);
            config = config.withCredentials(all);
        }
        return config;
    }

    /** The cluster managers whose executors can reach the worker's driver: Spark standalone and Kubernetes. */
    private static String sparkMaster(String master) {
        if (!master.matches("(spark|k8s)://\\S+")) {
            throw new IllegalArgumentException("--spark-master wants spark://HOST:PORT (a standalone master) or k8s://https://HOST:PORT");
        }
        return master;
    }

    private static String require(String option, String value) {
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port wants a number between 0 and 65535");
        }
    }
}
