package gluelab.cloud.policy;

/**
 * A policy document AWS would refuse, with AWS's own words for why ("Syntax errors in policy.", "Policy document
 * should not specify a principal."). IAM answers it as {@code MalformedPolicyDocument}; S3 as {@code MalformedPolicy}.
 */
public final class MalformedPolicyException extends Exception {

    public MalformedPolicyException(String message) {
        super(message, null, false, false);
    }
}
