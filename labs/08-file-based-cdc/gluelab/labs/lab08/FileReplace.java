package gluelab.labs.lab08;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * File-based change data capture: the unit of change is a source file. Rows carry the name of the file they
 * came from ({@link #SOURCE_FILE_NAME}); a file that arrives again replaces every row of the earlier version
 * and touches no other file's rows. Delete-then-insert, keyed by file name.
 */
public final class FileReplace {

    public static final String SOURCE_FILE_NAME = "SOURCE_FILE_NAME";

    private FileReplace() {
    }

    /**
     * @param table    the rows in refined (no columns at all before the first load)
     * @param incoming the rows of the files this run read, each with its {@link #SOURCE_FILE_NAME}
     * @return the table with every incoming file's rows replaced by its new rows
     */
    public static Dataset<Row> apply(Dataset<Row> table, Dataset<Row> incoming) {
        // BEGIN SOLUTION
        // Drop every row of the files that arrived, then add their new rows
        if (table.columns().length == 0) {
            return incoming;
        }
        Dataset<Row> arrivedFiles = incoming.select(col(SOURCE_FILE_NAME)).distinct();
        Dataset<Row> otherFiles = table.join(arrivedFiles,
                table.col(SOURCE_FILE_NAME).equalTo(arrivedFiles.col(SOURCE_FILE_NAME)), "left_anti");
        return otherFiles.unionByName(incoming);
        // END SOLUTION
    }
}
