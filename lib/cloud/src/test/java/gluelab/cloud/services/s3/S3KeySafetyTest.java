package gluelab.cloud.services.s3;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.RunningLabCloud;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Keys that would be paths on a file system ({@code ..}, {@code //}, encoded slashes, control characters)
 * are only keys: they round-trip exactly, and nothing is ever written outside the state directory.
 */
class S3KeySafetyTest {

    static final Path SANDBOX = sandbox();
    static final Path STATE = SANDBOX.resolve("state");
    static final String ESCAPE = "labcloud-escape-" + UUID.randomUUID();

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory().persistentIn(STATE);

    static Path sandbox() {
        try {
            Path dir = Files.createTempDirectory("s3-key-safety-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(dir)));
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Best effort clean-up of a temporary directory.
        }
    }

    static final List<String> NASTY_KEYS = List.of(
            "..",
            ".",
            "../" + ESCAPE,
            "../../../../../../../../tmp/" + ESCAPE,
            "a/../../" + ESCAPE,
            "./../state/../" + ESCAPE,
            "..%2F..%2F" + ESCAPE,
            "%2e%2e/%2e%2e/" + ESCAPE,
            "//double//slashes//",
            "/leading-slash",
            "trailing-slash/",
            "back\\slash\\..\\..\\" + ESCAPE,
            "control\u0001chars\u001f\u007f",
            "line\nbreak\rand\ttab",
            "ünïcødé/日本語/😀",
            "spaces and + plus & ampersand = equals ? question # hash",
            "%00 looks like nul",
            "x".repeat(1024));

    @Test
    void nastyKeysRoundTripExactlyAndStayInsideTheStateDirectory() throws Exception {
        try (S3Client s3 = cloud.client(S3Client.builder())) {
            s3.createBucket(b -> b.bucket("key-safety"));
            for (int i = 0; i < NASTY_KEYS.size(); i++) {
                String key = NASTY_KEYS.get(i);
                String content = "object " + i;
                s3.putObject(b -> b.bucket("key-safety").key(key), RequestBody.fromString(content));
            }
            for (int i = 0; i < NASTY_KEYS.size(); i++) {
                String key = NASTY_KEYS.get(i);
                assertThat(s3.getObjectAsBytes(b -> b.bucket("key-safety").key(key)).asUtf8String())
                        .as("key %s", key).isEqualTo("object " + i);
            }
            // Control characters cannot appear in XML 1.0, so the listing asks for URL-encoded keys, as S3 advises.
            List<String> listed = s3.listObjectsV2Paginator(b -> b.bucket("key-safety").encodingType(EncodingType.URL))
                    .contents().stream().map(S3Object::key).toList();
            assertThat(listed).containsExactlyInAnyOrderElementsOf(NASTY_KEYS);
            List<String> listedV1 = new ArrayList<>();
            s3.listObjects(b -> b.bucket("key-safety").encodingType(EncodingType.URL)).contents().forEach(o -> listedV1.add(o.key()));
            assertThat(listedV1).containsExactlyInAnyOrderElementsOf(NASTY_KEYS);
        }
        Path stateRoot = STATE.toRealPath();
        try (Stream<Path> everything = Files.walk(stateRoot)) {
            everything.forEach(p -> {
                try {
                    assertThat(p.toRealPath().startsWith(stateRoot)).as("%s is under the state directory", p).isTrue();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        try (Stream<Path> beside = Files.list(SANDBOX)) {
            assertThat(beside.map(p -> p.getFileName().toString()).toList()).containsExactly("state");
        }
        assertThat(Path.of("/tmp", ESCAPE)).doesNotExist();
        try (Stream<Path> payloads = Files.list(STATE.resolve("payload/s3/data"))) {
            assertThat(payloads.map(p -> p.getFileName().toString()).toList()).hasSize(NASTY_KEYS.size())
                    .allMatch(name -> name.matches("[0-9a-f-]{36}"), "is a generated id");
        }
    }
}
