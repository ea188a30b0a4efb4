package gluelab.labs.lab12;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * A data contract: the columns a dataset must have, in order, each with its Spark SQL type ({@code int},
 * {@code decimal(12,2)}, {@code date}, {@code string} …) and whether it may be empty. Read from JSON:
 * <pre>
 * {"dataset": "payments", "columns": [{"name": "payment_id", "type": "int", "nullable": false}, …]}
 * </pre>
 */
record Contract(String dataset, List<ContractColumn> columns) {

    record ContractColumn(String name, String type, boolean nullable) {
    }

    /** The contract at {@code path} ({@code s3://…} or any Hadoop path). */
    static Contract read(String path, Configuration hadoopConf) throws IOException {
        Path file = new Path(path);
        try (InputStream in = file.getFileSystem(hadoopConf).open(file)) {
            JsonNode json = new ObjectMapper().readTree(in);
            List<ContractColumn> columns = new ArrayList<>();
            for (JsonNode column : json.path("columns")) {
                columns.add(new ContractColumn(column.path("name").asText(), column.path("type").asText("string"),
                        column.path("nullable").asBoolean(true)));
            }
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("The contract " + path + " lists no columns");
            }
            return new Contract(json.path("dataset").asText(file.getName()), List.copyOf(columns));
        }
    }

    List<String> columnNames() {
        return columns.stream().map(ContractColumn::name).toList();
    }
}
