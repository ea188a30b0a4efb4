package gluelab.cloud.services.rds;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceResponse;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DeleteDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.DeleteDbInstanceResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.rds.model.Endpoint;
import software.amazon.awssdk.services.rds.model.Filter;
import software.amazon.awssdk.services.rds.model.ModifyDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.ModifyDbInstanceResponse;
import software.amazon.awssdk.services.rds.model.PendingModifiedValues;
import software.amazon.awssdk.services.rds.model.Tag;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * DB instances: CreateDBInstance, DescribeDBInstances, ModifyDBInstance and DeleteDBInstance. Each instance is a real
 * PostgreSQL server ({@link DBInstanceServers}) on 127.0.0.1, whose port is the instance's endpoint port.
 *
 * <p>Where Lab Cloud differs from AWS: engine {@code postgres} only, at the version of the packaged binaries; the
 * instance class and storage are recorded, not enforced; there are no snapshots, VPCs or parameter groups, so a
 * deletion must skip its final snapshot.
 */
public final class DBInstanceOperations {

    private static final Set<String> OTHER_ENGINES = Set.of("aurora-mysql", "aurora-postgresql", "custom-oracle-ee",
            "custom-oracle-ee-cdb", "custom-oracle-se2", "custom-oracle-se2-cdb", "custom-sqlserver-ee",
            "custom-sqlserver-se", "custom-sqlserver-web", "custom-sqlserver-dev", "db2-ae", "db2-se", "mariadb",
            "mysql", "oracle-ee", "oracle-ee-cdb", "oracle-se2", "oracle-se2-cdb", "sqlserver-dev-ee", "sqlserver-ee",
            "sqlserver-se", "sqlserver-ex", "sqlserver-web");
    private static final Set<String> FILTERS = Set.of("db-cluster-id", "db-instance-id", "dbi-resource-id", "domain",
            "engine");
    private static final Pages PAGES = new Pages("InvalidParameterValue",
            marker -> RdsErrors.invalidParameterValue("Invalid marker: " + marker));
    private static final Pages.Limits MAX_RECORDS = new Pages.Limits("MaxRecords", 100, 100);
    private static final String MASKED_PASSWORD = "****";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRegionStore<RdsState> states;
    private final DBInstanceServers servers;

    DBInstanceOperations(AccountRegionStore<RdsState> states, DBInstanceServers servers) {
        this.states = states;
        this.servers = servers;
    }

    public CreateDbInstanceResponse createDBInstance(RequestContext context, CreateDbInstanceRequest request) {
        String identifier = RdsNames.instanceIdentifier(request.dbInstanceIdentifier());
        RdsNames.instanceClass(request.dbInstanceClass());
        String engine = engine(request.engine());
        String version = PostgresBinaries.get().version();
        if (request.engineVersion() != null && !version.equals(request.engineVersion())
                && !version.startsWith(request.engineVersion() + ".")) {
            throw RdsErrors.invalidParameterCombination(
                    "Cannot find version " + request.engineVersion() + " for " + engine);
        }
        if (Boolean.TRUE.equals(request.manageMasterUserPassword())) {
            throw RdsErrors.invalidParameterCombination("Lab Cloud's RDS does not manage master passwords in Secrets "
                    + "Manager yet: give MasterUserPassword instead of ManageMasterUserPassword.");
        }
        RdsNames.masterUsername(request.masterUsername());
        RdsNames.masterUserPassword(request.masterUserPassword());
        String storageType = request.storageType() == null ? "gp2" : request.storageType();
        RdsNames.allocatedStorage(request.allocatedStorage(), storageType);
        RdsNames.databaseName(request.dbName());
        Map<String, String> tags = tags(request.tags());

        RdsState state = states.get(context);
        DBInstanceRecord instance;
        synchronized (state) {
            if (state.find(identifier).isPresent()) {
                throw RdsErrors.dbInstanceAlreadyExists();
            }
            instance = new DBInstanceRecord(identifier, Arn.in(state.scope, "rds", "db:" + identifier).toString(),
                    "db-" + randomId(13), request.dbInstanceClass(), engine, version, request.masterUsername(),
                    request.dbName(), request.allocatedStorage(), storageType, context.region() + "a",
                    request.backupRetentionPeriod() == null ? 1 : request.backupRetentionPeriod(),
                    Boolean.TRUE.equals(request.deletionProtection()),
                    Boolean.TRUE.equals(request.publiclyAccessible()),
                    request.port() == null ? 0 : request.port(), DBInstanceRecord.CREATING,
                    context.now().toEpochMilli(), tags, randomId(32), null);
            state.put(instance);
        }
        servers.create(state, instance, request.masterUserPassword());
        return CreateDbInstanceResponse.builder().dbInstance(describe(instance)).build();
    }

