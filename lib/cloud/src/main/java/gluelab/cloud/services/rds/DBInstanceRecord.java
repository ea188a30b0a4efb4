package gluelab.cloud.services.rds;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DB instance as RDS keeps it. {@code adminPassword} is the cluster superuser's ({@link PostgresServer#ADMIN}),
 * which only Lab Cloud knows; {@code pendingMasterPassword} is the master password a ModifyDBInstance asked for,
 * kept only until the server has it, so a restart in between still applies it.
 */
record DBInstanceRecord(
        String identifier,
        String arn,
        String resourceId,
        String instanceClass,
        String engine,
        String engineVersion,
        String masterUsername,
        String dbName,
        int allocatedStorage,
        String storageType,
        String availabilityZone,
        int backupRetentionPeriod,
        boolean deletionProtection,
        boolean publiclyAccessible,
        int port,
        String status,
        long created,
        Map<String, String> tags,
        String adminPassword,
        String pendingMasterPassword) {

    static final String CREATING = "creating";
    static final String AVAILABLE = "available";
    static final String STARTING = "starting";
    static final String RESETTING_MASTER_CREDENTIALS = "resetting-master-credentials";
    static final String DELETING = "deleting";
    static final String FAILED = "failed";

    DBInstanceRecord {
        tags = tags == null ? new LinkedHashMap<>() : new LinkedHashMap<>(tags);
    }

    DBInstanceRecord withStatus(String newStatus) {
        return new DBInstanceRecord(identifier, arn, resourceId, instanceClass, engine, engineVersion, masterUsername,
                dbName, allocatedStorage, storageType, availabilityZone, backupRetentionPeriod, deletionProtection,
                publiclyAccessible, port, newStatus, created, tags, adminPassword, pendingMasterPassword);
    }

    DBInstanceRecord withPort(int newPort) {
        return new DBInstanceRecord(identifier, arn, resourceId, instanceClass, engine, engineVersion, masterUsername,
                dbName, allocatedStorage, storageType, availabilityZone, backupRetentionPeriod, deletionProtection,
                publiclyAccessible, newPort, status, created, tags, adminPassword, pendingMasterPassword);
    }

    DBInstanceRecord withTags(Map<String, String> newTags) {
        return new DBInstanceRecord(identifier, arn, resourceId, instanceClass, engine, engineVersion, masterUsername,
                dbName, allocatedStorage, storageType, availabilityZone, backupRetentionPeriod, deletionProtection,
                publiclyAccessible, port, status, created, newTags, adminPassword, pendingMasterPassword);
    }

    DBInstanceRecord withPendingMasterPassword(String password) {
        return new DBInstanceRecord(identifier, arn, resourceId, instanceClass, engine, engineVersion, masterUsername,
                dbName, allocatedStorage, storageType, availabilityZone, backupRetentionPeriod, deletionProtection,
                publiclyAccessible, port, status, created, tags, adminPassword, password);
    }

    /** The modifiable settings ModifyDBInstance may change besides the password. */
    DBInstanceRecord withSettings(String newClass, int newStorage, int newRetention, boolean newProtection,
                                  boolean newPublic) {
        return new DBInstanceRecord(identifier, arn, resourceId, newClass, engine, engineVersion, masterUsername,
                dbName, newStorage, storageType, availabilityZone, newRetention, newProtection, newPublic, port,
                status, created, tags, adminPassword, pendingMasterPassword);
    }
}
