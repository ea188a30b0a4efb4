package gluelab.cloud.services.secretsmanager;

import static gluelab.cloud.console.ConsoleLinks.to;

import gluelab.cloud.console.ConsoleBlock.Field;
import gluelab.cloud.console.ConsoleBlock.Fields;
import gluelab.cloud.console.ConsoleBlock.Table;
import gluelab.cloud.console.ConsolePage.Crumb;
import gluelab.cloud.console.ConsolePage;
import gluelab.cloud.console.ConsoleRequest;
import gluelab.cloud.console.ConsoleView;
import gluelab.cloud.provider.ConsoleReads;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/**
 * Secrets Manager in the console: secrets, their versions and rotation, with every value masked. The view reads
 * only ListSecrets and DescribeSecret, never a value, so no secret value can leave Lab Cloud through it.
 */
final class SecretsConsoleView extends ConsoleView {

    static final String MASKED = "•••••••• (masked: the console never reads secret values)";

    private final ConsoleReads reads;

    SecretsConsoleView(ConsoleReads reads) {
        super("secretsmanager", "Secrets Manager");
        this.reads = reads;
    }

    @Override
    public ConsolePage page(ConsoleRequest request) {
        if (request.is()) {
            return secrets(request);
        }
        if (request.is("secrets", null)) {
            return secret(request, request.segment(1));
        }
        throw request.notFound();
    }

    private ConsolePage secrets(ConsoleRequest request) {
        ListSecretsResponse secrets = reads.call(SecretsManagerProvider.SERVICE, request,
                ListSecretsRequest.builder().maxResults(100).build());
        Table.Builder table = Table.titled("Secrets", "Name", "Description", "Value", "Rotation", "Changed");
        for (SecretListEntry secret : secrets.secretList()) {
            table.row(to("secretsmanager", "secrets", secret.name()), secret.name(), secret.description(), MASKED,
                    Boolean.TRUE.equals(secret.rotationEnabled()) ? "Enabled" : "off", secret.lastChangedDate());
        }
        return ConsolePage.of("Secrets", List.of(), table.orElse("No secrets yet (secretsmanager.createSecret)."));
    }

    private ConsolePage secret(ConsoleRequest request, String name) {
        DescribeSecretResponse secret = reads.call(SecretsManagerProvider.SERVICE, request,
                DescribeSecretRequest.builder().secretId(name).build());
        Table.Builder versions = Table.titled("Versions", "Version id", "Stages", "Value");
        secret.versionIdsToStages().forEach((version, stages) ->
                versions.row(null, version, String.join(", ", stages), MASKED));
        String tags = secret.tags().stream().map(tag -> tag.key() + "=" + tag.value()).collect(Collectors.joining("\n"));
        return ConsolePage.of(name, List.of(new Crumb("Secrets", "secretsmanager")),
                Fields.of("Secret", Field.of("Name", secret.name()), Field.of("ARN", secret.arn()),
                        Field.of("Description", secret.description()), Field.of("Value", MASKED),
                        Field.of("Rotation", Boolean.TRUE.equals(secret.rotationEnabled()) ? "Enabled" : "off"),
                        Field.of("Rotation function", secret.rotationLambdaARN()),
                        Field.of("Rotation schedule", secret.rotationRules() == null ? null
                                : secret.rotationRules().scheduleExpression()),
                        Field.of("Next rotation", secret.nextRotationDate()),
                        Field.of("Deleted", secret.deletedDate()), Field.of("Tags", tags)),
                versions.orElse("No versions."));
    }
}
