package gluelab.cloud.services.logs.filter;

/**
 * A filter pattern that CloudWatch Logs would refuse. AWS answers every such pattern with the same
 * {@code InvalidParameterException: Invalid filter pattern}; the detail here is for Lab Cloud's own tests
 * and logs.
 */
public final class InvalidFilterPatternException extends IllegalArgumentException {

    public InvalidFilterPatternException(String detail) {
        super(detail);
    }
}
