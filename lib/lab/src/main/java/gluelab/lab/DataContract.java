package gluelab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.lab.display.MimeBundle;
import gluelab.lab.display.Renderable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A data contract as notebook 12's schema guard keeps it ({@code labs/12-schema-guard/contract.json}): the columns a
 * file must have, in order, each with a Spark SQL type and whether it may be empty. {@link #problemsOf} works out,
 * from the file and the contract alone, what a guard must blame a file for, so that checks follow the data.
 * <pre>
 * DataContract contract = DataContract.read(lab.home().resolve("labs/12-schema-guard/contract.json"));
 * contract.problemsOf(Csv.read(lab.dataFile("payments_wrong_type.csv")))   // [column amount has the wrong type]
 * </pre>
 */
public final class DataContract implements Renderable {

    /** One contract column. */
    public record ContractColumn(String name, String type, boolean nullable) {
    }

    private final String dataset;
    private final List<ContractColumn> columns;

    private DataContract(String dataset, List<ContractColumn> columns) {
        this.dataset = dataset;
        this.columns = List.copyOf(columns);
    }

    /** {@code {"dataset": "payments", "columns": [{"name": "payment_id", "type": "int", "nullable": false}, …]}} */
    public static DataContract read(Path file) {
        try {
            JsonNode json = new ObjectMapper().readTree(file.toFile());
            List<ContractColumn> columns = new ArrayList<>();
            for (JsonNode column : json.path("columns")) {
                columns.add(new ContractColumn(column.path("name").asText(), column.path("type").asText("string"),
                        column.path("nullable").asBoolean(true)));
            }
            return new DataContract(json.path("dataset").asText(file.getFileName().toString()), columns);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the contract " + file + ": " + e.getMessage(), e);
        }
    }

    public String dataset() {
        return dataset;
    }

    public List<ContractColumn> columns() {
        return columns;
    }

    public List<String> columnNames() {
        return columns.stream().map(ContractColumn::name).toList();
    }

    /**
     * What {@code file} (as read, every value text: {@link Csv#read}) breaks of the contract, one phrase per problem,
     * each starting with the column: {@code column currency is missing}, {@code column fee_amount is not in the
     * contract}, {@code column amount has the wrong type}, {@code column paid_on is empty in 2 rows}. A value has the
     * right type when it reads as that type ({@link DataTable#inferTypes()}); empty columns convert to anything.
     */
    public List<String> problemsOf(DataTable file) {
        DataTable typed = file.inferTypes();
        List<String> problems = new ArrayList<>();
        for (ContractColumn column : columns) {
            if (!typed.hasColumn(column.name())) {
                problems.add("column " + column.name() + " is missing");
            }
        }
        for (Column found : typed.columns()) {
            ContractColumn column = columns.stream().filter(c -> c.name().equals(found.name())).findFirst().orElse(null);
            if (column == null) {
                problems.add("column " + found.name() + " is not in the contract");
                continue;
            }
            List<Object> values = typed.values(found.name());
            if (!fits(column.type(), found, values)) {
                problems.add("column " + found.name() + " has the wrong type");
            }
            long empty = values.stream().filter(Objects::isNull).count();
            if (empty > 0 && !column.nullable()) {
                problems.add("column " + found.name() + " is empty in " + empty + " row" + (empty == 1 ? "" : "s"));
            }
        }
        return problems;
    }

    /** Whether a column whose values read as {@code found}'s type fits the contract's type. */
    private static boolean fits(String contractType, Column found, List<Object> values) {
        if (values.stream().allMatch(Objects::isNull)) {
            return true;
        }
        String type = contractType.toLowerCase(Locale.ROOT);
        if (type.equals("string")) {
            return true;
        }
        if (List.of("int", "integer", "bigint", "long", "smallint", "tinyint").contains(type)) {
            return found.type().isInteger();
        }
        if (type.startsWith("decimal") || type.equals("double") || type.equals("float")) {
            return found.type().isNumeric();
        }
        if (type.equals("date")) {
            return found.type() == ColumnType.DATE;
        }
        if (type.startsWith("timestamp")) {
            return found.type().isTemporal();
        }
        if (type.equals("boolean")) {
            return found.type() == ColumnType.BOOLEAN;
        }
        throw new IllegalArgumentException("The contract's type " + contractType + " is not one DataContract knows");
    }

    /** The contract as a table: column, type, nullable. */
    public DataTable table() {
        List<List<Object>> rows = new ArrayList<>();
        columns.forEach(c -> rows.add(List.of(c.name(), c.type(), c.nullable())));
        return DataTable.of(List.of(new Column("column", ColumnType.STRING), new Column("type", ColumnType.STRING),
                new Column("nullable", ColumnType.BOOLEAN)), rows).from("contract " + dataset);
    }

    @Override
    public MimeBundle toMimeBundle() {
        return table().toMimeBundle();
    }

    @Override
    public String toString() {
        return table().toString();
    }
}
