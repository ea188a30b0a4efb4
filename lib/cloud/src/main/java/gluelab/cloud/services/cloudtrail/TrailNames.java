package gluelab.cloud.services.cloudtrail;

import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Scope;
import java.util.regex.Pattern;

/**
 * Trail names and ARNs. A name is 3 to 128 ASCII letters, digits, periods, underscores and dashes, starting and
 * ending with a letter or digit, with no two of {@code ._-} side by side, and not an IP address.
 */
final class TrailNames {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern ADJACENT = Pattern.compile("[._-]{2}");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private TrailNames() {
    }

    static Arn arn(Scope scope, String name) {
        return Arn.in(scope, CloudTrailProvider.SERVICE, "trail/" + name);
    }

    /** Refuses a name CloudTrail would refuse, saying which rule it breaks. */
    static String require(String name) {
        if (name == null || name.isEmpty()) {
            throw CloudTrailErrors.invalidParameter("TrailNotProvidedException", "Trail name or ARN is required.");
        }
        if (name.length() < 3 || name.length() > 128) {
            throw CloudTrailErrors.invalidTrailName("Trail name too short or too long: it must be between 3 and 128 characters.");
        }
        if (!ALLOWED.matcher(name).matches()) {
            throw CloudTrailErrors.invalidTrailName("Trail name or ARN can only contain uppercase letters, lowercase "
                    + "letters, numbers, periods (.), hyphens (-), and underscores (_).");
        }
        if (!Character.isLetterOrDigit(name.charAt(0)) || !Character.isLetterOrDigit(name.charAt(name.length() - 1))) {
            throw CloudTrailErrors.invalidTrailName("Trail name must start and end with a letter or number.");
        }
        if (ADJACENT.matcher(name).find()) {
            throw CloudTrailErrors.invalidTrailName("Trail name cannot contain consecutive special characters.");
        }
        if (IP_ADDRESS.matcher(name).matches()) {
            throw CloudTrailErrors.invalidTrailName("Trail name cannot be formatted as an IP address.");
        }
        return name;
    }
}
