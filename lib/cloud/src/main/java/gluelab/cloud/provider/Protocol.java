package gluelab.cloud.provider;

/** The wire protocols AWS services speak. Each has exactly one codec in Lab Cloud. */
public enum Protocol {
    /** S3: HTTP bindings with XML bodies. */
    REST_XML,
    /** JSON bodies, operation in {@code X-Amz-Target}, content type {@code application/x-amz-json-1.0}. */
    JSON_1_0,
    /** As JSON 1.0 with {@code application/x-amz-json-1.1}. */
    JSON_1_1,
    /** Form-encoded {@code Action=...} requests with XML responses (STS, SES, IAM). */
    QUERY,
    /** HTTP bindings with JSON bodies (Lambda, Scheduler). */
    REST_JSON;

    public boolean isJson() {
        return this == JSON_1_0 || this == JSON_1_1;
    }

    public String jsonContentType() {
        return this == JSON_1_0 ? "application/x-amz-json-1.0" : "application/x-amz-json-1.1";
    }
}
