package gluelab.cloud.services.lambda.execution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which invocation an environment's output line belongs to. The runtime's stdout comes through a pipe that a reader
 * thread drains, so a handler's last line can arrive after its response came over HTTP; on a busy machine it often
 * does. It is still that invocation's line: Lambda logs it before the invocation's END, never at the start of the
 * next invocation, nor nowhere.
 */
class EnvironmentOutputTest {

    @Test
    void aLineThatComesThroughAfterTheResponseBelongsToTheInvocationThatPrintedItUntilTheNextOneBegins() {
        Environment environment = new Environment("process-1", "token", null, null, "stream");
        Invocation first = new Invocation("request-1", null, "arn", new byte[0], InvocationMode.ASYNCHRONOUS);
        Invocation second = new Invocation("request-2", null, "arn", new byte[0], InvocationMode.ASYNCHRONOUS);

        environment.addLine("static initialiser");
        environment.begin(first);
        environment.addLine("Object Created: incoming/a.csv");
        environment.end(first);
        environment.addLine("Skipped incoming/a.csv: a run is RUNNING");
        environment.begin(second);
        environment.addLine("Object Created: incoming/b.csv");

        assertThat(environment.takeInitLines()).containsExactly("static initialiser");
        assertThat(first.lines).containsExactly("Object Created: incoming/a.csv", "Skipped incoming/a.csv: a run is RUNNING");
        assertThat(second.lines).containsExactly("Object Created: incoming/b.csv");
    }
}
