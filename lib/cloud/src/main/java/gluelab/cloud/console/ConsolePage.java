package gluelab.cloud.console;

import java.util.List;

/**
 * One page of the console: a title, where it sits (the links above it) and its blocks, top to bottom. The
 * browser renders every block of a kind the same way, as text (never as markup), whatever the service.
 */
public record ConsolePage(String title, List<Crumb> crumbs, List<ConsoleBlock> blocks) {

    public ConsolePage {
        crumbs = List.copyOf(crumbs);
        blocks = List.copyOf(blocks);
    }

    public static ConsolePage of(String title, List<Crumb> crumbs, ConsoleBlock... blocks) {
        return new ConsolePage(title, crumbs, List.of(blocks));
    }

    /** A link above the title: the page's place among its parents. */
    public record Crumb(String label, String link) {
    }
}
