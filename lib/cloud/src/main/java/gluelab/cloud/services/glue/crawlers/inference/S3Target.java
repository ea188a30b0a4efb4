package gluelab.cloud.services.glue.crawlers.inference;

import java.util.List;

/**
 * One S3 include path of a crawler with its exclusion globs, as in the API's {@code S3Target}.
 *
 * @param path an {@code s3://bucket/prefix} include path
 * @param exclusions Glue globs relative to the include path ({@code *}, {@code **}, {@code ?}, {@code [...]}, {@code {a,b}})
 * @param sampleSize how many files per leaf folder to read, or null for all (the API's {@code SampleSize})
 */
public record S3Target(String path, List<String> exclusions, Integer sampleSize) {

    public S3Target {
        exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
    }
}
