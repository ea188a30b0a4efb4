package gluelab.cloud.services.scheduler;

import static gluelab.cloud.console.ConsoleLinks.parameter;
import static gluelab.cloud.console.ConsoleLinks.to;

import gluelab.cloud.console.ConsoleBlock.Field;
import gluelab.cloud.console.ConsoleBlock.Fields;
import gluelab.cloud.console.ConsoleBlock.Table;
import gluelab.cloud.console.ConsolePage.Crumb;
import gluelab.cloud.console.ConsolePage;
import gluelab.cloud.console.ConsoleRequest;
import gluelab.cloud.console.ConsoleView;
import gluelab.cloud.provider.ConsoleReads;
import java.util.List;
import software.amazon.awssdk.services.scheduler.model.GetScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ListSchedulesRequest;
import software.amazon.awssdk.services.scheduler.model.ListSchedulesResponse;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;

/** EventBridge Scheduler in the console: schedules of every group, their expressions, states and targets. */
final class SchedulesConsoleView extends ConsoleView {

    private final ConsoleReads reads;

    SchedulesConsoleView(ConsoleReads reads) {
        super("scheduler", "Scheduler");
        this.reads = reads;
    }

    @Override
    public ConsolePage page(ConsoleRequest request) {
        if (request.is()) {
            return schedules(request);
        }
        if (request.is("schedules", null, null)) {
            return schedule(request, request.segment(1), request.segment(2));
        }
        throw request.notFound();
    }

    private ConsolePage schedules(ConsoleRequest request) {
        ListSchedulesResponse schedules = reads.call(SchedulerProvider.SERVICE, request,
                ListSchedulesRequest.builder().maxResults(100).nextToken(request.query("nextToken")).build());
        Table.Builder table = Table.titled("Schedules", "Name", "Group", "State", "Target", "Modified");
        for (ScheduleSummary schedule : schedules.schedules()) {
            table.row(to("scheduler", "schedules", schedule.groupName(), schedule.name()), schedule.name(),
                    schedule.groupName(), schedule.stateAsString(),
                    schedule.target() == null ? null : schedule.target().arn(), schedule.lastModificationDate());
        }
        if (schedules.nextToken() != null) {
            table.next(parameter("nextToken", schedules.nextToken()));
        }
        return ConsolePage.of("Schedules", List.of(), table.orElse("No schedules yet (scheduler.createSchedule). "
                + "They fire on the lab clock: advance it at the top right."));
    }

    private ConsolePage schedule(ConsoleRequest request, String group, String name) {
        GetScheduleResponse schedule = reads.call(SchedulerProvider.SERVICE, request,
                GetScheduleRequest.builder().groupName(group).name(name).build());
        return ConsolePage.of(name, List.of(new Crumb("Schedules", "scheduler")),
                Fields.of("Schedule", Field.of("Name", schedule.name()), Field.of("Group", schedule.groupName()),
                        Field.of("State", schedule.stateAsString()),
                        Field.of("Expression", schedule.scheduleExpression()),
                        Field.of("Time zone", schedule.scheduleExpressionTimezone()),
                        Field.of("Flexible window", schedule.flexibleTimeWindow() == null ? null
                                : schedule.flexibleTimeWindow().modeAsString()),
                        Field.of("Starts", schedule.startDate()), Field.of("Ends", schedule.endDate()),
                        Field.of("After completion", schedule.actionAfterCompletionAsString()),
                        Field.of("Target", schedule.target().arn()), Field.of("Role", schedule.target().roleArn()),
                        Field.of("Input", schedule.target().input()),
                        Field.of("Dead-letter queue", schedule.target().deadLetterConfig() == null ? null
                                : schedule.target().deadLetterConfig().arn()),
                        Field.of("Created", schedule.creationDate())));
    }
}
