package gluelab.cloud.services.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.scheduler.model.RetryPolicy;

/**
 * A target's retry policy on the lab clock. AWS retries "with exponential backoff" and does not say how fast; Lab
 * Cloud's backoff is fixed so a test can count on it: retry n (from 1) comes 30 seconds times 2^(n-1) after the
 * attempt before it failed, at most 5 minutes apart. No retry is made beyond {@code MaximumRetryAttempts}, or later
 * than {@code MaximumEventAgeInSeconds} after the invocation's first attempt.
 */
final class Retries {

    private static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    private static final Duration LONGEST_DELAY = Duration.ofMinutes(5);

    private Retries() {
    }

    /**
     * When the next attempt is due, or empty when the policy allows no more.
     *
     * @param retriesSoFar how many retries were already made (0 after the first attempt failed)
     */
    static Optional<Instant> nextAttempt(RetryPolicy policy, Instant firstAttempt, int retriesSoFar, Instant failedAt) {
        RetryPolicy effective = policy == null ? ScheduleDefinitions.DEFAULT_RETRY_POLICY : policy;
        int maxRetries = effective.maximumRetryAttempts() == null ? 185 : effective.maximumRetryAttempts();
        int maxAgeSeconds = effective.maximumEventAgeInSeconds() == null ? 86_400 : effective.maximumEventAgeInSeconds();
        if (retriesSoFar >= maxRetries) {
            return Optional.empty();
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(retriesSoFar, 10));
        Instant next = failedAt.plus(delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay);
        return next.isAfter(firstAttempt.plusSeconds(maxAgeSeconds)) ? Optional.empty() : Optional.of(next);
    }
}
