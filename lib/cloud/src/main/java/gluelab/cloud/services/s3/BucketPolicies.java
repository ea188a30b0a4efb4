package gluelab.cloud.services.s3;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.cloud.policy.MalformedPolicyException;
import gluelab.cloud.policy.PolicyDocument;
import gluelab.cloud.policy.Statement;
import gluelab.cloud.services.s3.storage.BucketRecord;
import java.util.List;
import java.util.Locale;

/**
 * Bucket policies as S3 reads them: the checks PutBucketPolicy makes, with S3's own {@code MalformedPolicy} words
 * (which differ from IAM's), and the stored text read back as a policy for evaluation.
 */
final class BucketPolicies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REQUIRED_STATEMENT_FIELDS = List.of("Effect", "Principal", "Action", "Resource");

    private BucketPolicies() {
    }

    /** The bucket's policy, or null when it has none. */
    static PolicyDocument of(BucketRecord bucket) {
        if (bucket.policy() == null) {
            return null;
        }
        try {
            return PolicyDocument.parse(bucket.policy(), PolicyDocument.Kind.RESOURCE);
        } catch (MalformedPolicyException e) {
            throw new IllegalStateException("A stored bucket policy no longer reads: " + e.getMessage(), e);
        }
    }

    /** {@code text} as a policy for {@code bucket}, or S3's MalformedPolicy error saying what is wrong with it. */
    static PolicyDocument validated(String bucket, String text) {
        if (text == null || !text.stripLeading().startsWith("{")) {
            throw S3Errors.malformedPolicy("Policies must be valid JSON and the first byte must be '{'");
        }
        checkRequiredFields(text);
        PolicyDocument policy;
        try {
            policy = PolicyDocument.parse(text, PolicyDocument.Kind.RESOURCE);
        } catch (MalformedPolicyException e) {
            throw S3Errors.malformedPolicy(inS3Words(e.getMessage()));
        }
        for (Statement statement : policy.statements()) {
            checkActionsAndResources(bucket, statement);
        }
        return policy;
    }

    private static void checkRequiredFields(String text) {
        JsonNode document;
        try {
            document = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw S3Errors.malformedPolicy("This policy contains invalid Json");
        }
        JsonNode statements = document.get("Statement");
        if (statements == null) {
            throw S3Errors.malformedPolicy("Missing required field Statement");
        }
        for (JsonNode statement : statements.isArray() ? statements : JSON.createArrayNode().add(statements)) {
            for (String field : REQUIRED_STATEMENT_FIELDS) {
                if (statement.isObject() && !statement.has(field) && !statement.has("Not" + field)) {
                    throw S3Errors.malformedPolicy("Missing required field " + field);
                }
            }
            JsonNode effect = statement.get("Effect");
            if (effect != null && !effect.asText().equals("Allow") && !effect.asText().equals("Deny")) {
                throw S3Errors.malformedPolicy("Invalid effect: " + effect.asText());
            }
        }
    }

    /** IAM's message for a malformed document, as S3 words the same fault. */
    private static String inS3Words(String iamMessage) {
        if (iamMessage.startsWith("Invalid principal")) {
            return "Invalid principal in policy";
        }
        if (iamMessage.startsWith("Actions/") || iamMessage.startsWith("Vendor ")) {
            return "Policy has invalid action";
        }
        if (iamMessage.startsWith("Resource") || iamMessage.startsWith("Partition") || iamMessage.startsWith("IAM resource")) {
            return "Policy has invalid resource";
        }
        if (iamMessage.startsWith("Syntax errors")) {
            return "This policy contains invalid Json";
        }
        return iamMessage;
    }

    /**
     * Every action must be S3's and every resource this bucket or an object in it; and a statement whose actions
     * all act on objects must name some object, one whose actions all act on the bucket must name the bucket.
     */
    private static void checkActionsAndResources(String bucket, Statement statement) {
        boolean objectActions = true;
        boolean bucketActions = true;
        for (String action : statement.actions()) {
            String lower = action.toLowerCase(Locale.ROOT);
            if (!lower.equals("*") && !lower.startsWith("s3:")) {
                throw S3Errors.malformedPolicy("Policy has invalid action");
            }
            if (lower.contains("*") || lower.contains("?")) {
                objectActions = false;
                bucketActions = false;
            } else if (actsOnObjects(lower)) {
                bucketActions = false;
            } else {
                objectActions = false;
            }
        }
        String bucketArn = "arn:aws:s3:::" + bucket;
        boolean namesObjects = false;
        boolean namesBucket = false;
        for (String resource : statement.resources() == null ? List.<String>of() : statement.resources()) {
            if (resource.equals(bucketArn)) {
                namesBucket = true;
            } else if (resource.startsWith(bucketArn + "/")) {
                namesObjects = true;
            } else if (resource.startsWith(bucketArn) && resource.substring(bucketArn.length()).matches("[*?]+")) {
                namesBucket = true;
                namesObjects = true;
            } else {
                throw S3Errors.malformedPolicy("Policy has invalid resource");
            }
        }
        if (!statement.notAction() && !statement.notResource()
                && (objectActions && !namesObjects || bucketActions && !namesBucket)) {
            throw S3Errors.malformedPolicy("Action does not apply to any resource(s) in statement");
        }
    }

    private static boolean actsOnObjects(String action) {
        return action.contains("object") || action.equals("s3:abortmultipartupload")
                || action.equals("s3:listmultipartuploadparts");
    }
}
