package gluelab.cloud.services.scheduler;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.CRC32;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindow;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;

/**
 * When, inside a {@code FLEXIBLE} window, an invocation is delivered. AWS picks any moment in the window; Lab Cloud
 * picks one the learner can predict and a test can count on: a whole number of seconds after the fire time, below the
 * window's width, taken from a CRC-32 of the schedule's ARN and the fire time. So one fire time of one schedule
 * always delivers at the same moment of the lab clock, and many schedules firing together spread over their window.
 */
final class FlexibleWindows {

    private FlexibleWindows() {
    }

    static Instant deliveryTime(String scheduleArn, FlexibleTimeWindow window, Instant scheduledTime) {
        if (window == null || window.mode() != FlexibleTimeWindowMode.FLEXIBLE || window.maximumWindowInMinutes() == null) {
            return scheduledTime;
        }
        CRC32 crc = new CRC32();
        crc.update((scheduleArn + "@" + scheduledTime.getEpochSecond()).getBytes(StandardCharsets.UTF_8));
        return scheduledTime.plusSeconds(crc.getValue() % (window.maximumWindowInMinutes() * 60L));
    }
}
