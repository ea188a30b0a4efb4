package gluelab.cloud.services.logs.insights;

/** The fields Logs Insights gives every event, whatever its message. */
public final class Fields {

    public static final String TIMESTAMP = "@timestamp";
    public static final String MESSAGE = "@message";
    public static final String LOG_STREAM = "@logStream";
    /** {@code account-id:log-group-name}. */
    public static final String LOG = "@log";
    public static final String INGESTION_TIME = "@ingestionTime";
    /** An event's reference, which GetLogRecord reads; present in every row that is one event. */
    public static final String POINTER = "@ptr";

    private Fields() {
    }
}
