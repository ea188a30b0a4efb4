package gluelab.cloud.console;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One part of a console page, of a kind the browser knows how to draw: a table, a list of fields, log lines, a
 * state machine's graph, or an HTML document (an email) shown in a sandboxed frame.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(ConsoleBlock.Table.class),
        @JsonSubTypes.Type(ConsoleBlock.Fields.class),
        @JsonSubTypes.Type(ConsoleBlock.LogLines.class),
        @JsonSubTypes.Type(ConsoleBlock.Graph.class),
        @JsonSubTypes.Type(ConsoleBlock.HtmlDocument.class)})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface ConsoleBlock {

    /**
     * Rows under column headings. A row may link to a page; {@code empty} says what an empty table means (and what
     * makes a row appear); {@code next} is the query value of the next page's {@code ?next=}, when there is one.
     */
    @JsonTypeName("table")
    record Table(String title, List<String> columns, List<Row> rows, String empty, String next) implements ConsoleBlock {

        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }

        public static Builder titled(String title, String... columns) {
            return new Builder(title, List.of(columns));
        }

        /** Builds a table row by row. */
        public static final class Builder {
            private final String title;
            private final List<String> columns;
            private final List<Row> rows = new ArrayList<>();
            private String next;

            private Builder(String title, List<String> columns) {
                this.title = title;
                this.columns = columns;
            }

            /** A row; its cells are shown as text, a null cell as a dash. */
            public Builder row(String link, Object... cells) {
                rows.add(new Row(Arrays.asList(cells), link));
                return this;
            }

            public Builder next(String token) {
                this.next = token;
                return this;
            }

            public Table orElse(String empty) {
                return new Table(title, columns, rows, empty, next);
            }
        }
    }

    /** One table row: its cells and the page it opens, if any. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Row(List<Object> cells, String link) {
    }

    /** Labelled values, e.g. a job's settings. */
    @JsonTypeName("fields")
    record Fields(String title, List<Field> fields) implements ConsoleBlock {

        public Fields {
            fields = List.copyOf(fields);
        }

        public static Fields of(String title, Field... fields) {
            return new Fields(title, Arrays.stream(fields).filter(f -> f.value() != null).toList());
        }
    }

    /** One labelled value, with the page it opens, if any. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Field(String label, Object value, String link) {

        public static Field of(String label, Object value) {
            return new Field(label, value, null);
        }

        public static Field linked(String label, Object value, String link) {
            return new Field(label, value, link);
        }
    }

    /** Log lines, oldest first. */
    @JsonTypeName("log")
    record LogLines(String title, List<LogLine> lines, String empty) implements ConsoleBlock {

        public LogLines {
            lines = List.copyOf(lines);
        }
    }

    /** One log line: when, and what. */
    record LogLine(String time, String message) {
    }

    /**
     * A state machine's graph: its Amazon States Language definition, and the status of each state in one
     * execution ({@code SUCCEEDED}, {@code FAILED}, {@code RUNNING}, …; states not reached are absent).
     */
    @JsonTypeName("graph")
    record Graph(String title, JsonNode definition, Map<String, String> states) implements ConsoleBlock {

        public Graph {
            states = Map.copyOf(states);
        }
    }

    /** An HTML document (an email's HTML body), which the browser shows in a sandboxed frame with no scripts. */
    @JsonTypeName("html")
    record HtmlDocument(String title, String html) implements ConsoleBlock {
    }
}
