package gluelab.cloud.provider;

/**
 * The errors every service can answer with, named as each protocol family names them:
 * S3 and the Query services say {@code SignatureDoesNotMatch}, JSON services say
 * {@code InvalidSignatureException}, and so on.
 */
public final class CommonErrors {

    private CommonErrors() {
    }

    public static AwsServiceException unknownOperation(ServiceDescriptor service, String operation) {
        return switch (service.protocol()) {
            case QUERY -> new AwsServiceException("InvalidAction",
                    "Could not find operation " + operation + " for version " + service.apiVersion(), 400);
            case REST_XML -> new AwsServiceException("MethodNotAllowed",
                    "The specified method is not allowed against this resource.", 405);
            case REST_JSON -> new AwsServiceException("UnknownOperationException", "Unknown operation " + operation, 404);
            default -> new AwsServiceException("UnknownOperationException",
                    operation == null || operation.isEmpty() ? "" : "Unknown operation " + operation, 400);
        };
    }

    /**
     * An operation the AWS model has but Lab Cloud does not implement; answered like an unknown one, but
     * honestly. S3 would say 501 NotImplemented; Lab Cloud says 400 so SDKs fail at once instead of
     * retrying a request that can never succeed.
     */
    public static AwsServiceException notImplemented(ServiceDescriptor service, String operation) {
        String message = operation + " is a real " + service.name() + " operation that Lab Cloud does not implement yet";
        return switch (service.protocol()) {
            case QUERY -> new AwsServiceException("InvalidAction", message, 400);
            case REST_XML -> new AwsServiceException("NotImplemented", message, 400);
            case REST_JSON -> new AwsServiceException("UnknownOperationException", message, 404);
            default -> new AwsServiceException("UnknownOperationException", message, 400);
        };
    }

    /**
     * A request its principal's policies do not allow, named as each protocol family names it: {@code AccessDenied}
     * (403) for S3 and the Query services, {@code AccessDeniedException} for JSON services (400, as Glue, Logs and
     * DynamoDB answer) and REST-JSON ones (403, as Lambda answers).
     */
    public static AwsServiceException accessDenied(ServiceDescriptor service, String message) {
        return switch (service.protocol()) {
            case REST_XML, QUERY -> new AwsServiceException("AccessDenied", message, 403);
            case REST_JSON -> new AwsServiceException("AccessDeniedException", message, 403);
            default -> new AwsServiceException("AccessDeniedException", message, 400);
        };
    }

    public static AwsServiceException signatureDoesNotMatch(ServiceDescriptor service) {
        return switch (service.protocol()) {
            case REST_XML, QUERY -> new AwsServiceException("SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided. "
                            + "Check your key and signing method.", 403);
            default -> new AwsServiceException("InvalidSignatureException",
                    "The request signature we calculated does not match the signature you provided. "
                            + "Check your AWS Secret Access Key and signing method. "
                            + "Consult the service documentation for details.", 403);
        };
    }

    public static AwsServiceException unknownAccessKey(ServiceDescriptor service, String accessKeyId) {
        return switch (service.protocol()) {
            case REST_XML -> new AwsServiceException("InvalidAccessKeyId",
                    "The AWS Access Key Id you provided does not exist in our records.", 403)
                    .with("AWSAccessKeyId", accessKeyId);
            case QUERY -> new AwsServiceException("InvalidClientTokenId",
                    "The security token included in the request is invalid.", 403);
            default -> new AwsServiceException("UnrecognizedClientException",
                    "The security token included in the request is invalid.", 403);
        };
    }

    public static AwsServiceException expiredToken(ServiceDescriptor service) {
        return switch (service.protocol()) {
            case REST_XML, QUERY -> new AwsServiceException("ExpiredToken",
                    "The provided token has expired.", 400);
            default -> new AwsServiceException("ExpiredTokenException",
                    "The security token included in the request is expired", 403);
        };
    }

    public static AwsServiceException missingAuthentication(ServiceDescriptor service) {
        return switch (service.protocol()) {
            case REST_XML -> new AwsServiceException("AccessDenied", "Access Denied", 403);
            case QUERY -> new AwsServiceException("MissingAuthenticationToken",
                    "Request is missing Authentication Token", 403);
            default -> new AwsServiceException("MissingAuthenticationTokenException",
                    "Missing Authentication Token", 403);
        };
    }

    public static AwsServiceException incompleteSignature(ServiceDescriptor service, String why) {
        return switch (service.protocol()) {
            case REST_XML -> new AwsServiceException("AuthorizationHeaderMalformed", why, 400);
            default -> new AwsServiceException("IncompleteSignature", why, 400);
        };
    }

    /** The body could not be read as the protocol's format, or a member had the wrong type. */
    public static AwsServiceException malformedInput(ServiceDescriptor service, String why) {
        return switch (service.protocol()) {
            case REST_XML -> new AwsServiceException("MalformedXML",
                    "The XML you provided was not well-formed or did not validate against our published schema", 400);
            case QUERY -> new AwsServiceException("MalformedInput", why, 400);
            default -> new AwsServiceException("SerializationException", why, 400);
        };
    }

    public static AwsServiceException requestTooLarge(ServiceDescriptor service, long limit) {
        String why = "Request body is larger than " + limit + " bytes";
        return switch (service.protocol()) {
            case REST_XML -> new AwsServiceException("EntityTooLarge",
                    "Your proposed upload exceeds the maximum allowed object size.", 400);
            default -> new AwsServiceException("RequestEntityTooLargeException", why, 413);
        };
    }

    /** A request Lab Cloud cannot route to any service at all. */
    public static AwsServiceException unknownService(String hint) {
        return new AwsServiceException("UnknownServiceException",
                "Lab Cloud cannot tell which AWS service this request is for" + (hint == null ? "" : ": " + hint), 400);
    }

    public static AwsServiceException internalFailure(ServiceDescriptor service, Throwable cause) {
        String code = service != null && service.protocol() == Protocol.REST_XML ? "InternalError" : "InternalFailure";
        return new AwsServiceException(code, "Lab Cloud failed to process the request: "
                + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()),
                500, false, java.util.Map.of());
    }
}
