package gluelab.lab;

import java.nio.file.Path;
import java.util.List;

/**
 * A job jar built from a lab's sources: the compiled job classes, the lab folder's other files as resources,
 * and the {@code gluelab.glue} runtime classes, so the same jar runs on Lab Cloud and on AWS Glue 5.0.
 *
 * @param path        the jar on disk
 * @param labDir      the folder under {@code labs/} it was built from
 * @param sourceHash  the hash of everything that went into it (part of the file name; unchanged sources reuse it)
 * @param classes     the compiled classes, by binary name
 * @param mainClasses the classes with a {@code public static void main(String[])}
 * @param fromCache   whether the jar was already built from the same sources
 */
public record JobJar(Path path, String labDir, String sourceHash, List<String> classes, List<String> mainClasses,
                     boolean fromCache) {

    public JobJar {
        classes = List.copyOf(classes);
        mainClasses = List.copyOf(mainClasses);
    }

    /** The only class with a main method; an error naming them when there are none or several. */
    public String mainClass() {
        if (mainClasses.size() != 1) {
            throw new IllegalStateException(labDir + " has " + (mainClasses.isEmpty() ? "no class" : mainClasses.size()
                    + " classes") + " with a main method" + (mainClasses.isEmpty() ? "" : " " + mainClasses)
                    + "; name the one to run with mainClass(\"SimpleName\")");
        }
        return mainClasses.get(0);
    }

    /** The main class whose simple or full name is {@code name}, e.g. {@code "CsvToParquet"}. */
    public String mainClass(String name) {
        for (String candidate : mainClasses) {
            if (candidate.equals(name) || candidate.endsWith("." + name)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(labDir + " has no class " + name + " with a main method; it has " + mainClasses);
    }

    /** The jar's file name, e.g. {@code 01-csv-to-parquet-3fa2c1d4e5f6.jar}. */
    public String fileName() {
        return path.getFileName().toString();
    }

    @Override
    public String toString() {
        return "labs/" + labDir + " → " + path.getFileName() + " (" + classes.size() + " class"
                + (classes.size() == 1 ? "" : "es") + (mainClasses.isEmpty() ? "" : ", main " + String.join(", ", mainClasses))
                + (fromCache ? ", unchanged" : "") + ")";
    }
}
