package gluelab.cloud.console;

/**
 * What one service shows in Lab Cloud's web console ({@code /_lab/ui/}): its pages, addressed by the path after the
 * service's name ({@code #/glue/jobs/etl} is the path {@code jobs/etl} of Glue's view). A view reads through its own
 * service's operations, as the account, and never changes anything.
 */
public interface ConsoleView {

    /** The first segment of the view's paths, e.g. {@code glue}. */
    String name();

    /** What the console's menu calls it, e.g. {@code Glue}. */
    String title();

    /**
     * The page at {@code request.path()}; the empty path is the service's front page.
     *
     * @throws ConsoleNotFound when no page is there (no such path, or no such resource)
     */
    ConsolePage page(ConsoleRequest request);
}
