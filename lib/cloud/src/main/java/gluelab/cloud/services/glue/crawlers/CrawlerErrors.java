package gluelab.cloud.services.glue.crawlers;

import gluelab.cloud.provider.AwsServiceException;

/** The crawler-specific errors, with the codes of the Glue model and HTTP 400; the common ones are GlueErrors'. */
final class CrawlerErrors {

    private CrawlerErrors() {
    }

    static AwsServiceException crawlerNotFound(String name) {
        return new AwsServiceException("EntityNotFoundException", "Crawler entry with name " + name + " does not exist", 400);
    }

    static AwsServiceException running(String name) {
        return new AwsServiceException("CrawlerRunningException", "Crawler with name " + name + " has already started", 400);
    }

    static AwsServiceException busyForChange(String name) {
        return new AwsServiceException("CrawlerRunningException",
                "Cannot update or delete crawler " + name + " while it is running.", 400);
    }

    static AwsServiceException notRunning(String name) {
        return new AwsServiceException("CrawlerNotRunningException", "Crawler with name " + name + " isn't running.", 400);
    }

    static AwsServiceException stopping(String name) {
        return new AwsServiceException("CrawlerStoppingException", "Crawler with name " + name + " is stopping.", 400);
    }

    static AwsServiceException noSchedule(String name) {
        return new AwsServiceException("NoScheduleException", "Crawler " + name + " has no schedule.", 400);
    }

    static AwsServiceException schedulerRunning(String name) {
        return new AwsServiceException("SchedulerRunningException", "Schedule of crawler " + name + " is already running.", 400);
    }

    static AwsServiceException schedulerNotRunning(String name) {
        return new AwsServiceException("SchedulerNotRunningException", "Schedule of crawler " + name + " isn't running.", 400);
    }
}
