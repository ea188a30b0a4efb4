package gluelab.cloud.services.secretsmanager;

import gluelab.cloud.provider.Access;
import gluelab.cloud.provider.AccessRules;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Members;
import gluelab.cloud.provider.RequestContext;
import java.util.List;

/**
 * What each Secrets Manager operation needs permission for, as the Service Authorization Reference lists it:
 * {@code secretsmanager:<Operation>} on the secret's ARN when the request names a secret that exists, else on
 * {@code *} (CreateSecret, ListSecrets, GetRandomPassword, BatchGetSecretValue, and a secret not found, which the
 * operation then reports).
 */
final class SecretsManagerAccessRules implements AccessRules {

    private final AccountRegionStore<SecretsManagerState> states;

    SecretsManagerAccessRules(AccountRegionStore<SecretsManagerState> states) {
        this.states = states;
    }

    @Override
    public List<Access> required(RequestContext context, String operation, Object request) {
        String action = "secretsmanager:" + operation;
        String secretId = Members.string(request, "SecretId");
        String resource = secretId == null ? "*" : states.get(context).find(secretId, context.now().toEpochMilli())
                .map(SecretRecord::arn).orElse("*");
        return List.of(Access.of(action, resource));
    }
}
