package gluelab.cloud.services.glue.crawlers.inference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Glue's exclusion glob semantics, matched against keys relative to the include path. */
class S3GlobTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            *.csv            | a.csv              | true
            *.csv            | dir/a.csv          | false
            **.csv           | dir/sub/a.csv      | true
            **.json          | x.json             | true
            **/_tmp/**       | a/_tmp/b.csv       | true
            **/_tmp/**       | a/b/_tmp/c/d.csv   | true
            **/_tmp/**       | a/tmp/b.csv        | false
            2024/**          | 2024/01/a.csv      | true
            2024/**          | 2023/01/a.csv      | false
            year=2024/*      | year=2024/a.csv    | true
            year=2024/*      | year=2024/m/a.csv  | false
            ?.csv            | a.csv              | true
            ?.csv            | ab.csv             | false
            ?                | /                  | false
            [ab].csv         | b.csv              | true
            [ab].csv         | c.csv              | false
            [!ab].csv        | c.csv              | true
            [!ab].csv        | a.csv              | false
            [a-c]x           | bx                 | true
            [a-c]x           | dx                 | false
            *.{csv,json}     | a.json             | true
            *.{csv,json}     | a.parquet          | false
            {a,b}/**         | b/x.csv            | true
            {a,b}/**         | c/x.csv            | false
            \\*.csv          | *.csv              | true
            \\*.csv          | a.csv              | false
            a.b              | aXb                | false
            """)
    void aGlobMatchesKeysAsGlueMatchesThem(String glob, String key, boolean matches) {
        assertThat(S3Glob.compile(glob).matches(key)).isEqualTo(matches);
    }
}
