package gluelab.kernel;

import io.github.spencerpark.jupyter.messages.ContentType;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.reply.ExecuteReply;

/**
 * The {@code execute_reply} of a request the kernel did not run because a cell before it failed: content
 * {@code {"status": "aborted"}}, as ipykernel sends it. The base library's reply knows only "ok" and "error".
 */
final class AbortedExecuteReply implements ContentType<AbortedExecuteReply> {

    @SuppressWarnings("unused") // serialized
    private final String status = "aborted";

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public MessageType<AbortedExecuteReply> getType() {
        return (MessageType) ExecuteReply.MESSAGE_TYPE;
    }
}
