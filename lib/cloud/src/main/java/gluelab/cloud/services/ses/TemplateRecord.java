package gluelab.cloud.services.ses;

import java.time.Instant;

/** An email template (v1's Template, v2's EmailTemplateContent): its parts with {@code {{variables}}}. */
record TemplateRecord(String name, String subject, String text, String html, Instant createdAt) {
}
