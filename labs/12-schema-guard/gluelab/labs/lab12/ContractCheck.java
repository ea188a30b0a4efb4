package gluelab.labs.lab12;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import gluelab.labs.lab12.Contract.ContractColumn;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Compares a file, read with every value as text, with its contract. Each problem is one sentence that starts with
 * the column it is about, worded one of four ways (the notebook's checks look for these words):
 * <ul>
 * <li>{@code column currency is missing}</li>
 * <li>{@code column fee_amount is not in the contract}</li>
 * <li>{@code column amount has the wrong type: expected decimal(12,2), but 25 of 25 values are not (e.g. "129,90")}</li>
 * <li>{@code column paid_on is empty in 2 rows, but the contract requires a value}</li>
 * </ul>
 */
final class ContractCheck {

    private ContractCheck() {
    }

    /** Every way {@code file} breaks {@code contract}; empty when it keeps it. */
    static List<String> problems(Contract contract, Dataset<Row> file) {
        List<String> problems = new ArrayList<>();
        // BEGIN SOLUTION
        // Name every problem: missing columns, columns the contract lacks, wrong types, empty required values.
        List<String> present = List.of(file.columns());
        for (String name : contract.columnNames()) {
            if (!present.contains(name)) {
                problems.add("column " + name + " is missing");
            }
        }
        for (String name : present) {
            if (!contract.columnNames().contains(name)) {
                problems.add("column " + name + " is not in the contract");
            }
        }
        // One pass over the data counts, for every column the file has, the values that do not convert to the
        // contract's type (try_cast gives null instead of failing) and the empty values.
        List<ContractColumn> checked = contract.columns().stream().filter(c -> present.contains(c.name())).toList();
        if (checked.isEmpty()) {
            return problems;
        }
        List<Column> counts = new ArrayList<>();
        counts.add(count(lit(1)));
        for (ContractColumn column : checked) {
            Column value = col("`" + column.name() + "`");
            Column wrong = value.isNotNull().and(expr("try_cast(`" + column.name() + "` AS " + column.type() + ")").isNull());
            counts.add(sum(when(wrong, 1).otherwise(0)));
            counts.add(first(when(wrong, value), true));
            counts.add(sum(when(value.isNull(), 1).otherwise(0)));
        }
        Row found = file.agg(counts.get(0), counts.subList(1, counts.size()).toArray(Column[]::new)).first();
        long rows = found.getLong(0);
        for (int i = 0; i < checked.size(); i++) {
            ContractColumn column = checked.get(i);
            int at = 1 + 3 * i;
            long wrong = found.isNullAt(at) ? 0 : found.getLong(at);
            long empty = found.isNullAt(at + 2) ? 0 : found.getLong(at + 2);
            if (wrong > 0) {
                problems.add("column " + column.name() + " has the wrong type: expected " + column.type() + ", but "
                        + wrong + " of " + rows + " values are not (e.g. \"" + found.getString(at + 1) + "\")");
            }
            if (empty > 0 && !column.nullable()) {
                problems.add("column " + column.name() + " is empty in " + empty + " row" + (empty == 1 ? "" : "s")
                        + ", but the contract requires a value");
            }
        }
        // END SOLUTION
        return problems;
    }
}
