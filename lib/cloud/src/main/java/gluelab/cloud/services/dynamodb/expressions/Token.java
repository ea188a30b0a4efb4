package gluelab.cloud.services.dynamodb.expressions;

/** One token of an expression, where it starts and ends in the source (for AWS's "near" in syntax errors). */
record Token(Kind kind, String text, int start, int end) {

    enum Kind { NAME, NAME_PLACEHOLDER, VALUE_PLACEHOLDER, NUMBER, SYMBOL, EOF }

    boolean is(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** Keywords (AND, BETWEEN, SET, ...) are names in any case. */
    boolean isKeyword(String keyword) {
        return kind == Kind.NAME && text.equalsIgnoreCase(keyword);
    }

    /** The token as AWS quotes it in a syntax error. */
    String quoted() {
        return kind == Kind.EOF ? "<EOF>" : text;
    }
}
