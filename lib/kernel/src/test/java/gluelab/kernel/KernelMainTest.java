package gluelab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import gluelab.lab.LabHome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelMainTest {

    @TempDir
    Path scratch;

    private String previousHome;

    @BeforeEach
    void forgetTheLabHome() {
        previousHome = System.clearProperty(LabHome.HOME_PROPERTY);
    }

    @AfterEach
    void restoreTheLabHome() {
        if (previousHome == null) {
            System.clearProperty(LabHome.HOME_PROPERTY);
        } else {
            System.setProperty(LabHome.HOME_PROPERTY, previousHome);
        }
    }

    @Test
    void aKernelJupyterStartsInALearnerEditionsNotebookFolderDeploysThatEditionsLabs() throws Exception {
        Path edition = scratch.resolve("learner");
        Path folder = Files.createDirectories(edition.resolve("notebooks/extra"));
        Files.createDirectories(edition.resolve("labs"));

        KernelMain.followEditionOf(folder);

        assertEquals(edition.toString(), System.getProperty(LabHome.HOME_PROPERTY));
        assertEquals(edition.resolve("labs"), LabHome.locate().resolve("labs"));
    }

    @Test
    void aKernelStartedOutsideAnyEditionKeepsTheLabHomeItWasGiven() throws Exception {
        KernelMain.followEditionOf(Files.createDirectories(scratch.resolve("elsewhere")));

        assertNull(System.getProperty(LabHome.HOME_PROPERTY));
    }
}
