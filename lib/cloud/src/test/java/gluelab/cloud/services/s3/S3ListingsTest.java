package gluelab.cloud.services.s3;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.RunningLabCloud;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

class S3ListingsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static S3Client s3;
    static final String BUCKET = "listings";
    static final List<String> KEYS = List.of(
            "a.txt", "dir/1.txt", "dir/2.txt", "dir/sub/3.txt", "dir2/4.txt", "z.txt");

    @BeforeAll
    static void objects() {
        s3 = cloud.client(S3Client.builder());
        s3.createBucket(b -> b.bucket(BUCKET));
        for (String key : KEYS) {
            s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(key));
        }
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    static List<String> keys(List<S3Object> objects) {
        return objects.stream().map(S3Object::key).toList();
    }

    static List<String> prefixes(List<CommonPrefix> prefixes) {
        return prefixes.stream().map(CommonPrefix::prefix).toList();
    }

    @Test
    void listObjectsV2ListsEveryKeyInOrderWithSizesAndEtags() {
        ListObjectsV2Response all = s3.listObjectsV2(b -> b.bucket(BUCKET));
        assertThat(keys(all.contents())).containsExactlyElementsOf(KEYS);
        assertThat(all.keyCount()).isEqualTo(KEYS.size());
        assertThat(all.isTruncated()).isFalse();
        assertThat(all.contents().get(0).size()).isEqualTo(5);
        assertThat(all.contents().get(0).eTag()).startsWith("\"").endsWith("\"");
        assertThat(all.contents().get(0).owner()).isNull();
    }

    @Test
    void prefixAndDelimiterRollUpCommonPrefixes() {
        ListObjectsV2Response top = s3.listObjectsV2(b -> b.bucket(BUCKET).delimiter("/"));
        assertThat(keys(top.contents())).containsExactly("a.txt", "z.txt");
        assertThat(prefixes(top.commonPrefixes())).containsExactly("dir/", "dir2/");
        assertThat(top.keyCount()).isEqualTo(4);
        ListObjectsV2Response dir = s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("dir/").delimiter("/"));
        assertThat(keys(dir.contents())).containsExactly("dir/1.txt", "dir/2.txt");
        assertThat(prefixes(dir.commonPrefixes())).containsExactly("dir/sub/");
        assertThat(dir.prefix()).isEqualTo("dir/");
    }

    @Test
    void maxKeysAndContinuationTokensPageThroughEverything() {
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String from = token;
            ListObjectsV2Response page = s3.listObjectsV2(b -> b.bucket(BUCKET).maxKeys(2).continuationToken(from));
            seen.addAll(keys(page.contents()));
            assertThat(page.keyCount()).isLessThanOrEqualTo(2);
            token = page.nextContinuationToken();
            assertThat(token != null).isEqualTo(page.isTruncated());
            pages++;
        } while (token != null);
        assertThat(seen).containsExactlyElementsOf(KEYS);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void commonPrefixesCountTowardMaxKeysAndAreNotRepeatedAcrossPages() {
        List<String> entries = new ArrayList<>();
        String token = null;
        do {
            String from = token;
            ListObjectsV2Response page = s3.listObjectsV2(b -> b.bucket(BUCKET).delimiter("/").maxKeys(1)
                    .continuationToken(from));
            entries.addAll(keys(page.contents()));
            entries.addAll(prefixes(page.commonPrefixes()));
            token = page.nextContinuationToken();
        } while (token != null);
        assertThat(entries).containsExactly("a.txt", "dir/", "dir2/", "z.txt");
    }

    @Test
    void theSdkPaginatorSeesEveryKey() {
        List<String> all = s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).maxKeys(1)).contents().stream()
                .map(S3Object::key).toList();
        assertThat(all).containsExactlyElementsOf(KEYS);
    }

    @Test
    void startAfterSkipsKeysUpToIt() {
        ListObjectsV2Response after = s3.listObjectsV2(b -> b.bucket(BUCKET).startAfter("dir/2.txt"));
        assertThat(keys(after.contents())).containsExactly("dir/sub/3.txt", "dir2/4.txt", "z.txt");
        assertThat(after.startAfter()).isEqualTo("dir/2.txt");
    }

    @Test
    void fetchOwnerAddsTheOwner() {
        ListObjectsV2Response owned = s3.listObjectsV2(b -> b.bucket(BUCKET).fetchOwner(true).maxKeys(1));
        assertThat(owned.contents().get(0).owner().id()).hasSize(64);
    }

    @Test
    void maxKeysZeroListsNothing() {
        ListObjectsV2Response none = s3.listObjectsV2(b -> b.bucket(BUCKET).maxKeys(0));
        assertThat(none.contents()).isEmpty();
        assertThat(none.keyCount()).isZero();
    }

    @Test
    void aForgedContinuationTokenIsInvalidArgument() {
        try {
            s3.listObjectsV2(b -> b.bucket(BUCKET).continuationToken("not-a-token"));
            throw new AssertionError("expected InvalidArgument");
        } catch (S3Exception e) {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
        }
    }

    @Test
    void listObjectsV1PagesWithMarkersAndGivesNextMarkerWithADelimiter() {
        ListObjectsResponse first = s3.listObjects(b -> b.bucket(BUCKET).maxKeys(2));
        assertThat(keys(first.contents())).containsExactly("a.txt", "dir/1.txt");
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.nextMarker()).isNull();
        ListObjectsResponse second = s3.listObjects(b -> b.bucket(BUCKET).maxKeys(2).marker("dir/1.txt"));
        assertThat(keys(second.contents())).containsExactly("dir/2.txt", "dir/sub/3.txt");
        assertThat(second.contents().get(0).owner()).isNotNull();
        ListObjectsResponse delimited = s3.listObjects(b -> b.bucket(BUCKET).delimiter("/").maxKeys(2));
        assertThat(keys(delimited.contents())).containsExactly("a.txt");
        assertThat(prefixes(delimited.commonPrefixes())).containsExactly("dir/");
        assertThat(delimited.nextMarker()).isEqualTo("dir/");
        ListObjectsResponse rest = s3.listObjects(b -> b.bucket(BUCKET).delimiter("/").marker("dir/"));
        assertThat(keys(rest.contents())).containsExactly("z.txt");
        assertThat(prefixes(rest.commonPrefixes())).containsExactly("dir2/");
    }

    @Test
    void keysSortInUtf8BinaryOrderAndSurviveUrlEncoding() {
        s3.createBucket(b -> b.bucket("listings-unicode"));
        // U+FF21 (fullwidth A) sorts before U+1F600 (an emoji) in UTF-8, after it in UTF-16.
        List<String> keys = List.of("plain key", "tab\there", "\uFF21", "\uD83D\uDE00", "plus+and%percent");
        for (String key : keys) {
            s3.putObject(b -> b.bucket("listings-unicode").key(key), RequestBody.fromString(key));
        }
        List<String> listed = keys(s3.listObjectsV2(b -> b.bucket("listings-unicode").encodingType(EncodingType.URL))
                .contents());
        assertThat(listed).containsExactly("plain key", "plus+and%percent", "tab\there", "\uFF21", "\uD83D\uDE00");
        List<String> v1 = keys(s3.listObjects(b -> b.bucket("listings-unicode").encodingType(EncodingType.URL)).contents());
        assertThat(v1).isEqualTo(listed);
    }
}
