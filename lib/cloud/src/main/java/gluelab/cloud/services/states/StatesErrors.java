package gluelab.cloud.services.states;

import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.Validation;
import gluelab.cloud.services.states.asl.DefinitionError;
import java.util.List;
import java.util.stream.Collectors;

/** The errors Step Functions answers with, with the codes and messages of the AWS model and service. */
final class StatesErrors {

    static final String VALIDATION = "ValidationException";

    private StatesErrors() {
    }

    static Validation validation() {
        return Validation.of(VALIDATION);
    }

    static AwsServiceException machineDoesNotExist(String arn) {
        return new AwsServiceException("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'", 400);
    }

    static AwsServiceException machineExists(String arn) {
        return new AwsServiceException("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'",
                400);
    }

    static AwsServiceException executionDoesNotExist(String arn) {
        return new AwsServiceException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'", 400);
    }

    static AwsServiceException executionExists(String arn) {
        return new AwsServiceException("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'", 400);
    }

    static AwsServiceException invalidArn(String why) {
        return new AwsServiceException("InvalidArn", "Invalid Arn: '" + why + "'", 400);
    }

    static AwsServiceException invalidName(String name) {
        return new AwsServiceException("InvalidName", "Invalid Name: '" + name + "'", 400);
    }

    static AwsServiceException invalidDefinition(List<DefinitionError> errors) {
        return new AwsServiceException("InvalidDefinition", "Invalid State Machine Definition: '"
                + errors.stream().map(DefinitionError::describe).collect(Collectors.joining(", ")) + "'", 400);
    }

    static AwsServiceException invalidInput(String why) {
        return new AwsServiceException("InvalidExecutionInput", "Invalid State Machine Execution Input: '" + why
                + "'", 400);
    }

    static AwsServiceException notRedrivable(String why) {
        return new AwsServiceException("ExecutionNotRedrivable", why, 400);
    }

    static AwsServiceException typeNotSupported(String why) {
        return new AwsServiceException("StateMachineTypeNotSupported", why, 400);
    }

    static AwsServiceException roleNotAssumable() {
        return new AwsServiceException("AccessDeniedException", "Neither the global service principal "
                + StatesProvider.SERVICE_PRINCIPAL + ", nor the regional one is authorized to assume the provided "
                + "role.", 400);
    }

    static AwsServiceException resourceNotFound(String arn) {
        return new AwsServiceException("ResourceNotFound", "Resource not found: '" + arn + "'", 400);
    }

    static AwsServiceException tooManyTags(String arn) {
        return new AwsServiceException("TooManyTags", "Too many tags on resource: '" + arn + "'", 400)
                .with("resourceName", arn);
    }

    static AwsServiceException invalidToken() {
        return new AwsServiceException("InvalidToken", "Invalid Token: 'Invalid token'", 400);
    }

    static AwsServiceException invalidOutput(String why) {
        return new AwsServiceException("InvalidOutput", "Invalid Output: '" + why + "'", 400);
    }
}
