package gluelab.cloud.services.glue.connections;

import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.services.glue.GlueErrors;

/** The errors of Glue's connection operations, in Glue's words. */
final class ConnectionErrors {

    private ConnectionErrors() {
    }

    static AwsServiceException notFound(String name) {
        return GlueErrors.connectionNotFound(name);
    }

    static AwsServiceException alreadyExists(String name) {
        return GlueErrors.alreadyExists("Connection already exists: " + name);
    }

    static AwsServiceException invalidInput(String message) {
        return GlueErrors.invalidInput(message);
    }
}
