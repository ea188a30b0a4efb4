package gluelab.lab;

/** A crawl the lab waited for ended FAILED, or there was no crawl to wait for. The message says why and where the log is. */
public class CrawlFailedException extends RuntimeException {

    public CrawlFailedException(String message) {
        super(message);
    }
}
