package gluelab.cloud.services.secretsmanager;

import gluelab.cloud.services.lambda.FunctionZips;
import gluelab.cloud.services.secretsmanager.rotation.PasswordRotationHandler;
import gluelab.cloud.testing.RunningLabCloud;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** The rotation function the Secrets Manager tests share, deployed as a learner deploys one on AWS. */
final class RotationFixture {

    static final String HANDLER = PasswordRotationHandler.class.getName() + "::handleRequest";
    private static final String LAMBDA_TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},\
            "Action":"sts:AssumeRole"}]}""";
    private static final String MANAGE_SECRETS = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["secretsmanager:DescribeSecret",\
            "secretsmanager:GetSecretValue","secretsmanager:PutSecretValue","secretsmanager:UpdateSecretVersionStage",\
            "secretsmanager:GetRandomPassword"],"Resource":"*"}]}""";

    private RotationFixture() {
    }

    /**
     * Creates the rotation function {@code name} (role, code, and, when {@code permitted}, the resource policy
     * statement that lets Secrets Manager invoke it) and returns its ARN once it is Active.
     */
    static String rotationFunction(RunningLabCloud cloud, String name, boolean permitted) {
        String role;
        try (IamClient iam = cloud.client(IamClient.builder())) {
            role = iam.createRole(r -> r.roleName(name + "-role").assumeRolePolicyDocument(LAMBDA_TRUST)).role().arn();
            iam.attachRolePolicy(r -> r.roleName(name + "-role")
                    .policyArn("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
            iam.putRolePolicy(r -> r.roleName(name + "-role").policyName("rotate").policyDocument(MANAGE_SECRETS));
        }
        try (LambdaClient lambda = cloud.client(LambdaClient.builder())) {
            String arn = lambda.createFunction(r -> r.functionName(name).runtime(Runtime.JAVA17).handler(HANDLER)
                    .role(role).timeout(60).memorySize(512)
                    .code(c -> c.zipFile(FunctionZips.packageWithSdk(PasswordRotationHandler.class)))).functionArn();
            lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName(name));
            if (permitted) {
                lambda.addPermission(r -> r.functionName(name).statementId("secretsmanager-invoke")
                        .action("lambda:InvokeFunction").principal("secretsmanager.amazonaws.com"));
            }
            return arn;
        }
    }
}
