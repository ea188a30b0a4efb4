package gluelab.lab;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of one lab's resources. Every name starts with the lab's prefix ({@code lab01-}, or
 * {@code jdoe-lab01-} on AWS), so a reset can find and remove exactly this lab's resources, and every name is
 * a valid S3 bucket name (3–63 lowercase letters, digits and hyphens), so one rule serves buckets, jobs,
 * triggers and the rest.
 */
public final class LabNames {

    private static final Pattern LAB = Pattern.compile("(?i)(?:lab)?0*(\\d{1,2})(?:-([a-z0-9-]+))?");
    private static final int MAX_LENGTH = 63;

    private final String labId;
    private final String slug;
    private final String prefix;

    private LabNames(String labId, String slug, String prefix) {
        this.labId = labId;
        this.slug = slug;
        this.prefix = prefix;
    }

    /**
     * @param lab        the notebook: {@code "01"}, {@code "1"} or {@code "01-csv-to-parquet"}
     * @param namePrefix what goes before {@code labNN-}: empty, or e.g. {@code "jdoe-"} on AWS
     */
    public static LabNames of(String lab, String namePrefix) {
        Matcher matcher = LAB.matcher(lab == null ? "" : lab.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("\"" + lab + "\" does not name a lab: use its number, like \"01\", or its "
                    + "folder name, like \"01-csv-to-parquet\"");
        }
        String id = String.format(Locale.ROOT, "%02d", Integer.parseInt(matcher.group(1)));
        return new LabNames(id, matcher.group(2), namePrefix + "lab" + id + "-");
    }

    /** The lab's two-digit number, e.g. {@code "01"}. */
    public String labId() {
        return labId;
    }

    /** The slug after the number when the lab was named by its folder, e.g. {@code "csv-to-parquet"}; else null. */
    public String slug() {
        return slug;
    }

    /** What every name of this lab starts with, e.g. {@code "lab01-"}. */
    public String prefix() {
        return prefix;
    }

    /**
     * What a reset of this lab removes by: the prefix, and the same with underscores, because catalog names often
     * use them ({@code lab01_sales}), which Spark SQL needs no quotes for.
     */
    public List<String> resetPrefixes() {
        return List.copyOf(new LinkedHashSet<>(List.of(prefix, prefix.replace('-', '_'))));
    }

    /** The full name of one resource: {@code name("raw")} is {@code "lab01-raw"}. */
    public String name(String resource) {
        String part = resource == null ? "" : resource.trim().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
        if (part.isEmpty()) {
            throw new IllegalArgumentException("\"" + resource + "\" has no letters or digits to make a resource name from");
        }
        String name = prefix + part;
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("\"" + name + "\" is " + name.length() + " characters; S3 bucket names "
                    + "have at most " + MAX_LENGTH + ". Use a shorter name than \"" + resource + "\".");
        }
        return name;
    }
}
