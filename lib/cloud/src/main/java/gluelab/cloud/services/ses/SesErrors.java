package gluelab.cloud.services.ses;

import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.Pages;
import java.util.List;
import java.util.Locale;

/**
 * How SES says no. v1 (Query) answers with its model's codes ({@code MessageRejected}, {@code TemplateDoesNotExist},
 * {@code InvalidParameterValue}, {@code AlreadyExists}), all 400; v2 (REST-JSON) with {@code NotFoundException}
 * (404), {@code AlreadyExistsException} and {@code BadRequestException} (400), and the same {@code MessageRejected}.
 */
final class SesErrors {

    static final Pages V1_PAGES = new Pages("ValidationError", token -> invalidParameter("Invalid token: " + token));
    static final Pages V2_PAGES = new Pages("BadRequestException", token -> badRequest("Invalid NextToken: " + token));

    private SesErrors() {
    }

    /** AWS's words for a send whose sender, or (in the sandbox) whose recipients, are not verified. */
    static AwsServiceException notVerified(String region, List<String> identities) {
        return new AwsServiceException("MessageRejected", "Email address is not verified. The following identities "
                + "failed the check in region " + region.toUpperCase(Locale.ROOT) + ": " + String.join(", ", identities),
                400);
    }

    static AwsServiceException messageRejected(String message) {
        return new AwsServiceException("MessageRejected", message, 400);
    }

    static AwsServiceException invalidParameter(String message) {
        return new AwsServiceException("InvalidParameterValue", message, 400);
    }

    static AwsServiceException templateDoesNotExist(String name) {
        return new AwsServiceException("TemplateDoesNotExist", "Template " + name + " does not exist.", 400)
                .with("TemplateName", name);
    }

    static AwsServiceException templateExists(String name) {
        return new AwsServiceException("AlreadyExists", "Template " + name + " already exists.", 400)
                .with("Name", name);
    }

    static AwsServiceException badRequest(String message) {
        return new AwsServiceException("BadRequestException", message, 400);
    }

    static AwsServiceException identityNotFound(String identity) {
        return new AwsServiceException("NotFoundException", "Email identity " + identity + " does not exist.", 404);
    }

    static AwsServiceException identityExists(String identity) {
        return new AwsServiceException("AlreadyExistsException", "Email identity " + identity + " already exist.", 400);
    }

    static AwsServiceException v2TemplateNotFound(String name) {
        return new AwsServiceException("NotFoundException", "Template " + name + " does not exist.", 404);
    }
}