    public DescribeDbInstancesResponse describeDBInstances(RequestContext context, DescribeDbInstancesRequest request) {
        Integer maxRecords = request.maxRecords();
        if (maxRecords != null && (maxRecords < 20 || maxRecords > 100)) {
            throw RdsErrors.invalidParameterValue(
                    "Invalid value " + maxRecords + " for MaxRecords. Must be between 20 and 100");
        }
        RdsState state = states.get(context);
        List<DBInstanceRecord> matching;
        if (request.dbInstanceIdentifier() != null) {
            matching = List.of(state.require(identifierOrArn(request.dbInstanceIdentifier())));
        } else {
            Predicate<DBInstanceRecord> filters = filters(request.filters());
            matching = state.all().stream().filter(filters)
                    .sorted(Comparator.comparing(DBInstanceRecord::identifier)).toList();
        }
        Pages.Page<DBInstanceRecord> page = PAGES.page(matching, DBInstanceRecord::identifier, request.marker(),
                maxRecords, MAX_RECORDS);
        return DescribeDbInstancesResponse.builder()
                .dbInstances(page.items().stream().map(DBInstanceOperations::describe).toList())
                .marker(page.nextToken())
                .build();
    }

    public ModifyDbInstanceResponse modifyDBInstance(RequestContext context, ModifyDbInstanceRequest request) {
        if (request.dbInstanceIdentifier() == null) {
            throw RdsErrors.missingParameter("DBInstanceIdentifier");
        }
        if (request.newDBInstanceIdentifier() != null || request.engineVersion() != null
                || request.manageMasterUserPassword() != null) {
            throw RdsErrors.invalidParameterCombination("Lab Cloud's RDS cannot rename an instance, change its engine "
                    + "version or manage its master password: change MasterUserPassword, DBInstanceClass, "
                    + "AllocatedStorage, BackupRetentionPeriod, DeletionProtection or PubliclyAccessible.");
        }
        RdsState state = states.get(context);
        String identifier = identifierOrArn(request.dbInstanceIdentifier());
        DBInstanceRecord current = state.require(identifier);
        if (request.dbInstanceClass() != null) {
            RdsNames.instanceClass(request.dbInstanceClass());
        }
        if (request.allocatedStorage() != null) {
            RdsNames.allocatedStorage(request.allocatedStorage(), current.storageType());
            if (request.allocatedStorage() < current.allocatedStorage()) {
                throw RdsErrors.invalidParameterValue("Invalid storage size: the allocated storage cannot be "
                        + "reduced below " + current.allocatedStorage() + ".");
            }
        }
        if (request.masterUserPassword() != null) {
            RdsNames.masterUserPassword(request.masterUserPassword());
        }
        DBInstanceRecord modified;
        synchronized (state) {
            current = state.require(identifier);
            if (!DBInstanceRecord.AVAILABLE.equals(current.status())) {
                throw RdsErrors.invalidState("Database instance is not in available state.");
            }
            modified = current.withSettings(
                    request.dbInstanceClass() == null ? current.instanceClass() : request.dbInstanceClass(),
                    request.allocatedStorage() == null ? current.allocatedStorage() : request.allocatedStorage(),
                    request.backupRetentionPeriod() == null ? current.backupRetentionPeriod()
                            : request.backupRetentionPeriod(),
                    request.deletionProtection() == null ? current.deletionProtection() : request.deletionProtection(),
                    request.publiclyAccessible() == null ? current.publiclyAccessible()
                            : request.publiclyAccessible());
            if (request.masterUserPassword() != null) {
                modified = modified.withPendingMasterPassword(request.masterUserPassword())
                        .withStatus(DBInstanceRecord.RESETTING_MASTER_CREDENTIALS);
            }
            state.put(modified);
        }
        if (request.masterUserPassword() != null) {
            servers.resetMasterPassword(state, modified);
        }
        return ModifyDbInstanceResponse.builder().dbInstance(describe(modified)).build();
    }

    public DeleteDbInstanceResponse deleteDBInstance(RequestContext context, DeleteDbInstanceRequest request) {
        if (request.dbInstanceIdentifier() == null) {
            throw RdsErrors.missingParameter("DBInstanceIdentifier");
        }
        boolean skip = Boolean.TRUE.equals(request.skipFinalSnapshot());
        String snapshot = request.finalDBSnapshotIdentifier();
        if (skip && snapshot != null) {
            throw RdsErrors.invalidParameterCombination(
                    "Cannot specify FinalDBSnapshotIdentifier when SkipFinalSnapshot is enabled.");
        }
        if (!skip && snapshot == null) {
            throw RdsErrors.invalidParameterCombination(
                    "FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.");
        }
        if (!skip) {
            throw RdsErrors.invalidParameterCombination(
                    "Lab Cloud's RDS takes no snapshots: delete with SkipFinalSnapshot.");
        }
        RdsState state = states.get(context);
        String identifier = identifierOrArn(request.dbInstanceIdentifier());
        DBInstanceRecord deleting;
        synchronized (state) {
            DBInstanceRecord current = state.require(identifier);
            if (current.deletionProtection()) {
                throw RdsErrors.invalidParameterCombination(
                        "Cannot delete protected DB Instance, please disable deletion protection and try again.");
            }
            if (DBInstanceRecord.DELETING.equals(current.status())) {
                throw RdsErrors.invalidState("Instance " + identifier + " is already being deleted.");
            }
            deleting = current.withStatus(DBInstanceRecord.DELETING);
            state.put(deleting);
        }
        servers.delete(state, identifier);
        return DeleteDbInstanceResponse.builder().dbInstance(describe(deleting)).build();
    }

