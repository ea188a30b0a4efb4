package gluelab.cloud.services.glue;

import gluelab.cloud.provider.Pages;

/** Glue's MaxResults/NextToken paging: a page size out of range is a ValidationException, a foreign token InvalidInput. */
public final class GluePages {

    public static final Pages PAGES = new Pages(GlueErrors.VALIDATION,
            token -> GlueErrors.invalidInput("Invalid NextToken: " + token));

    private GluePages() {
    }
}
