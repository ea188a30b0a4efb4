package gluelab.cloud.services.iam;

import gluelab.cloud.provider.Arn;
import java.util.Optional;

/** The ARNs of IAM's roles and managed policies, whose paths are part of the ARN. */
final class IamArns {

    /** The account part of AWS's own managed policies' ARNs. */
    static final String AWS_ACCOUNT = "aws";
    static final String AWS_POLICY_PREFIX = "arn:aws:iam::aws:policy/";

    private IamArns() {
    }

    /** {@code arn:aws:iam::<account>:role<path><name>}, the path starting and ending with {@code /}. */
    static Arn role(String account, String path, String name) {
        return Arn.global("iam", account, "role" + path + name);
    }

    /** {@code arn:aws:iam::<account>:policy<path><name>}; the account is {@code aws} for AWS's own. */
    static Arn policy(String account, String path, String name) {
        return Arn.global("iam", account, "policy" + path + name);
    }

    /** The ARN, if {@code text} names a managed policy at all (it may still not exist). */
    static Optional<Arn> parsePolicy(String text) {
        return Arn.parse(text).filter(arn -> arn.service().equals("iam") && arn.region().isEmpty()
                && arn.resourceType().equals("policy") && !arn.account().isEmpty() && !arn.resourceName().isEmpty());
    }
}