    /** The DBInstance shape: the endpoint once the server has one, and a masked password while one is pending. */
    static DBInstance describe(DBInstanceRecord instance) {
        boolean hasEndpoint = !DBInstanceRecord.CREATING.equals(instance.status()) && instance.port() > 0;
        return DBInstance.builder()
                .dbInstanceIdentifier(instance.identifier())
                .dbInstanceArn(instance.arn())
                .dbiResourceId(instance.resourceId())
                .dbInstanceClass(instance.instanceClass())
                .engine(instance.engine())
                .engineVersion(instance.engineVersion())
                .dbInstanceStatus(instance.status())
                .masterUsername(instance.masterUsername())
                .dbName(instance.dbName())
                .endpoint(hasEndpoint ? Endpoint.builder().address(PostgresServer.HOST).port(instance.port()).build()
                        : null)
                .allocatedStorage(instance.allocatedStorage())
                .storageType(instance.storageType())
                .instanceCreateTime(Instant.ofEpochMilli(instance.created()))
                .availabilityZone(instance.availabilityZone())
                .backupRetentionPeriod(instance.backupRetentionPeriod())
                .multiAZ(false)
                .autoMinorVersionUpgrade(true)
                .publiclyAccessible(instance.publiclyAccessible())
                .storageEncrypted(false)
                .deletionProtection(instance.deletionProtection())
                .licenseModel("postgresql-license")
                .dbInstancePort(0)
                .pendingModifiedValues(instance.pendingMasterPassword() == null ? PendingModifiedValues.builder().build()
                        : PendingModifiedValues.builder().masterUserPassword(MASKED_PASSWORD).build())
                .tagList(tagList(instance.tags()))
                .build();
    }

    static List<Tag> tagList(Map<String, String> tags) {
        return tags.entrySet().stream().map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build())
                .toList();
    }

    private static String engine(String engine) {
        if (engine == null || engine.isEmpty()) {
            throw RdsErrors.missingParameter("Engine");
        }
        String name = engine.toLowerCase(Locale.ROOT);
        if (OTHER_ENGINES.contains(name)) {
            throw RdsErrors.invalidParameterCombination("Lab Cloud's RDS runs engine postgres only, not " + engine + ".");
        }
        if (!"postgres".equals(name)) {
            throw RdsErrors.invalidParameterValue("Invalid DB engine: " + engine);
        }
        return name;
    }

    /** DescribeDBInstances, ModifyDBInstance and DeleteDBInstance take an identifier or, for Describe, an ARN. */
    private static String identifierOrArn(String text) {
        String identifier = text.startsWith("arn:") ? Arn.parse(text)
                .filter(arn -> arn.resource().startsWith("db:"))
                .map(arn -> arn.resource().substring(3))
                .orElseThrow(() -> RdsErrors.invalidParameterValue("Invalid database identifier: " + text)) : text;
        return identifier.toLowerCase(Locale.ROOT);
    }

    private static Predicate<DBInstanceRecord> filters(List<Filter> filters) {
        Predicate<DBInstanceRecord> all = instance -> true;
        for (Filter filter : filters) {
            if (filter.name() == null) {
                throw RdsErrors.missingParameter("Name");
            }
            if (!FILTERS.contains(filter.name())) {
                throw RdsErrors.invalidParameterValue("Unrecognized filter name: " + filter.name());
            }
            if (!filter.hasValues() || filter.values().isEmpty()) {
                throw RdsErrors.invalidParameterCombination("At least one value must be specified for filter "
                        + filter.name() + ".");
            }
            Set<String> values = Set.copyOf(filter.values());
            Predicate<DBInstanceRecord> matches = switch (filter.name()) {
                case "db-instance-id" -> instance -> values.contains(instance.identifier())
                        || values.contains(instance.arn());
                case "dbi-resource-id" -> instance -> values.contains(instance.resourceId());
                case "engine" -> instance -> values.contains(instance.engine());
                // No DB instance of Lab Cloud is in a cluster or a directory domain.
                default -> instance -> false;
            };
            all = all.and(matches);
        }
        return all;
    }

    static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Tag tag : tags) {
            if (tag.key() == null || tag.key().isEmpty() || tag.key().length() > 128) {
                throw RdsErrors.invalidParameterValue("A tag key must be 1 to 128 characters long.");
            }
            if (tag.key().toLowerCase(Locale.ROOT).startsWith("aws:")) {
                throw RdsErrors.invalidParameterValue("Tag keys cannot start with 'aws:'.");
            }
            map.put(tag.key(), tag.value() == null ? "" : tag.value());
        }
        return map;
    }

    private static String randomId(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder id = new StringBuilder();
        for (byte b : bytes) {
            id.append(alphabet.charAt((b & 0xff) % alphabet.length()));
        }
        return id.toString();
    }
}
