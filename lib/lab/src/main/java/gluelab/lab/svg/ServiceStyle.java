package gluelab.lab.svg;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How each service looks in pictures: a name, a short badge and a colour of its own. A node in an
 * architecture picture is matched by the words it starts with ({@code "S3 raw bucket"},
 * {@code "Glue job csv-to-parquet"}); a lane in a timeline by the service id of its events ({@code s3}).
 */
public enum ServiceStyle {
    S3("Amazon S3", "S3", "#3F8624", "s3", "S3", "Amazon S3", "bucket"),
    GLUE_JOB("Glue job", "GLUE", "#8C4FFF", "glue", "Glue job", "Glue ETL job", "Glue"),
    GLUE_CRAWLER("Glue crawler", "CRAWLER", "#5A30B5", null, "Glue crawler", "Crawler"),
    DATA_CATALOG("Data Catalog", "CATALOG", "#7D3CB5", null, "Glue Data Catalog", "Data Catalog", "Catalog table",
            "Catalog"),
    GLUE_WORKFLOW("Glue workflow", "WORKFLOW", "#6F42C1", null, "Glue workflow", "Workflow"),
    GLUE_TRIGGER("Glue trigger", "TRIGGER", "#9A5CD0", null, "Glue trigger", "Trigger"),
    DATA_QUALITY("Data Quality", "DQ", "#4B2A9E", null, "Glue Data Quality", "Data Quality", "DQ"),
    LAMBDA("Lambda", "λ", "#ED7100", "lambda", "Lambda", "AWS Lambda", "Lambda function"),
    EVENTBRIDGE("EventBridge", "EB", "#E7157B", "events", "EventBridge rule", "EventBridge", "Amazon EventBridge"),
    SCHEDULER("EventBridge Scheduler", "SCHED", "#B3136A", "scheduler", "EventBridge Scheduler", "Scheduler",
            "Schedule"),
    SQS("SQS", "SQS", "#B0084D", "sqs", "SQS queue", "SQS", "Amazon SQS", "DLQ"),
    DYNAMODB("DynamoDB", "DDB", "#2E73B8", "dynamodb", "DynamoDB table", "DynamoDB", "Amazon DynamoDB"),
    STEP_FUNCTIONS("Step Functions", "SFN", "#CD2264", "states", "Step Functions", "State machine", "SFN"),
    CLOUDWATCH_LOGS("CloudWatch Logs", "LOGS", "#0E7C86", "logs", "CloudWatch Logs", "CloudWatch", "Logs", "Log group"),
    SECRETS_MANAGER("Secrets Manager", "SECRET", "#DD344C", "secretsmanager", "Secrets Manager", "Secret"),
    SES("SES", "SES", "#BF0816", "ses", "SES", "Amazon SES", "Email"),
    CLOUDTRAIL("CloudTrail", "TRAIL", "#5F6B7A", "cloudtrail", "CloudTrail", "Trail"),
    STS("STS", "STS", "#8B2332", "sts", "STS", "AssumeRole"),
    IAM("IAM", "IAM", "#A3333D", "iam", "IAM role", "IAM"),
    DATABASE("Database", "DB", "#336791", null, "PostgreSQL", "JDBC", "Database", "RDS"),
    PERSON("You", "YOU", "#24292F", null, "Notebook", "User", "You", "Learner"),
    OTHER("AWS", "AWS", "#545B64", null);

    private final String displayName;
    private final String badge;
    private final String color;
    private final String serviceId;
    private final List<String> words;

    ServiceStyle(String displayName, String badge, String color, String serviceId, String... words) {
        this.displayName = displayName;
        this.badge = badge;
        this.color = color;
        this.serviceId = serviceId;
        this.words = List.of(words);
    }

    public String displayName() {
        return displayName;
    }

    public String badge() {
        return badge;
    }

    public String color() {
        return color;
    }

    /**
     * The style whose words start {@code text}, the longest match winning ({@code "Glue crawler x"} is a
     * crawler, {@code "Glue job x"} a job); {@link #OTHER} if none does.
     */
    public static Match match(String text) {
        String trimmed = text.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        return Stream.of(values())
                .flatMap(style -> style.words.stream().map(word -> new Candidate(style, word)))
                .filter(m -> {
                    String word = m.word().toLowerCase(Locale.ROOT);
                    return lower.startsWith(word) && (lower.length() == word.length()
                            || !Character.isLetterOrDigit(lower.charAt(word.length())));
                })
                .max(Comparator.comparingInt(m -> m.word().length()))
                .map(m -> new Match(m.style(), trimmed.substring(m.word().length()).trim()))
                .orElse(new Match(OTHER, trimmed));
    }

    /** The style of a service id as Lab Cloud's timeline names it ({@code s3}, {@code glue}, {@code events} …). */
    public static ServiceStyle ofServiceId(String serviceId) {
        for (ServiceStyle style : values()) {
            if (style.serviceId != null && style.serviceId.equalsIgnoreCase(serviceId)) {
                return style;
            }
        }
        return OTHER;
    }

    /**
     * A matched style and what follows its words.
     *
     * @param style the style
     * @param label the rest of the text, e.g. {@code raw bucket} for {@code S3 raw bucket}; may be empty
     */
    public record Match(ServiceStyle style, String label) {
    }

    private record Candidate(ServiceStyle style, String word) {
    }
}
