package gluelab.cloud.services.states;

import java.util.Map;

/**
 * A state machine as Step Functions keeps it.
 *
 * @param type       STANDARD or EXPRESS
 * @param revisionId changes with every UpdateStateMachine that changes the definition or role
 */
record StateMachineRecord(String name, String arn, String type, String definition, String roleArn,
                          long creationDate, String revisionId, String loggingConfiguration,
                          Map<String, String> tags) {

    StateMachineRecord {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    StateMachineRecord withTags(Map<String, String> newTags) {
        return new StateMachineRecord(name, arn, type, definition, roleArn, creationDate, revisionId,
                loggingConfiguration, newTags);
    }
}
