package gluelab.cloud.services.states.asl;

/**
 * One problem with a state machine definition, as ValidateStateMachineDefinition reports it: a code
 * ({@code SCHEMA_VALIDATION_FAILED}, {@code MISSING_TRANSITION_TARGET}), a message and the location in the
 * definition ({@code /States/Wait/Seconds}).
 */
public final class DefinitionError extends RuntimeException {

    private final String code;
    private final String location;

    public DefinitionError(String code, String message, String location) {
        super(message, null, false, false);
        this.code = code;
        this.location = location;
    }

    public String code() {
        return code;
    }

    public String location() {
        return location;
    }

    /** As CreateStateMachine's InvalidDefinition words it: {@code CODE: message at /location}. */
    public String describe() {
        return code + ": " + getMessage() + (location == null ? "" : " at " + location);
    }
}
