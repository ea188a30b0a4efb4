package gluelab.cloud.services.lambda;

import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.InternalCalls;
import gluelab.cloud.provider.RequestContext;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.provider.StreamingResponse;
import gluelab.cloud.state.Directories;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * A function's deployment package: taken from the request (ZipFile) or read from S3 (S3Bucket, S3Key) as the caller,
 * checked as Lambda checks it (a zip, within the unzipped size limit), kept beside the journal by its SHA-256, and
 * unpacked once per code into the directory an execution environment runs in ({@code /var/task} on AWS: classes at
 * its root, jars in {@code lib/}).
 */
public final class CodePackages {

    /** The largest unzipped deployment package Lambda takes. */
    static final long MAX_UNZIPPED_BYTES = 262_144_000L;

    private final Path store;
    private final Path unpacked;
    private final InternalCalls internal;

    /** A stored package: its SHA-256 as Lambda reports it (base64) and its size in bytes. */
    public record Stored(String sha256, long size) {
    }

    public CodePackages(Path payloadDir, InternalCalls internal) {
        this.store = payloadDir.resolve("code");
        this.unpacked = payloadDir.resolve("task");
        this.internal = internal;
    }

    /** Reads, checks and keeps the code a CreateFunction or UpdateFunctionCode request gives. */
    Stored accept(RequestContext context, byte[] zipFile, String s3Bucket, String s3Key, String s3ObjectVersion) {
        byte[] zip = zipFile != null ? zipFile : fromS3(context, s3Bucket, s3Key, s3ObjectVersion);
        checkUnzips(zip);
        String sha = sha256(zip);
        Path file = packageFile(context.scope(), sha);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Path partial = Files.createTempFile(file.getParent(), "upload", ".part");
                Files.write(partial, zip);
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the function's code", e);
        }
        return new Stored(sha, zip.length);
    }

    private byte[] fromS3(RequestContext context, String bucket, String key, String version) {
        if (bucket == null || key == null) {
            throw LambdaErrors.invalidParameter("Please provide a source for function code.");
        }
        GetObjectRequest get = GetObjectRequest.builder().bucket(bucket).key(key).versionId(version).build();
        try {
            StreamingResponse<GetObjectResponse> object = internal.call("s3", context.scope(),
                    context.caller().principalArn(), get);
            try (InputStream body = object.body()) {
                return body.readAllBytes();
            }
        } catch (AwsServiceException e) {
            if (e.code().startsWith("AccessDenied")) {
                throw LambdaErrors.invalidParameter("Your access has been denied by S3, please make sure your request "
                        + "credentials have permission to GetObject for " + bucket + "/" + key
                        + ". S3 Error Code: AccessDenied. S3 Error Message: Access Denied");
            }
            throw LambdaErrors.invalidParameter("Error occurred while GetObject. S3 Error Code: " + e.code()
                    + ". S3 Error Message: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkUnzips(byte[] zip) {
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            byte[] buffer = new byte[65_536];
            while ((entry = in.getNextEntry()) != null) {
                entries++;
                if (entry.isDirectory()) {
                    continue;
                }
                int read;
                while ((read = in.read(buffer)) > 0) {
                    total += read;
                    if (total > MAX_UNZIPPED_BYTES) {
                        throw LambdaErrors.invalidParameter("Unzipped size must be smaller than "
                                + MAX_UNZIPPED_BYTES + " bytes");
                    }
                }
            }
        } catch (IOException e) {
            entries = 0;
        }
        if (entries == 0) {
            throw LambdaErrors.invalidParameter("Could not unzip uploaded file. Please check your file, then try to "
                    + "upload again.");
        }
    }

    /**
     * The directory the code is unpacked in, unpacking it the first time: what an execution environment's runtime
     * loads the handler from.
     */
    public synchronized Path taskRoot(Scope scope, String sha256) {
        String hex = hex(sha256);
        Path root = unpacked.resolve(scope.account()).resolve(scope.region()).resolve(hex);
        if (Files.isDirectory(root)) {
            return root;
        }
        try {
            Path partial = Files.createDirectories(unpacked.resolve(scope.account()).resolve(scope.region()))
                    .resolve(hex + ".unpacking");
            Directories.deleteTree(partial);
            Files.createDirectories(partial);
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(packageFile(scope, sha256)))) {
                ZipEntry entry;
                while ((entry = in.getNextEntry()) != null) {
                    Path target = partial.resolve(entry.getName()).normalize();
                    if (!target.startsWith(partial)) {
                        continue; // an entry such as ../x would escape the task root: Lambda ignores it too
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Files.move(partial, root, StandardCopyOption.ATOMIC_MOVE);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the function's code", e);
        }
    }

    /** The code as a presigned URL would give it (GetFunction's Code.Location). */
    public byte[] read(Scope scope, String sha256) {
        try {
            return Files.readAllBytes(packageFile(scope, sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path packageFile(Scope scope, String sha256) {
        return store.resolve(scope.account()).resolve(scope.region()).resolve(hex(sha256) + ".zip");
    }

    static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SHA-256 in hex: the package's file name, and the unguessable part of its download URL. */
    static String hex(String sha256Base64) {
        return HexFormat.of().formatHex(Base64.getDecoder().decode(sha256Base64));
    }

}
