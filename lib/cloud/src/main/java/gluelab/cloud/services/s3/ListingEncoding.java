package gluelab.cloud.services.s3;

import gluelab.cloud.auth.SigV4;

/**
 * {@code encoding-type=url}: keys and prefixes in listings are percent-encoded so any key (control
 * characters included) survives XML. The SDK v2 asks for it on every listing and decodes it; '/' stays.
 */
final class ListingEncoding {

    private final boolean url;

    private ListingEncoding(boolean url) {
        this.url = url;
    }

    static ListingEncoding of(String encodingType) {
        if (encodingType == null) {
            return new ListingEncoding(false);
        }
        if (!encodingType.equals("url")) {
            throw S3Errors.invalidArgument("Invalid Encoding Method specified in Request", "encoding-type", encodingType);
        }
        return new ListingEncoding(true);
    }

    String apply(String value) {
        return value == null || !url ? value : SigV4.uriEncode(value, false);
    }

    String type() {
        return url ? "url" : null;
    }
}
