package gluelab.cloud.services.s3;

import static gluelab.cloud.services.s3.S3Failures.errorCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import gluelab.cloud.testing.RunningLabCloud;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/** Object tags (x-amz-tagging on uploads, Put/Get/DeleteObjectTagging, by version) and bucket tags. */
class S3TaggingTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Test
    void uploadsTagTheirObjectWithXAmzTaggingAndCopiesKeepOrReplaceTheTags() {
        try (S3Client s3 = cloud.client(S3Client.builder())) {
            s3.createBucket(b -> b.bucket("tagged-uploads"));
            s3.putObject(b -> b.bucket("tagged-uploads").key("put").tagging("team=data&stage=raw%20zone"),
                    RequestBody.fromString("x"));
            String upload = s3.createMultipartUpload(b -> b.bucket("tagged-uploads").key("multi").tagging("part=yes"))
                    .uploadId();
            String etag = s3.uploadPart(b -> b.bucket("tagged-uploads").key("multi").uploadId(upload).partNumber(1),
                    RequestBody.fromString("m")).eTag();
            s3.completeMultipartUpload(b -> b.bucket("tagged-uploads").key("multi").uploadId(upload)
                    .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
            s3.copyObject(b -> b.sourceBucket("tagged-uploads").sourceKey("put").destinationBucket("tagged-uploads")
                    .destinationKey("copied"));
            s3.copyObject(b -> b.sourceBucket("tagged-uploads").sourceKey("put").destinationBucket("tagged-uploads")
                    .destinationKey("retagged").taggingDirective(TaggingDirective.REPLACE).tagging("new=1"));

            assertThat(s3.getObjectTagging(b -> b.bucket("tagged-uploads").key("put")).tagSet())
                    .containsExactly(tag("team", "data"), tag("stage", "raw zone"));
            assertThat(s3.getObject(b -> b.bucket("tagged-uploads").key("put")).response().tagCount()).isEqualTo(2);
            assertThat(s3.getObjectTagging(b -> b.bucket("tagged-uploads").key("multi")).tagSet())
                    .containsExactly(tag("part", "yes"));
            assertThat(s3.getObjectTagging(b -> b.bucket("tagged-uploads").key("copied")).tagSet())
                    .containsExactly(tag("team", "data"), tag("stage", "raw zone"));
            assertThat(s3.getObjectTagging(b -> b.bucket("tagged-uploads").key("retagged")).tagSet())
                    .containsExactly(tag("new", "1"));
        }
    }

    @Test
    void objectTaggingReplacesTheWholeSetOfTheVersionNamedAndDeleteEmptiesIt() {
        try (S3Client s3 = cloud.client(S3Client.builder())) {
            s3.createBucket(b -> b.bucket("tagged-versions"));
            s3.putBucketVersioning(b -> b.bucket("tagged-versions").versioningConfiguration(v -> v.status("Enabled")));
            String first = s3.putObject(b -> b.bucket("tagged-versions").key("k").tagging("v=1"),
                    RequestBody.fromString("1")).versionId();
            s3.putObject(b -> b.bucket("tagged-versions").key("k"), RequestBody.fromString("2"));

            var put = s3.putObjectTagging(b -> b.bucket("tagged-versions").key("k").tagging(t -> t.tagSet(
                    tag("latest", "yes"), tag("empty", ""))));
            s3.putObjectTagging(b -> b.bucket("tagged-versions").key("k").versionId(first).tagging(t -> t.tagSet(
                    tag("old", "yes"))));

            assertThat(s3.getObjectTagging(b -> b.bucket("tagged-versions").key("k")))
                    .satisfies(r -> assertThat(r.versionId()).isEqualTo(put.versionId()))
                    .extracting(r -> r.tagSet()).asList().containsExactly(tag("latest", "yes"), tag("empty", ""));
            assertThat(s3.getObjectTagging(b -> b.bucket("tagged-versions").key("k").versionId(first)).tagSet())
                    .containsExactly(tag("old", "yes"));
            s3.deleteObjectTagging(b -> b.bucket("tagged-versions").key("k"));
            assertThat(s3.getObjectTagging(b -> b.bucket("tagged-versions").key("k")).tagSet()).isEmpty();
            assertThat(s3.getObjectTagging(b -> b.bucket("tagged-versions").key("k").versionId(first)).tagSet())
                    .hasSize(1);
            assertThat(s3.getObject(b -> b.bucket("tagged-versions").key("k")).response().tagCount()).isNull();
        }
    }

    @Test
    void tagSetsAreCheckedAsS3ChecksThem() {
        try (S3Client s3 = cloud.client(S3Client.builder())) {
            s3.createBucket(b -> b.bucket("tag-rules"));
            s3.putObject(b -> b.bucket("tag-rules").key("k"), RequestBody.fromString("x"));
            List<Tag> eleven = IntStream.range(0, 11).mapToObj(i -> tag("k" + i, "v")).toList();

            assertThat(errorCode(() -> s3.putObjectTagging(b -> b.bucket("tag-rules").key("k")
                    .tagging(t -> t.tagSet(eleven))))).isEqualTo("BadRequest");
            assertThat(errorCode(() -> s3.putObjectTagging(b -> b.bucket("tag-rules").key("k")
                    .tagging(t -> t.tagSet(tag("a", "1"), tag("a", "2")))))).isEqualTo("InvalidTag");
            assertThat(errorCode(() -> s3.putObjectTagging(b -> b.bucket("tag-rules").key("k")
                    .tagging(t -> t.tagSet(tag("aws:reserved", "1")))))).isEqualTo("InvalidTag");
            assertThat(errorCode(() -> s3.putObject(b -> b.bucket("tag-rules").key("bad").tagging("a=1&a=2"),
                    RequestBody.fromString("x")))).isEqualTo("InvalidTag");
            assertThat(errorCode(() -> s3.getObjectTagging(b -> b.bucket("tag-rules").key("missing"))))
                    .isEqualTo("NoSuchKey");
        }
    }

    @Test
    void bucketTagsAreSetReadAndDeletedAndABucketWithoutTagsIsNoSuchTagSet() {
        try (S3Client s3 = cloud.client(S3Client.builder())) {
            s3.createBucket(b -> b.bucket("tagged-bucket"));
            assertThat(errorCode(() -> s3.getBucketTagging(b -> b.bucket("tagged-bucket")))).isEqualTo("NoSuchTagSet");

            s3.putBucketTagging(b -> b.bucket("tagged-bucket").tagging(t -> t.tagSet(tag("cost-center", "42"),
                    tag("owner", "lab"))));

            assertThat(s3.getBucketTagging(b -> b.bucket("tagged-bucket")).tagSet())
                    .extracting(Tag::key, Tag::value).containsExactly(tuple("cost-center", "42"), tuple("owner", "lab"));
            s3.deleteBucketTagging(b -> b.bucket("tagged-bucket"));
            assertThat(errorCode(() -> s3.getBucketTagging(b -> b.bucket("tagged-bucket")))).isEqualTo("NoSuchTagSet");
        }
    }
}
