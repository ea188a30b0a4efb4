package gluelab.cloud.services.events;

/**
 * One rule of a bus: an event pattern or a schedule (or, as AWS allows, both), whether it is enabled, and the role
 * it may act as.
 *
 * @param createdBy the account that created the rule
 */
record RuleRecord(String bus, String name, String eventPattern, String scheduleExpression, String state,
                  String description, String roleArn, String createdBy) {

    static final String ENABLED = "ENABLED";

    boolean enabled() {
        return state != null && state.startsWith(ENABLED);
    }

    RuleRecord withState(String newState) {
        return new RuleRecord(bus, name, eventPattern, scheduleExpression, newState, description, roleArn, createdBy);
    }
}
