package gluelab.lab.iam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * Creates a role the way a learner does on AWS, and idempotently, so a notebook's set-up can run again: the role with
 * its trust policy (or the trust policy updated), then its managed policies attached, then its inline policies put.
 * Each call is IAM's own ({@code CreateRole}, {@code UpdateAssumeRolePolicy}, {@code AttachRolePolicy},
 * {@code PutRolePolicy}); what it built is returned as a {@link RoleView} to show.
 */
public final class RoleSetup {

    private final String name;
    private final String trustPolicy;
    private final List<String> managedPolicies = new ArrayList<>();
    private final Map<String, String> inlinePolicies = new LinkedHashMap<>();

    private RoleSetup(String name, String trustPolicy) {
        this.name = name;
        this.trustPolicy = trustPolicy;
    }

    /** A role named {@code name} that {@code trustPolicy} says who may assume. */
    public static RoleSetup role(String name, String trustPolicy) {
        return new RoleSetup(name, trustPolicy);
    }

    public RoleSetup attach(String policyArn) {
        managedPolicies.add(policyArn);
        return this;
    }

    public RoleSetup inline(String policyName, String document) {
        inlinePolicies.put(policyName, document);
        return this;
    }

    /** Creates or updates the role and its policies; what it is now. */
    public RoleView apply(IamClient iam) {
        String arn;
        try {
            arn = iam.getRole(r -> r.roleName(name)).role().arn();
            iam.updateAssumeRolePolicy(r -> r.roleName(name).policyDocument(trustPolicy));
        } catch (NoSuchEntityException missing) {
            arn = iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(trustPolicy)
                    .description("Created by the Glue Pipelines Lab")).role().arn();
        }
        for (String policy : managedPolicies) {
            iam.attachRolePolicy(r -> r.roleName(name).policyArn(policy));
        }
        inlinePolicies.forEach((policyName, document) ->
                iam.putRolePolicy(r -> r.roleName(name).policyName(policyName).policyDocument(document)));
        return new RoleView(arn, trustPolicy, List.copyOf(managedPolicies),
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inlinePolicies)));
    }
}
