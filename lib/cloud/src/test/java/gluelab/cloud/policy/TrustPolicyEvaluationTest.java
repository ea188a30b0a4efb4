package gluelab.cloud.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AssumeRole's rule, from the IAM User Guide ("How IAM roles differ from resource-based policies", "Cross-account
 * policy evaluation logic"): a role's trust policy must always allow the caller; naming the caller itself is enough
 * in the role's account, naming only its account needs the caller's own allow too, and across accounts both must.
 */
class TrustPolicyEvaluationTest {

    private static final String A = "000000000000";
    private static final String B = "111111111111";
    private static final String ROLE = "arn:aws:iam::" + A + ":role/target";
    private static final Principal ADMIN_A = Principal.root(A);
    private static final Principal SESSION_A = Principal.roleSession("arn:aws:sts::" + A + ":assumed-role/caller/s", A,
            "arn:aws:iam::" + A + ":role/caller");
    private static final Principal SESSION_B = Principal.roleSession("arn:aws:sts::" + B + ":assumed-role/caller/s", B,
            "arn:aws:iam::" + B + ":role/caller");
    private static final PolicyDocument MAY_ASSUME = identity("Allow");
    private static final PolicyDocument MAY_NOT_ASSUME = identity("Deny");

    private static PolicyDocument trust(String effect, String principal) {
        try {
            return PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"" + effect
                    + "\",\"Principal\":" + principal + ",\"Action\":\"sts:AssumeRole\"}]}", PolicyDocument.Kind.TRUST);
        } catch (MalformedPolicyException e) {
            throw new AssertionError(e);
        }
    }

    private static PolicyDocument identity(String effect) {
        try {
            return PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"" + effect
                    + "\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}", PolicyDocument.Kind.IDENTITY);
        } catch (MalformedPolicyException e) {
            throw new AssertionError(e);
        }
    }

    private static Decision assume(Principal caller, List<PolicyDocument> identity, PolicyDocument trust) {
        return PolicyEvaluation.evaluateTrust(new AccessRequest(caller, "sts:AssumeRole", ROLE, new RequestContextKeys()),
                identity, trust, A);
    }

    @Test
    void evenAnAccountsAdministratorMayNotAssumeARoleWhoseTrustPolicyDoesNotAdmitIt() {
        assertThat(assume(ADMIN_A, List.of(), trust("Allow", "{\"Service\":\"glue.amazonaws.com\"}")))
                .isEqualTo(new Decision(Decision.Outcome.IMPLICIT_DENY, Decision.RESOURCE_BASED));
    }

    @Test
    void aTrustPolicyNamingTheAccountAdmitsItsAdministrator() {
        assertThat(assume(ADMIN_A, List.of(), trust("Allow", "{\"AWS\":\"arn:aws:iam::" + A + ":root\"}")).allowed())
                .isTrue();
    }

    @Test
    void aTrustPolicyNamingOnlyTheAccountNeedsTheCallersOwnAllowToo() {
        PolicyDocument trustsAccount = trust("Allow", "{\"AWS\":\"" + A + "\"}");

        assertThat(assume(SESSION_A, List.of(), trustsAccount))
                .isEqualTo(new Decision(Decision.Outcome.IMPLICIT_DENY, Decision.IDENTITY_BASED));
        assertThat(assume(SESSION_A, List.of(MAY_ASSUME), trustsAccount).allowed()).isTrue();
    }

    @Test
    void aTrustPolicyNamingTheCallersRoleIsEnoughInTheRolesAccount() {
        assertThat(assume(SESSION_A, List.of(), trust("Allow", "{\"AWS\":\"arn:aws:iam::" + A + ":role/caller\"}"))
                .allowed()).isTrue();
    }

    @Test
    void acrossAccountsTheCallersOwnPoliciesMustAllowAsWell() {
        PolicyDocument trustsCaller = trust("Allow", "{\"AWS\":\"arn:aws:iam::" + B + ":role/caller\"}");

        assertThat(assume(SESSION_B, List.of(), trustsCaller))
                .isEqualTo(new Decision(Decision.Outcome.IMPLICIT_DENY, Decision.IDENTITY_BASED));
        assertThat(assume(SESSION_B, List.of(MAY_ASSUME), trustsCaller).allowed()).isTrue();
    }

    @Test
    void anExplicitDenyInTheTrustPolicyOrTheCallersPoliciesWins() {
        assertThat(assume(ADMIN_A, List.of(), trust("Deny", "\"*\"")))
                .isEqualTo(new Decision(Decision.Outcome.EXPLICIT_DENY, Decision.RESOURCE_BASED));
        assertThat(assume(SESSION_A, List.of(MAY_NOT_ASSUME), trust("Allow", "{\"AWS\":\"arn:aws:iam::" + A
                + ":role/caller\"}"))).isEqualTo(new Decision(Decision.Outcome.EXPLICIT_DENY, Decision.IDENTITY_BASED));
    }

    @Test
    void aServiceIsAdmittedByItsNameAlone() {
        PolicyDocument trustsGlue = trust("Allow", "{\"Service\":\"glue.amazonaws.com\"}");

        assertThat(assume(Principal.service("glue.amazonaws.com"), List.of(), trustsGlue).allowed()).isTrue();
        assertThat(assume(Principal.service("lambda.amazonaws.com"), List.of(), trustsGlue).allowed()).isFalse();
    }
}
