package gluelab.cloud.services.glue.crawlers;

/** Thrown at a crawl's next checkpoint once StopCrawler asked it to stop. */
final class CrawlCancelled extends RuntimeException {

    CrawlCancelled() {
        super("The crawl was stopped", null, false, false);
    }
}
