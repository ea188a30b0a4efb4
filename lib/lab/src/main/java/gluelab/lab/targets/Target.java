package gluelab.lab.targets;

import java.util.Locale;

/** Where a notebook's AWS calls go, chosen by {@code LAB_TARGET}. The notebook code is the same on all three. */
public enum Target {
    /** Lab Cloud, the project's local AWS-compatible endpoint (the default): no Docker, no account. */
    EMBEDDED,
    /** LocalStack in Docker through Testcontainers, or one already running at {@code LOCALSTACK_ENDPOINT}. */
    LOCALSTACK,
    /** A real AWS account, through the SDK's default credential chain and region. */
    AWS;

    /** The value of {@code LAB_TARGET} that selects this target. */
    public String environmentValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Target parse(String value) {
        if (value == null || value.isBlank()) {
            return EMBEDDED;
        }
        for (Target target : values()) {
            if (target.environmentValue().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return target;
            }
        }
        throw new gluelab.lab.LabSetupException("LAB_TARGET=" + value + " is not a target; use embedded (the default), "
                + "localstack or aws.");
    }
}
