package gluelab.cloud.services.s3;

import gluelab.cloud.http.BlockReadInputStream;
import gluelab.cloud.provider.AwsServiceException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;

/**
 * A browser form POSTed to a bucket ({@code multipart/form-data}), read as S3 reads it: the fields up to the part
 * named {@code file}, and then the file itself as a stream, never held whole. S3 ignores every field after the file,
 * so nothing after it is read. Jetty's multipart parser does the framing; this class only pulls the body through it.
 *
 * <p>Field names are matched without regard to case, as S3 matches them; each keeps the spelling it was sent with,
 * which S3's messages quote. Fields sent twice are joined with commas, as S3 joins them.
 */
final class PostForm {

    /** S3 refuses a form whose fields before the file come to more than 20 KB. */
    static final int MAX_FIELD_BYTES = 20 * 1024;
    private static final int READ_SIZE = 64 * 1024;

    /** A field as the form sent it. */
    record Field(String name, String value) {
    }

    private final Map<String, Field> fields;
    private final String fileName;
    private final InputStream file;

    private PostForm(Map<String, Field> fields, String fileName, InputStream file) {
        this.fields = fields;
        this.fileName = fileName;
        this.file = file;
    }

    /**
     * Reads the fields of the form in {@code body} up to its file.
     *
     * @param contentType the request's Content-Type, which names the boundary
     */
    static PostForm read(String contentType, InputStream body) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw S3Errors.preconditionFailed("Bucket POST must be of the enclosure-type multipart/form-data");
        }
        String boundary = MultiPart.extractBoundary(contentType);
        if (boundary == null || boundary.isEmpty()) {
            throw malformed();
        }
        Reader reader = new Reader(boundary, body);
        reader.readFields();
        return new PostForm(reader.fields, reader.fileName, reader.fileContent());
    }

    /** The field named {@code name} in any case, or empty. */
    Optional<Field> field(String name) {
        return Optional.ofNullable(fields.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The value of the field named {@code name} in any case, or null. */
    String value(String name) {
        return field(name).map(Field::value).orElse(null);
    }

    /** Every field before the file, in the order sent. */
    Iterable<Field> fields() {
        return fields.values();
    }

    /**
     * The name the browser gave the file, less any directories before it ({@code C:\dir\a.txt} is {@code a.txt}), or
     * null where the file part named none.
     */
    String fileName() {
        return fileName;
    }

    /** The file's bytes, streamed from the request as they are read. */
    InputStream file() {
        return file;
    }

    private static AwsServiceException malformed() {
        return new AwsServiceException("MalformedPOSTRequest",
                "The body of your POST request is not well-formed multipart/form-data.", 400);
    }

    /** Pulls the body through Jetty's push parser: it is fed only as far as the reader needs. */
    private static final class Reader implements MultiPart.Parser.Listener {

        private final MultiPart.Parser parser;
        private final InputStream body;
        private final Map<String, Field> fields = new LinkedHashMap<>();
        private final Deque<byte[]> fileChunks = new ArrayDeque<>();
        private String partName;
        private String partFileName;
        private boolean partIsFormData;
        private final ByteArrayOutputStream partValue = new ByteArrayOutputStream();
        private int fieldBytes;
        private boolean inFile;
        private boolean fileEnded;
        private boolean complete;
        private boolean bodyEnded;
        private Throwable failure;
        private String fileName;

        Reader(String boundary, InputStream body) {
            this.parser = new MultiPart.Parser(boundary, this);
            this.body = body;
        }

        void readFields() {
            while (!inFile && !complete) {
                feed();
            }
            if (!inFile) {
                throw S3Errors.invalidArgument("POST requires exactly one file upload per request.", "file", "0");
            }
        }

        InputStream fileContent() {
            return new BlockReadInputStream() {
                private byte[] current = new byte[0];
                private int position;

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    while (position >= current.length) {
                        if (!fileChunks.isEmpty()) {
                            current = fileChunks.poll();
                            position = 0;
                        } else if (fileEnded) {
                            return -1;
                        } else {
                            try {
                                feed();
                            } catch (AwsServiceException malformedBody) {
                                throw new IOException(malformedBody.getMessage(), malformedBody);
                            }
                        }
                    }
                    int n = Math.min(length, current.length - position);
                    System.arraycopy(current, position, buffer, offset, n);
                    position += n;
                    return n;
                }
            };
        }

        /** Gives the parser the next piece of the body; the body ending before the form does is a malformed form. */
        private void feed() {
            if (bodyEnded) {
                throw malformed();
            }
            byte[] buffer;
            try {
                buffer = body.readNBytes(READ_SIZE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bodyEnded = buffer.length < READ_SIZE;
            parser.parse(Content.Chunk.from(ByteBuffer.wrap(buffer), bodyEnded));
            // The parser reports to its listener; what went wrong is raised here, outside its callbacks.
            if (fieldBytes > MAX_FIELD_BYTES) {
                throw new AwsServiceException("MaxPostPreDataLengthExceeded",
                        "Your POST request fields preceeding the upload file was too large.", 400)
                        .with("MaxPostPreDataLengthBytes", Integer.toString(MAX_FIELD_BYTES));
            }
            if (failure != null) {
                throw malformed();
            }
            if (bodyEnded && !complete && !fileEnded) {
                throw malformed();
            }
        }

        @Override
        public void onPartBegin() {
            partName = null;
            partFileName = null;
            partIsFormData = false;
            partValue.reset();
        }

        @Override
        public void onPartHeader(String name, String value) {
            if (!inFile) {
                fieldBytes += name.length() + value.length();
            }
            if (!name.equalsIgnoreCase("Content-Disposition")) {
                return;
            }
            String[] parts = value.split(";");
            partIsFormData = parts[0].trim().equalsIgnoreCase("form-data");
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim();
                int eq = parameter.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String key = parameter.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                String text = unquote(parameter.substring(eq + 1).trim());
                if (key.equals("name")) {
                    partName = text;
                } else if (key.equals("filename")) {
                    partFileName = text;
                }
            }
        }

        @Override
        public void onPartHeaders() {
            // Only a form-data part named "file" is the file; S3 takes another part carrying a file name for a field.
            if (!inFile && partIsFormData && "file".equalsIgnoreCase(partName)) {
                inFile = true;
                fileName = partFileName == null ? null : baseName(partFileName);
            }
        }

        @Override
        public void onPartContent(Content.Chunk chunk) {
            ByteBuffer content = chunk.getByteBuffer().slice();
            byte[] bytes = new byte[content.remaining()];
            content.get(bytes);
            if (fileEnded) {
                return;
            }
            if (inFile) {
                if (bytes.length > 0) {
                    fileChunks.add(bytes);
                }
                return;
            }
            fieldBytes += bytes.length;
            if (fieldBytes <= MAX_FIELD_BYTES) {
                partValue.write(bytes, 0, bytes.length);
            }
        }

        @Override
        public void onPartEnd() {
            if (inFile) {
                fileEnded = true;
                return;
            }
            if (partName == null) {
                return;
            }
            String value = partValue.toString(StandardCharsets.UTF_8);
            fields.merge(partName.toLowerCase(Locale.ROOT), new Field(partName, value),
                    (first, again) -> new Field(first.name(), first.value() + "," + again.value()));
        }

        @Override
        public void onComplete() {
            complete = true;
        }

        @Override
        public void onFailure(Throwable cause) {
            failure = cause;
        }

        private static String unquote(String text) {
            if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
                return text.substring(1, text.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
            }
            return text;
        }

        private static String baseName(String path) {
            int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
            return path.substring(cut + 1);
        }
    }
}
