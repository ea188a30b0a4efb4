package gluelab.cloud.services.secretsmanager;

import gluelab.cloud.console.ConsoleView;
import gluelab.cloud.provider.AccessRules;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.ConsoleReads;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.Protocol;
import gluelab.cloud.provider.ServiceDescriptor;
import gluelab.cloud.provider.ServiceProvider;
import java.util.List;

/**
 * AWS Secrets Manager: secrets ({@link SecretOperations}), their versions and staging labels
 * ({@link SecretValueOperations}), tags ({@link SecretTagOperations}), resource policies
 * ({@link ResourcePolicyOperations}), random passwords ({@link RandomPasswordOperations}) and rotation by a Lambda
 * function ({@link RotationOperations}, {@link RotationSteps}), scheduled on the lab clock ({@link RotationTimers}).
 * Deleted secrets wait out their recovery window on the lab clock.
 *
 * <p>Where Lab Cloud differs from AWS: values are kept as given (the KMS key is stored, not used); a secret's
 * resource policy is kept and validated, not enforced; replication to other regions is not implemented; a rotation
 * runs before RotateSecret answers, and a scheduled one at the start of its window.
 */
public final class SecretsManagerProvider implements ServiceProvider {

    public static final String SERVICE = "secretsmanager";

    public static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.json(SERVICE, "secretsmanager",
            Protocol.JSON_1_1, "secretsmanager", "2017-10-17", "software.amazon.awssdk.services.secretsmanager.model",
            "Message");
    static final Pages PAGES = new Pages("InvalidParameterException", token -> SecretsManagerErrors.invalidNextToken());

    private final AccountRegionStore<SecretsManagerState> states;
    private final RotationTimers timers;
    private final AccessRules accessRules;
    private final List<Object> operations;

    private final ConsoleView console;

    public SecretsManagerProvider(Platform platform) {
        this.console = new SecretsConsoleView(new ConsoleReads(platform.internal()));
        this.states = new AccountRegionStore<>(SERVICE, platform.state(), SecretsManagerState::new);
        this.timers = new RotationTimers(platform, states);
        RotationSteps steps = new RotationSteps(states, platform.internal(), platform.clock(),
                new SecretsTimeline(platform.events()));
        timers.rotateWith(steps);
        this.accessRules = new SecretsManagerAccessRules(states);
        this.operations = List.of(
                new SecretOperations(states, timers),
                new SecretValueOperations(states),
                new SecretTagOperations(states),
                new ResourcePolicyOperations(states),
                new RandomPasswordOperations(),
                new RotationOperations(states, steps, timers));
        timers.restoreAll();
    }

    @Override
    public List<ConsoleView> consoleViews() {
        return List.of(console);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public AccessRules accessRules() {
        return accessRules;
    }

    @Override
    public List<Object> operationHandlers() {
        return operations;
    }

    @Override
    public int reset(String prefix) {
        int removed = 0;
        for (var entry : states.all().entrySet()) {
            List<String> names = entry.getValue().reset(prefix);
            names.forEach(name -> timers.cancel(entry.getKey(), name));
            removed += names.size();
        }
        return removed;
    }

    @Override
    public void close() {
        timers.close();
    }
}
