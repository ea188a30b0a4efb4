package gluelab.kernel.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResultSuppressionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "lab.cleanUp();|true",
            "lab.readTable(uri)|false",
            "x + 1; // a note|true",
            "x + 1 // a note;|false",
            "String s = \"a;\"|false",
            "f(\"//\");|true",
            "f(); /* done; */|true",
            "f() /* ; */|false",
            "'x'|false",
            "int a = 1;\\nlab.table()|false",
            "|false"})
    void aCellShowsNoResultWhenItsLastCodeEndsWithASemicolon(String cell, boolean suppressed) {
        assertThat(ResultSuppression.endsWithSemicolon(cell == null ? "" : cell.replace("\\n", "\n"))).isEqualTo(suppressed);
    }
}
