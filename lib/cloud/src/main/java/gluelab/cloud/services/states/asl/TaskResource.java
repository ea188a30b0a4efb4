package gluelab.cloud.services.states.asl;

import gluelab.cloud.provider.Arn;
import java.util.Optional;

/**
 * A Task state's Resource, read as Step Functions reads it: an optimized or SDK integration
 * ({@code arn:aws:states:::glue:startJobRun.sync}: service {@code glue}, action {@code startJobRun}, pattern
 * {@code .sync}), or a Lambda function's ARN, which is invoked with the state's input as its payload.
 *
 * @param service the integration's service ({@code lambda}, {@code glue}, {@code aws-sdk:s3}…)
 * @param action  the API action ({@code invoke}), or the function's ARN for a bare function
 * @param pattern {@code ""} (request/response), {@code .sync}, {@code .sync:2} or {@code .waitForTaskToken}
 */
public record TaskResource(String arn, String service, String action, String pattern, boolean bareFunction) {

    /** The resource, or empty when it is neither form. */
    public static Optional<TaskResource> parse(String text) {
        Optional<Arn> arn = Arn.parse(text);
        if (arn.isEmpty()) {
            return Optional.empty();
        }
        if (arn.get().service().equals("lambda") && arn.get().resourceType().equals("function")) {
            return Optional.of(new TaskResource(text, "lambda", text, "", true));
        }
        if (!arn.get().service().equals("states") || !arn.get().region().isEmpty()
                || !arn.get().account().isEmpty()) {
            return Optional.empty();
        }
        String resource = arn.get().resource();
        String service;
        String rest;
        if (resource.startsWith("aws-sdk:")) {
            int colon = resource.indexOf(':', "aws-sdk:".length());
            if (colon < 0) {
                return Optional.empty();
            }
            service = resource.substring(0, colon);
            rest = resource.substring(colon + 1);
        } else {
            int colon = resource.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            service = resource.substring(0, colon);
            rest = resource.substring(colon + 1);
        }
        int dot = rest.indexOf('.');
        String action = dot < 0 ? rest : rest.substring(0, dot);
        String pattern = dot < 0 ? "" : rest.substring(dot);
        if (action.isEmpty() || !(pattern.isEmpty() || pattern.equals(".sync") || pattern.equals(".sync:2")
                || pattern.equals(".waitForTaskToken"))) {
            return Optional.empty();
        }
        return Optional.of(new TaskResource(text, service, action, pattern, false));
    }

    /** Whether the task waits for SendTaskSuccess or SendTaskFailure with its token. */
    public boolean waitsForCallback() {
        return pattern.equals(".waitForTaskToken");
    }

    /** The same call without waiting: what a {@code .waitForTaskToken} task makes before it waits. */
    public TaskResource requestResponse() {
        return new TaskResource(arn, service, action, "", bareFunction);
    }

    /** What the history calls the resource: {@code startJobRun.sync}, or the function ARN. */
    public String historyResource() {
        return bareFunction ? arn : action + pattern;
    }

    /** What the history calls the resource type: {@code glue}, {@code lambda}, {@code aws-sdk:s3}. */
    public String historyResourceType() {
        return service;
    }
}
