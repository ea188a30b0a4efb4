package gluelab.cloud.services.lambda.execution;

import gluelab.cloud.provider.Scope;
import java.nio.file.Path;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * What an execution environment is started with: one function's configuration as it was when invoked (its code, its
 * handler, its role, its environment), unpacked in {@code taskRoot}. Environments are shared only by invocations of the
 * same setup, so a changed function never runs in an environment started for its old code or configuration.
 *
 * @param version the version invoked ({@code $LATEST} or a number)
 */
public record FunctionSetup(Scope scope, FunctionConfiguration function, String version, Path taskRoot) {

    /** The pool key: the same for invocations that may share an environment. */
    String key() {
        return scope.account() + "/" + scope.region() + "/" + function.functionName() + "/" + version + "/"
                + function.revisionId();
    }

    /** The prefix of the keys of every environment of one function. */
    static String functionKeyPrefix(Scope scope, String functionName) {
        return scope.account() + "/" + scope.region() + "/" + functionName + "/";
    }
}
