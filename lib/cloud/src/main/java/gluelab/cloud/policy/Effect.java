package gluelab.cloud.policy;

/** What a statement does to the requests it matches. */
public enum Effect {
    ALLOW, DENY
}
