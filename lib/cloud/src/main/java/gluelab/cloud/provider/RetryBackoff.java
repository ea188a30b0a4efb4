package gluelab.cloud.provider;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How a service retries a delivery that failed, on the lab clock, within a target's retry policy (EventBridge's
 * rule targets, EventBridge Scheduler's schedule targets): retry n (from 1) waits {@code firstDelay} times
 * 2^(n-1) after the attempt before it failed, at most {@code longestDelay}; no retry is made beyond the policy's
 * maximum count, or later than its maximum event age after the first attempt. AWS retries "with exponential backoff"
 * without saying how fast; Lab Cloud's backoff has no jitter, so a test can count on it.
 *
 * @param firstDelay   the wait before the first retry
 * @param longestDelay the longest wait between two attempts
 */
public record RetryBackoff(Duration firstDelay, Duration longestDelay) {

    /** AWS's default retry policy for EventBridge and Scheduler targets: 185 retries, within 24 hours. */
    public static final int DEFAULT_MAXIMUM_RETRIES = 185;
    public static final int DEFAULT_MAXIMUM_AGE_SECONDS = 86_400;

    /** The wait before retry number {@code retry} (from 1). */
    public Duration delayBefore(int retry) {
        Duration delay = firstDelay.multipliedBy(1L << Math.min(Math.max(retry - 1, 0), 20));
        return delay.compareTo(longestDelay) > 0 ? longestDelay : delay;
    }

    /**
     * When the next attempt is due, or empty when the policy allows no more.
     *
     * @param maximumRetries    the policy's {@code MaximumRetryAttempts}, or null for AWS's default
     * @param maximumAgeSeconds the policy's {@code MaximumEventAgeInSeconds}, or null for AWS's default
     * @param firstAttempt      when the delivery was first attempted (or accepted): its age counts from here
     * @param retriesSoFar      how many retries were already made (0 after the first attempt failed)
     * @param failedAt          when the attempt that just failed was made
     */
    public Optional<Instant> nextAttempt(Integer maximumRetries, Integer maximumAgeSeconds, Instant firstAttempt,
                                         int retriesSoFar, Instant failedAt) {
        int retries = maximumRetries == null ? DEFAULT_MAXIMUM_RETRIES : maximumRetries;
        int maxAge = maximumAgeSeconds == null ? DEFAULT_MAXIMUM_AGE_SECONDS : maximumAgeSeconds;
        if (retriesSoFar >= retries) {
            return Optional.empty();
        }
        Instant next = failedAt.plus(delayBefore(retriesSoFar + 1));
        return next.isAfter(firstAttempt.plusSeconds(maxAge)) ? Optional.empty() : Optional.of(next);
    }
}
