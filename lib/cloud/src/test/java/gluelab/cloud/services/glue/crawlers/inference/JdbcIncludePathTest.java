package gluelab.cloud.services.glue.crawlers.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A JDBC target's path and exclusions choose tables as Glue's do: SQL LIKE in the path, globs in the exclusions
 * (relative to the path, or whole); and its columns are typed as Glue types PostgreSQL's.
 */
class JdbcIncludePathTest {

    @Test
    void aPathIsDatabaseSchemaTableWithLikePatternsOrDatabaseTableForEverySchema() {
        JdbcIncludePath schema = JdbcIncludePath.parse("shop/public/%", List.of());
        JdbcIncludePath oneTable = JdbcIncludePath.parse("shop/public/orders", List.of());
        JdbcIncludePath everySchema = JdbcIncludePath.parse("shop/%", List.of());
        JdbcIncludePath prefixed = JdbcIncludePath.parse("shop/public/order_", List.of());

        assertThat(schema.includes("public", "orders")).isTrue();
        assertThat(schema.includes("staging", "orders")).isFalse();
        assertThat(oneTable.includes("public", "orders")).isTrue();
        assertThat(oneTable.includes("public", "orders2")).isFalse();
        assertThat(everySchema.includes("staging", "loads")).isTrue();
        assertThat(everySchema.database()).isEqualTo("shop");
        assertThat(prefixed.includes("public", "orders")).as("_ is one character").isTrue();
        assertThat(prefixed.includes("public", "order")).isFalse();
        for (String bad : new String[] {"shop", "shop/", "/public/%", "a/b/c/d"}) {
            assertThatThrownBy(() -> JdbcIncludePath.parse(bad, List.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad);
        }
    }

    @Test
    void exclusionsAreGlobsOnThePathRelativeToTheIncludePathOrOnTheWholePath() {
        JdbcIncludePath schema = JdbcIncludePath.parse("shop/public/%", List.of("orders_*", "shop/public/tmp?"));
        JdbcIncludePath everySchema = JdbcIncludePath.parse("shop/%", List.of("staging/**", "*/audit_*"));

        assertThat(schema.includes("public", "orders_archive")).isFalse();
        assertThat(schema.includes("public", "tmp1")).isFalse();
        assertThat(schema.includes("public", "orders")).isTrue();
        assertThat(everySchema.includes("staging", "loads")).isFalse();
        assertThat(everySchema.includes("public", "audit_log")).isFalse();
        assertThat(everySchema.includes("public", "orders")).isTrue();
    }

    @Test
    void columnsAreTypedAsGlueTypesPostgresColumns() {
        assertThat(type(Types.INTEGER, "int4", 10, 0)).isEqualTo("int");
        assertThat(type(Types.BIGINT, "int8", 19, 0)).isEqualTo("bigint");
        assertThat(type(Types.SMALLINT, "int2", 5, 0)).isEqualTo("smallint");
        assertThat(type(Types.NUMERIC, "numeric", 12, 3)).isEqualTo("decimal(12,3)");
        assertThat(type(Types.NUMERIC, "numeric", 0, 0)).isEqualTo("decimal(38,18)");
        assertThat(type(Types.VARCHAR, "varchar", 40, 0)).isEqualTo("string");
        assertThat(type(Types.VARCHAR, "text", Integer.MAX_VALUE, 0)).isEqualTo("string");
        assertThat(type(Types.BIT, "bool", 1, 0)).isEqualTo("boolean");
        assertThat(type(Types.DATE, "date", 13, 0)).isEqualTo("date");
        assertThat(type(Types.TIMESTAMP, "timestamptz", 35, 6)).isEqualTo("timestamp");
        assertThat(type(Types.DOUBLE, "float8", 17, 17)).isEqualTo("double");
        assertThat(type(Types.REAL, "float4", 8, 8)).isEqualTo("float");
        assertThat(type(Types.BINARY, "bytea", Integer.MAX_VALUE, 0)).isEqualTo("binary");
        assertThat(type(Types.OTHER, "uuid", Integer.MAX_VALUE, 0)).isEqualTo("string");
    }

    private static String type(int jdbcType, String typeName, int size, int digits) {
        return JdbcColumnTypes.glueType(new JdbcTableMetadata.Column("c", jdbcType, typeName, size, digits, null));
    }
}
