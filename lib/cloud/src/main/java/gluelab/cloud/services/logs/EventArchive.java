package gluelab.cloud.services.logs;

import java.util.List;
import java.util.Set;

/**
 * Where a scope's log events are made durable, one append per accepted batch. The journal of the state
 * store keeps groups and streams; events live here so that thousands of them never go through the shared
 * journal or its compaction.
 */
interface EventArchive {

    /** Makes the batch durable before returning; throws {@link gluelab.cloud.state.StateWriteException} if it cannot. */
    void append(long streamId, EventBatch batch);

    /** Every batch stored for the stream, oldest first. */
    List<EventBatch> read(long streamId);

    void delete(long streamId);

    /** Deletes whatever is stored for streams not in {@code streamIds} (left by a crash mid-delete). */
    void retainOnly(Set<Long> streamIds);

    /** Lab Cloud without {@code --state-dir}: events live only in memory. */
    EventArchive IN_MEMORY = new EventArchive() {
        @Override
        public void append(long streamId, EventBatch batch) {
        }

        @Override
        public List<EventBatch> read(long streamId) {
            return List.of();
        }

        @Override
        public void delete(long streamId) {
        }

        @Override
        public void retainOnly(Set<Long> streamIds) {
        }
    };
}
