package gluelab.lab.data;

/**
 * How a delimited text file is written.
 *
 * @param delimiter between fields: {@code ,} or {@code |} or a tab
 * @param quote     around fields that hold delimiters, quotes or line breaks; a doubled quote inside is one quote
 * @param escape    a character that makes the next one literal inside quotes ({@code \} in Spark's output), or 0
 * @param header    whether the first record names the columns
 */
public record CsvFormat(char delimiter, char quote, char escape, boolean header) {

    /** RFC 4180: comma, double quotes doubled inside quotes, a header line. The files in {@code data/}. */
    public static final CsvFormat DEFAULT = new CsvFormat(',', '"', (char) 0, true);

    /** What Spark's CSV writer produces with {@code header=true}: quotes inside quoted fields escaped with {@code \}. */
    public static final CsvFormat SPARK = new CsvFormat(',', '"', '\\', true);

    public CsvFormat withDelimiter(char newDelimiter) {
        return new CsvFormat(newDelimiter, quote, escape, header);
    }

    public CsvFormat withHeader(boolean hasHeader) {
        return new CsvFormat(delimiter, quote, escape, hasHeader);
    }
}
