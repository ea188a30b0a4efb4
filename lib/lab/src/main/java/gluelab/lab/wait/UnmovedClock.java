package gluelab.lab.wait;

import java.time.Duration;

/**
 * An advance of the lab clock that the target refused, because its clock runs on real time, as a wait that counts on
 * the clock needs to know it.
 *
 * @param said         what was not done, for the reader: {@code "AWS runs on real time, so lab.advanceClock did not
 *                     move it 1 d (until …)"}
 * @param realTimeLeft how much real time is left until the time the refused advances would have reached (zero once
 *                     it has passed): what a schedule due then needs on real time
 */
public record UnmovedClock(String said, Duration realTimeLeft) {
}
