package gluelab.cloud.services.glue.crawlers;

/** Why a crawl failed, worded for LastCrawl's ErrorMessage and the crawler's log. */
final class CrawlFailure extends RuntimeException {

    CrawlFailure(String message) {
        super(message);
    }
}
