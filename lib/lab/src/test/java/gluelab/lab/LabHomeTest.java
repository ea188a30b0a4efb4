package gluelab.lab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LabHomeTest {

    @TempDir
    Path temp;

    @Test
    void theNearestDirectoryAboveWithALibPomIsTheHome() throws Exception {
        Path checkout = temp.resolve("checkout");
        Files.createDirectories(checkout.resolve("lib"));
        Files.writeString(checkout.resolve("lib/pom.xml"), "<project/>");
        Path notebooks = Files.createDirectories(checkout.resolve("notebooks/sub"));
        assertEquals(Optional.of(checkout), LabHome.locate(null, null, notebooks));
        assertEquals(Optional.of(checkout), LabHome.locate(null, null, checkout));
    }

    @Test
    void thePropertyWinsOverTheVariableWhichWinsOverTheWorkingDirectory() {
        assertEquals(Optional.of(Path.of("/from/property")), LabHome.locate("/from/property", "/from/variable", temp));
        assertEquals(Optional.of(Path.of("/from/variable")), LabHome.locate(null, "/from/variable", temp));
        assertEquals(Optional.of(Path.of("/from/variable")), LabHome.locate(" ", "/from/variable", temp));
    }

    @Test
    void outsideACheckoutThereIsNoHome() {
        assertEquals(Optional.empty(), LabHome.locate(null, null, temp));
    }
}
