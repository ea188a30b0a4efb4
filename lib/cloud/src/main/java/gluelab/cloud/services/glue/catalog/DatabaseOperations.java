package gluelab.cloud.services.glue.catalog;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.glue.GlueErrors;
import gluelab.cloud.services.glue.tags.ResourceTags;
import gluelab.cloud.services.glue.tags.TaggedType;
import gluelab.cloud.services.glue.tags.Tagging;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.glue.model.CreateDatabaseRequest;
import software.amazon.awssdk.services.glue.model.CreateDatabaseResponse;
import software.amazon.awssdk.services.glue.model.DataLakePrincipal;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.DatabaseAttributes;
import software.amazon.awssdk.services.glue.model.DatabaseInput;
import software.amazon.awssdk.services.glue.model.DeleteDatabaseRequest;
import software.amazon.awssdk.services.glue.model.DeleteDatabaseResponse;
import software.amazon.awssdk.services.glue.model.GetDatabaseRequest;
import software.amazon.awssdk.services.glue.model.GetDatabaseResponse;
import software.amazon.awssdk.services.glue.model.GetDatabasesRequest;
import software.amazon.awssdk.services.glue.model.GetDatabasesResponse;
import software.amazon.awssdk.services.glue.model.Permission;
import software.amazon.awssdk.services.glue.model.PrincipalPermissions;
import software.amazon.awssdk.services.glue.model.ResourceShareType;
import software.amazon.awssdk.services.glue.model.UpdateDatabaseRequest;
import software.amazon.awssdk.services.glue.model.UpdateDatabaseResponse;

/** CreateDatabase, GetDatabase, GetDatabases, UpdateDatabase and DeleteDatabase. */
public final class DatabaseOperations {

    private static final Pages.Limits GET_DATABASES = new Pages.Limits("maxResults", 100, 100);

    /**
     * What an account's catalog gives new tables unless told otherwise: Lake Formation's default of letting
     * IAM policies alone decide ("IAM_ALLOWED_PRINCIPALS" with ALL), which GetDatabase shows.
     */
    private static final List<PrincipalPermissions> IAM_ONLY_DEFAULT = List.of(PrincipalPermissions.builder()
            .principal(DataLakePrincipal.builder().dataLakePrincipalIdentifier("IAM_ALLOWED_PRINCIPALS").build())
            .permissions(Permission.ALL)
            .build());

    private final AccountRegionStore<CatalogState> catalogs;
    private final Tagging tagging;

    public DatabaseOperations(AccountRegionStore<CatalogState> catalogs, Tagging tagging) {
        this.catalogs = catalogs;
        this.tagging = tagging;
    }

    public CreateDatabaseResponse createDatabase(RequestContext context, CreateDatabaseRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        DatabaseInput input = request.databaseInput();
        if (input == null) {
            throw GlueErrors.missing("databaseInput");
        }
        String name = CatalogNames.fold(input.name(), "databaseInput.name");
        context.resource(name);
        ResourceTags tags = Tagging.checked("tags", request.hasTags() ? request.tags() : null);
        Database database = fromInput(input, name, context)
                .createTime(context.now())
                .createTableDefaultPermissions(input.hasCreateTableDefaultPermissions()
                        ? input.createTableDefaultPermissions() : IAM_ONLY_DEFAULT)
                .build();
        CatalogState catalog = catalogs.get(context);
        synchronized (catalog) {
            if (catalog.databases.putIfAbsent(name, database) != null) {
                throw GlueErrors.alreadyExists("Database already exists.");
            }
            tagging.tagNew(catalog.scope, TaggedType.DATABASE, name, tags);
        }
        return CreateDatabaseResponse.builder().build();
    }

    public GetDatabaseResponse getDatabase(RequestContext context, GetDatabaseRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        String name = CatalogNames.fold(request.name(), "name");
        return GetDatabaseResponse.builder().database(existing(catalogs.get(context), name, request.name())).build();
    }

