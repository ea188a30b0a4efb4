package gluelab.cloud.services.s3;

import gluelab.cloud.services.s3.storage.ObjectRecord;
import gluelab.cloud.services.s3.storage.Segment;
import gluelab.cloud.services.s3.storage.StoredChecksum;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesParts;
import software.amazon.awssdk.services.s3.model.ObjectPart;

/**
 * The {@code ObjectParts} of a completed multipart object in GetObjectAttributes. S3 lists the parts, a page at a
 * time after {@code PartNumberMarker} as ListParts does, only for an object whose checksum is COMPOSITE (the parts'
 * own checksums are what the listing is for); of any other multipart object it gives the part count alone.
 */
final class ObjectParts {

    private static final int MAX_PARTS = 1000;

    private ObjectParts() {
    }

    static GetObjectAttributesParts of(ObjectRecord object, Integer maxParts, Integer partNumberMarker) {
        GetObjectAttributesParts.Builder parts = GetObjectAttributesParts.builder().totalPartsCount(object.partsCount());
        if (object.checksum() == null || !StoredChecksum.COMPOSITE.equals(object.checksum().type())) {
            return parts.build();
        }
        int max = maxParts == null ? MAX_PARTS : Math.max(0, Math.min(maxParts, MAX_PARTS));
        int marker = partNumberMarker == null ? 0 : Math.max(0, partNumberMarker);
        List<Segment> segments = object.segments();
        List<ObjectPart> page = new ArrayList<>();
        int partNumber = marker;
        while (partNumber < segments.size() && page.size() < max) {
            Segment segment = segments.get(partNumber);
            partNumber++;
            ObjectPart.Builder part = ObjectPart.builder().partNumber(partNumber).size(segment.length());
            ChecksumMembers.set((SdkPojo) part, segment.checksum() == null ? null
                    : new StoredChecksum(object.checksum().algorithm(), segment.checksum(), null), false);
            page.add(part.build());
        }
        return parts.partNumberMarker(marker)
                .nextPartNumberMarker(page.isEmpty() ? null : partNumber)
                .maxParts(max)
                .isTruncated(partNumber < segments.size())
                .parts(page.isEmpty() ? null : page)
                .build();
    }

    /** The object's checksum as GetObjectAttributes gives it: a composite one without its {@code -<parts>}. */
    static StoredChecksum wholeObjectChecksum(StoredChecksum checksum) {
        if (!StoredChecksum.COMPOSITE.equals(checksum.type())) {
            return checksum;
        }
        int dash = checksum.value().lastIndexOf('-');
        return dash < 0 ? checksum
                : new StoredChecksum(checksum.algorithm(), checksum.value().substring(0, dash), checksum.type());
    }
}
