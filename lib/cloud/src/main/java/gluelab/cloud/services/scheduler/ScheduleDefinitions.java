package gluelab.cloud.services.scheduler;

import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.RetryBackoff;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.provider.Validation;
import gluelab.cloud.schedule.AtExpression;
import gluelab.cloud.schedule.ScheduleExpression;
import gluelab.cloud.schedule.ScheduleExpressionException;
import gluelab.cloud.services.scheduler.targets.ScheduleTargets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindow;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.RetryPolicy;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.Target;

/**
 * What CreateSchedule and UpdateSchedule accept, checked as EventBridge Scheduler checks it, and the schedule they
 * store: the model's constraints, a parseable expression in a real time zone, a start date no more than five
 * minutes ago, a flexible window that says how wide it is, a target its kind accepts, and the defaults AWS fills in
 * (the {@code default} group, time zone {@code UTC}, {@code ENABLED}, {@code NONE} after completion, and a retry
 * policy of 185 attempts over 24 hours, for whichever of the two a target's policy leaves out).
 */
final class ScheduleDefinitions {

    static final String NAME_PATTERN = "^[0-9a-zA-Z-_.]+$";
    static final String PREFIX_PATTERN = "^[a-zA-Z][0-9a-zA-Z-_]*$";
    private static final String CLIENT_TOKEN = "^[a-zA-Z0-9-_]+$";
    private static final String ROLE_ARN = "^arn:aws(-[a-z]+)?:iam::\\d{12}:role\\/(service-role\\/){0,1}[a-zA-Z0-9\\+=,\\.@\\-_]+$";
    private static final String KMS_KEY_ARN = "^arn:aws(-[a-z]+)?:kms:[a-z0-9\\-]+:\\d{12}:(key|alias)\\/[0-9a-zA-Z-_]*$";
    private static final String DEAD_LETTER_ARN = "^arn:aws(-[a-z]+)?:sqs:[a-z0-9\\-]+:\\d{12}:[a-zA-Z0-9\\-_]+$";
    private static final String EVENT_SOURCE = "^(?=[/\\.\\-_A-Za-z0-9]+)((?!aws\\.).*)|(\\$(\\.[\\w_-]+(\\[(\\d+|\\*)\\])*)*)$";
    private static final Duration START_DATE_GRACE = Duration.ofMinutes(5);
    static final RetryPolicy DEFAULT_RETRY_POLICY = RetryPolicy.builder()
            .maximumRetryAttempts(RetryBackoff.DEFAULT_MAXIMUM_RETRIES)
            .maximumEventAgeInSeconds(RetryBackoff.DEFAULT_MAXIMUM_AGE_SECONDS).build();
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private final ScheduleTargets targets;

    ScheduleDefinitions(ScheduleTargets targets) {
        this.targets = targets;
    }

    /** Checks a definition and returns the schedule it makes, created at {@code created} and changed {@code now}. */
    GetScheduleResponse schedule(Scope scope, CreateScheduleRequest definition, Instant created, Instant now) {
        checkConstraints(definition);
        String group = definition.groupName() == null ? SchedulerState.DEFAULT_GROUP : definition.groupName();
        String zone = definition.scheduleExpressionTimezone() == null ? "UTC" : definition.scheduleExpressionTimezone();
        ScheduleExpression expression = parse(definition.scheduleExpression(), zone);
        boolean recurring = !(expression instanceof AtExpression);
        if (recurring && definition.startDate() != null && definition.startDate().isBefore(now.minus(START_DATE_GRACE))) {
            throw SchedulerErrors.validation("The StartDate you specify cannot be earlier than 5 minutes ago.");
        }
        if (definition.startDate() != null && definition.endDate() != null
                && !definition.endDate().isAfter(definition.startDate())) {
            throw SchedulerErrors.validation("The EndDate you specify must be later than the StartDate.");
        }
        FlexibleTimeWindow window = definition.flexibleTimeWindow();
        if (window.mode() == FlexibleTimeWindowMode.FLEXIBLE && window.maximumWindowInMinutes() == null) {
            throw SchedulerErrors.validation("MaximumWindowInMinutes is required when the FlexibleTimeWindow Mode is FLEXIBLE.");
        }
        targets.validate(definition.target());
        RetryPolicy retry = definition.target().retryPolicy();
        Target target = definition.target().toBuilder().retryPolicy(RetryPolicy.builder()
                .maximumRetryAttempts(retry == null || retry.maximumRetryAttempts() == null
                        ? DEFAULT_RETRY_POLICY.maximumRetryAttempts() : retry.maximumRetryAttempts())
                .maximumEventAgeInSeconds(retry == null || retry.maximumEventAgeInSeconds() == null
                        ? DEFAULT_RETRY_POLICY.maximumEventAgeInSeconds() : retry.maximumEventAgeInSeconds())
                .build()).build();
        return GetScheduleResponse.builder()
                .arn(arn(scope, group, definition.name()).toString())
                .name(definition.name())
                .groupName(group)
                .description(definition.description())
                .scheduleExpression(definition.scheduleExpression())
                .scheduleExpressionTimezone(zone)
                .startDate(definition.startDate())
                .endDate(definition.endDate())
                .state(definition.state() == null ? ScheduleState.ENABLED.toString() : definition.stateAsString())
                .actionAfterCompletion(definition.actionAfterCompletion() == null
                        ? ActionAfterCompletion.NONE.toString() : definition.actionAfterCompletionAsString())
                .flexibleTimeWindow(window.mode() == FlexibleTimeWindowMode.OFF
                        ? FlexibleTimeWindow.builder().mode(FlexibleTimeWindowMode.OFF).build() : window)
                .kmsKeyArn(definition.kmsKeyArn())
                .target(target)
                .creationDate(created)
                .lastModificationDate(now)
                .build();
    }

