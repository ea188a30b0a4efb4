package gluelab.cloud.services.glue.catalog;

import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.services.glue.GlueErrors;

/**
 * Whose Data Catalog a request may touch. A request's {@code CatalogId} defaults to the caller's account;
 * another account's catalog needs a Glue resource policy that grants access, and Lab Cloud has no resource
 * policies yet, so AWS's answer for an ungranted cross-account call is the only one it gives.
 */
public final class CatalogAccess {

    private CatalogAccess() {
    }

    public static void requireOwnCatalog(RequestContext context, String catalogId) {
        if (catalogId == null || catalogId.equals(context.accountId())) {
            return;
        }
        throw GlueErrors.accessDenied(context, Arn.of("glue", context.region(), catalogId, "catalog").toString());
    }
}
