package gluelab.cloud.services.lambda.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A handler that calls AWS with a plain SDK client, configured by nothing but its environment (credentials, region
 * and {@code AWS_ENDPOINT_URL}), as a handler on AWS is: it says who it is, and what IAM answered to a call its role
 * may not make.
 */
public class WhoAmIHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Map<String, Object> out = new LinkedHashMap<>();
        try (StsClient sts = StsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            out.put("arn", sts.getCallerIdentity().arn());
            try {
                sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/not-for-functions")
                        .roleSessionName("escape"));
                out.put("assumed", "yes");
            } catch (software.amazon.awssdk.services.sts.model.StsException refused) {
                out.put("refused", refused.awsErrorDetails().errorCode());
            }
        }
        return out;
    }
}