    public GetDatabasesResponse getDatabases(RequestContext context, GetDatabasesRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        List<Map.Entry<String, Database>> candidates = catalogs.get(context).databases.view().entrySet().stream()
                .filter(entry -> shown(entry.getValue(), request.resourceShareType()))
                .toList();
        Pages.Page<Database> page = CatalogState.page(candidates, Comparator.naturalOrder(), request.nextToken(),
                request.maxResults(), GET_DATABASES);
        List<Database> databases = page.items().stream()
                .map(database -> onlyAttributes(database, request.attributesToGet()))
                .toList();
        return GetDatabasesResponse.builder().databaseList(databases).nextToken(page.nextToken()).build();
    }

    /** Every database here is the account's own: none is shared in from elsewhere (FOREIGN). */
    private static boolean shown(Database database, ResourceShareType shareType) {
        if (shareType == ResourceShareType.FOREIGN) {
            return false;
        }
        return shareType != ResourceShareType.FEDERATED || database.federatedDatabase() != null;
    }

    private static Database onlyAttributes(Database database, List<DatabaseAttributes> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return database;
        }
        Database.Builder trimmed = Database.builder().name(database.name());
        if (attributes.contains(DatabaseAttributes.TARGET_DATABASE)) {
            trimmed.targetDatabase(database.targetDatabase());
        }
        return trimmed.build();
    }

    public UpdateDatabaseResponse updateDatabase(RequestContext context, UpdateDatabaseRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        String name = CatalogNames.fold(request.name(), "name");
        DatabaseInput input = request.databaseInput();
        if (input == null) {
            throw GlueErrors.missing("databaseInput");
        }
        if (!CatalogNames.fold(input.name(), "databaseInput.name").equals(name)) {
            // Hive cannot rename a database, and neither does Glue through UpdateDatabase.
            throw GlueErrors.invalidInput("Database name cannot be changed: " + request.name() + " to " + input.name());
        }
        CatalogState catalog = catalogs.get(context);
        synchronized (catalog) {
            Database existing = existing(catalog, name, request.name());
            Database updated = fromInput(input, name, context)
                    .createTime(existing.createTime())
                    .createTableDefaultPermissions(input.hasCreateTableDefaultPermissions()
                            ? input.createTableDefaultPermissions() : existing.createTableDefaultPermissions())
                    .build();
            catalog.databases.put(name, updated);
        }
        return UpdateDatabaseResponse.builder().build();
    }

    public DeleteDatabaseResponse deleteDatabase(RequestContext context, DeleteDatabaseRequest request) {
        CatalogAccess.requireOwnCatalog(context, request.catalogId());
        String name = CatalogNames.fold(request.name(), "name");
        CatalogState catalog = catalogs.get(context);
        synchronized (catalog) {
            existing(catalog, name, request.name());
            delete(catalog, name);
        }
        return DeleteDatabaseResponse.builder().build();
    }

    /**
     * Removes databases (with their tables, partitions and tags) whose name starts with {@code prefix}, or all, in
     * every account and region; returns how many databases, tables and partitions went. Glue stores names in lower
     * case, so the prefix is compared in lower case too.
     */
    public int reset(String prefix) {
        String folded = prefix == null || prefix.isEmpty() ? null : prefix.toLowerCase(Locale.ROOT);
        int removed = 0;
        for (CatalogState catalog : catalogs.all().values()) {
            for (String name : List.copyOf(catalog.databases.keys())) {
                if (folded == null || name.startsWith(folded)) {
                    removed += delete(catalog, name);
                }
            }
        }
        return removed;
    }

    private int delete(CatalogState catalog, String name) {
        tagging.forget(catalog.scope, TaggedType.DATABASE, name);
        return catalog.deleteDatabase(name);
    }

    /** The database, or Glue's "Database foo not found." with the name as the caller wrote it. */
    static Database existing(CatalogState catalog, String name, String asGiven) {
        return catalog.database(name).orElseThrow(() -> GlueErrors.databaseNotFound(asGiven));
    }

    private static Database.Builder fromInput(DatabaseInput input, String name, RequestContext context) {
        return Database.builder()
                .name(name)
                .description(input.description())
                .locationUri(input.locationUri())
                .parameters(input.parameters())
                .targetDatabase(input.targetDatabase())
                .federatedDatabase(input.federatedDatabase())
                .catalogId(context.accountId());
    }
}
