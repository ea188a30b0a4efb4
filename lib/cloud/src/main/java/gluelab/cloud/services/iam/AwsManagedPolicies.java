package gluelab.cloud.services.iam;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.policy.PolicyDocument;
import gluelab.cloud.state.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AWS's own managed policies, present in every account as {@code arn:aws:iam::aws:policy<path><name>} with their
 * real documents. {@code aws-managed-policies.json} beside this class says where and when each was taken.
 */
final class AwsManagedPolicies {

    private static final String RESOURCE = "aws-managed-policies.json";

    private final Map<String, ManagedPolicyRecord> byArn;

    private AwsManagedPolicies(Map<String, ManagedPolicyRecord> byArn) {
        this.byArn = byArn;
    }

    static AwsManagedPolicies load() {
        try (InputStream in = AwsManagedPolicies.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The class path lacks " + RESOURCE);
            }
            Map<String, ManagedPolicyRecord> byArn = new LinkedHashMap<>();
            for (JsonNode policy : Json.MAPPER.readTree(in).get("policies")) {
                ManagedPolicyRecord record = read(policy);
                // A document IAM itself would refuse would make every role it is attached to unusable: fail at start.
                PolicyText.parse(record.defaultVersion().document(), PolicyDocument.Kind.IDENTITY);
                byArn.put(record.arn(), record);
            }
            return new AwsManagedPolicies(byArn);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    private static ManagedPolicyRecord read(JsonNode policy) throws IOException {
        String name = policy.get("name").asText();
        String path = policy.get("path").asText();
        String versionId = policy.get("defaultVersionId").asText();
        Instant created = Instant.parse(policy.get("createDate").asText());
        Instant updated = Instant.parse(policy.get("updateDate").asText());
        String document = Json.MAPPER.writeValueAsString(policy.get("document"));
        int versionNumber = Integer.parseInt(versionId.substring(1));
        return new ManagedPolicyRecord(IamArns.policy(IamArns.AWS_ACCOUNT, path, name).toString(), name, path,
                policy.get("policyId").asText(), policy.get("description").asText(), created, updated, versionId,
                List.of(new ManagedPolicyRecord.PolicyVersionRecord(versionId, document, updated)), versionNumber + 1,
                List.of());
    }

    Optional<ManagedPolicyRecord> byArn(String arn) {
        return Optional.ofNullable(byArn.get(arn));
    }

    Collection<ManagedPolicyRecord> all() {
        return byArn.values();
    }
}
