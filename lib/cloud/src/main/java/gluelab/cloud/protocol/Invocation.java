package gluelab.cloud.protocol;

import gluelab.cloud.provider.Operation;

/** A parsed call: which operation, its typed request, and any extra arguments (an upload's stream). */
public record Invocation(Operation operation, Object request, Object... extraArguments) {
}