    static Arn arn(Scope scope, String group, String name) {
        return Arn.in(scope, SchedulerProvider.SERVICE, "schedule/" + group + "/" + name);
    }

    /** The schedule's expression in its time zone; the zone must be one Scheduler knows (an IANA name, or UTC). */
    static ScheduleExpression parse(String expression, String zone) {
        if (!ZONES.contains(zone) && !zone.equals("UTC")) {
            throw SchedulerErrors.validation("Invalid ScheduleExpressionTimezone " + zone
                    + ": name a time zone of the IANA database, such as Europe/Berlin, or UTC.");
        }
        try {
            return ScheduleExpression.parseInZone(expression, zone.equals("UTC") ? ZoneOffset.UTC : ZoneId.of(zone));
        } catch (ScheduleExpressionException e) {
            throw SchedulerErrors.validation("Invalid Schedule Expression " + expression + ". " + e.getMessage());
        }
    }

    private static void checkConstraints(CreateScheduleRequest d) {
        FlexibleTimeWindow window = d.flexibleTimeWindow();
        Target target = d.target();
        Validation check = SchedulerErrors.constraints()
                .required("name", d.name())
                .length("name", d.name(), 1, 64)
                .pattern("name", d.name(), NAME_PATTERN)
                .length("groupName", d.groupName(), 1, 64)
                .pattern("groupName", d.groupName(), NAME_PATTERN)
                .length("clientToken", d.clientToken(), 1, 64)
                .pattern("clientToken", d.clientToken(), CLIENT_TOKEN)
                .length("description", d.description(), 0, 512)
                .required("scheduleExpression", d.scheduleExpression())
                .length("scheduleExpression", d.scheduleExpression(), 1, 256)
                .length("scheduleExpressionTimezone", d.scheduleExpressionTimezone(), 1, 50)
                .oneOf("state", d.stateAsString(), List.of("ENABLED", "DISABLED"))
                .oneOf("actionAfterCompletion", d.actionAfterCompletionAsString(), List.of("NONE", "DELETE"))
                .length("kmsKeyArn", d.kmsKeyArn(), 1, 2048)
                .pattern("kmsKeyArn", d.kmsKeyArn(), KMS_KEY_ARN)
                .required("flexibleTimeWindow", window)
                .required("target", target);
        if (window != null) {
            check.required("flexibleTimeWindow.mode", window.modeAsString())
                    .oneOf("flexibleTimeWindow.mode", window.modeAsString(), List.of("OFF", "FLEXIBLE"))
                    .range("flexibleTimeWindow.maximumWindowInMinutes", window.maximumWindowInMinutes(), 1, 1440);
        }
        if (target != null) {
            check.required("target.arn", target.arn())
                    .length("target.arn", target.arn(), 1, 1600)
                    .required("target.roleArn", target.roleArn())
                    .length("target.roleArn", target.roleArn(), 1, 1600)
                    .pattern("target.roleArn", target.roleArn(), ROLE_ARN)
                    .length("target.input", target.input(), 1, Integer.MAX_VALUE);
            if (target.retryPolicy() != null) {
                check.range("target.retryPolicy.maximumEventAgeInSeconds", target.retryPolicy().maximumEventAgeInSeconds(), 60, 86_400)
                        .range("target.retryPolicy.maximumRetryAttempts", target.retryPolicy().maximumRetryAttempts(), 0, 185);
            }
            if (target.deadLetterConfig() != null) {
                check.length("target.deadLetterConfig.arn", target.deadLetterConfig().arn(), 1, 1600)
                        .pattern("target.deadLetterConfig.arn", target.deadLetterConfig().arn(), DEAD_LETTER_ARN);
            }
            if (target.eventBridgeParameters() != null) {
                String detailType = target.eventBridgeParameters().detailType();
                String source = target.eventBridgeParameters().source();
                check.required("target.eventBridgeParameters.detailType", detailType)
                        .length("target.eventBridgeParameters.detailType", detailType, 1, 128)
                        .required("target.eventBridgeParameters.source", source)
                        .length("target.eventBridgeParameters.source", source, 1, 256)
                        .pattern("target.eventBridgeParameters.source", source, Pattern.compile(EVENT_SOURCE), EVENT_SOURCE);
            }
        }
        check.orThrow();
    }
}
