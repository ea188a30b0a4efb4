package gluelab.cloud.services.lambda.execution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which invocation an environment's output line belongs to. The handler's lines come through stdout, its result
 * through the Runtime API, and on a busy machine a line printed just before returning can reach the reader after the
 * result: it still belongs to that invocation until its log is written.
 */
class EnvironmentOutputTest {

    private static Invocation invocation(String requestId) {
        return new Invocation(requestId, null, "", new byte[0], false);
    }

    @Test
    void aLineThatArrivesAfterItsInvocationReturnedBelongsToItUntilItsLogIsWritten() {
        Environment environment = new Environment("p-1", "token", null, null, "stream");
        environment.addLine("static init");
        Invocation first = invocation("first");
        environment.current = first;
        environment.addLine("working");

        environment.finishing = first;      // the result came back: the invocation has returned
        environment.current = null;
        environment.addLine("settled payment 50101");
        environment.doneWith(first);        // its log is written
        environment.addLine("between invocations");
        Invocation second = invocation("second");
        environment.current = second;
        environment.addLine("second's line");

        assertThat(first.lines).containsExactly("working", "settled payment 50101");
        assertThat(second.lines).containsExactly("second's line");
        assertThat(environment.takeInitLines()).containsExactly("static init", "between invocations");
    }

    @Test
    void doneWithAnEarlierInvocationLeavesTheOneThatHasJustReturned() {
        Environment environment = new Environment("p-2", "token", null, null, "stream");
        Invocation earlier = invocation("earlier");
        Invocation latest = invocation("latest");
        environment.finishing = latest;

        environment.doneWith(earlier);
        environment.addLine("late line");

        assertThat(latest.lines).containsExactly("late line");
    }
}
