package gluelab.cloud.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting a tree Lab Cloud owns, also while something else deletes part of it (shutdown does). */
class DirectoriesTest {

    @Test
    void aTreeIsDeletedWholeAndAMissingOneIsNoError(@TempDir Path dir) throws Exception {
        Path root = tree(dir.resolve("state"), 3, 4);

        Directories.deleteTree(root);
        Directories.deleteTree(root);

        assertThat(root).doesNotExist();
    }

    @Test
    void twoDeletersOfOverlappingTreesBothSucceed(@TempDir Path dir) throws Exception {
        for (int round = 0; round < 20; round++) {
            Path root = tree(dir.resolve("state-" + round), 20, 10);
            Path environmentTmp = root.resolve("d7");
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Void>> deleters = new ArrayList<>();
            for (Path target : List.of(root, environmentTmp, root)) {
                deleters.add(CompletableFuture.runAsync(() -> {
                    try {
                        start.await();
                        Directories.deleteTree(target);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            start.countDown();

            CompletableFuture.allOf(deleters.toArray(new CompletableFuture[0])).join();
            assertThat(root).as("round %d", round).doesNotExist();
        }
    }

    private static Path tree(Path root, int directories, int filesEach) throws Exception {
        for (int d = 0; d < directories; d++) {
            Path sub = Files.createDirectories(root.resolve("d" + d).resolve("nested"));
            for (int f = 0; f < filesEach; f++) {
                Files.writeString(sub.resolve("f" + f), "x");
                Files.writeString(sub.getParent().resolve("g" + f), "y");
            }
        }
        return root;
    }
}
