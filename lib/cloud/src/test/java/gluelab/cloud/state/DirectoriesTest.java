package gluelab.cloud.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoriesTest {

    @TempDir
    Path temp;

    @Test
    void deletingATreeRemovesEverythingInItAndAMissingTreeIsNoError() throws Exception {
        Path root = temp.resolve("state");
        Files.createDirectories(root.resolve("payload/lambda/environments/env-1-tmp"));
        Files.writeString(root.resolve("payload/lambda/environments/env-1.log"), "started");
        Files.writeString(root.resolve("payload/lambda/environments/env-1-tmp/scratch"), "x");

        Directories.deleteTree(root);
        Directories.deleteTree(root);

        assertThat(root).doesNotExist();
    }
}
