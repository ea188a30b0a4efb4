package gluelab.cloud.clock;

import java.time.Instant;

/** One timer that fired: when (on the lab clock) and whose it was. */
public record FiredTimer(Instant time, TimerOwner owner) {
}
