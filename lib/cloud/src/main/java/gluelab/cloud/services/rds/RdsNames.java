package gluelab.cloud.services.rds;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** RDS's rules for the names and the password a PostgreSQL DB instance is created with, in RDS's words. */
final class RdsNames {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z](?:[A-Za-z0-9]|-(?!-))*");
    private static final Pattern POSTGRES_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern INSTANCE_CLASS = Pattern.compile("db\\.[a-z0-9-]+\\.[a-z0-9-]+");
    private static final Pattern PASSWORD_CHARACTERS = Pattern.compile("[\\x21-\\x7e&&[^/@\"]]*");
    /** PostgreSQL's reserved key words, and the role RDS keeps for itself. */
    private static final Set<String> RESERVED = Set.of(PostgresServer.ADMIN, "all", "analyse", "analyze", "and",
            "any", "array", "as", "asc", "asymmetric", "both", "case", "cast", "check", "collate", "column",
            "constraint", "create", "current_catalog", "current_date", "current_role", "current_time",
            "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end",
            "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in", "initially",
            "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not", "null", "offset",
            "on", "only", "or", "order", "placing", "primary", "references", "returning", "select", "session_user",
            "some", "symmetric", "system_user", "table", "then", "to", "trailing", "true", "union", "unique", "user",
            "using", "variadic", "when", "where", "window", "with", "public", "none", "pg_signal_backend");

    private RdsNames() {
    }

    /** A DB instance identifier as RDS stores it (lower case), once valid. */
    static String instanceIdentifier(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            throw RdsErrors.missingParameter("DBInstanceIdentifier");
        }
        if (identifier.length() > 63 || !IDENTIFIER.matcher(identifier).matches() || identifier.endsWith("-")) {
            throw RdsErrors.invalidParameterValue("The parameter DBInstanceIdentifier is not a valid identifier. "
                    + "Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; "
                    + "and must not end with a hyphen or contain two consecutive hyphens.");
        }
        return identifier.toLowerCase(Locale.ROOT);
    }

    static void instanceClass(String instanceClass) {
        if (instanceClass == null || instanceClass.isEmpty()) {
            throw RdsErrors.missingParameter("DBInstanceClass");
        }
        if (!INSTANCE_CLASS.matcher(instanceClass).matches()) {
            throw RdsErrors.invalidParameterValue("Invalid DB Instance class: " + instanceClass);
        }
    }

    static void masterUsername(String username) {
        if (username == null || username.isBlank()) {
            throw RdsErrors.invalidParameterValue("The parameter MasterUsername must be provided and must not be blank.");
        }
        if (username.length() > 63 || !POSTGRES_NAME.matcher(username).matches()) {
            throw RdsErrors.invalidParameterValue("The parameter MasterUsername is not a valid identifier. "
                    + "Identifiers must begin with a letter and contain 1 to 63 letters, digits or underscores.");
        }
        if (RESERVED.contains(username.toLowerCase(Locale.ROOT))) {
            throw RdsErrors.invalidParameterValue(
                    "MasterUsername " + username + " cannot be used as it is a reserved word used by the engine");
        }
    }

    static void masterUserPassword(String password) {
        if (password == null || password.isEmpty()) {
            throw RdsErrors.invalidParameterValue(
                    "The parameter MasterUserPassword must be provided and must not be blank.");
        }
        if (!PASSWORD_CHARACTERS.matcher(password).matches()) {
            throw RdsErrors.invalidParameterValue("The parameter MasterUserPassword is not a valid password. "
                    + "Only printable ASCII characters besides '/', '@', '\"', ' ' may be used.");
        }
        if (password.length() < 8) {
            throw RdsErrors.invalidParameterValue(
                    "The parameter MasterUserPassword is not a valid password because it is shorter than 8 characters.");
        }
        if (password.length() > 128) {
            throw RdsErrors.invalidParameterValue(
                    "The parameter MasterUserPassword is not a valid password because it is longer than 128 characters.");
        }
    }

    static void databaseName(String name) {
        if (name == null) {
            return;
        }
        if (name.isEmpty() || name.length() > 63 || !POSTGRES_NAME.matcher(name).matches()) {
            throw RdsErrors.invalidParameterValue(
                    "DBName must begin with a letter and contain only alphanumeric characters.");
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw RdsErrors.invalidParameterValue(
                    "DBName " + name + " cannot be used as it is a reserved word used by the engine");
        }
    }

    /** General Purpose (gp2/gp3) storage for PostgreSQL: 20 to 65536 GiB. */
    static void allocatedStorage(Integer gibibytes, String storageType) {
        if (gibibytes == null) {
            throw RdsErrors.invalidParameterValue("The parameter AllocatedStorage must be provided and must not be blank.");
        }
        if (gibibytes < 20 || gibibytes > 65536) {
            throw RdsErrors.invalidParameterCombination("Invalid storage size for engine name postgres and storage type "
                    + storageType + ": " + gibibytes);
        }
    }
}
