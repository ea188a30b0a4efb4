package gluelab.cloud.console;

/**
 * What one service shows in Lab Cloud's web console ({@code /_lab/ui/}): its pages, addressed by the path after the
 * view's name ({@code #/glue/jobs/etl} is the path {@code jobs/etl} of Glue's view). A view reads through its
 * service's operations, as the account, and never changes anything.
 */
public abstract class ConsoleView {

    private final String name;
    private final String title;

    /**
     * @param name  the first segment of the view's paths, e.g. {@code glue}
     * @param title what the console's menu calls it, e.g. {@code Glue}
     */
    protected ConsoleView(String name, String title) {
        this.name = name;
        this.title = title;
    }

    public final String name() {
        return name;
    }

    public final String title() {
        return title;
    }

    /**
     * The page at {@code request.path()}; the empty path is the service's front page.
     *
     * @throws ConsoleNotFound when no page is there (no such path, or no such resource)
     */
    public abstract ConsolePage page(ConsoleRequest request);
}
