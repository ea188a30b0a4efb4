package gluelab.cloud.services.glue;

import gluelab.cloud.provider.Arn;

/** The roles Glue acts as: a job's or a crawler's, named by ARN or, as Glue also accepts, by name alone. */
public final class GlueRoles {

    /** The service principal Glue acts as when it takes on a job's or crawler's role. */
    public static final String SERVICE_PRINCIPAL = "glue.amazonaws.com";

    private GlueRoles() {
    }

    /** The role's ARN: as given, or a role of that name in the resource's own account. */
    public static Arn arnOf(String role, String account) {
        return Arn.parse(role).orElseGet(() -> Arn.global("iam", account, "role/" + role));
    }
}
