package gluelab.glue.spi;

/** Glue's {@code --job-bookmark-option} values. */
public enum BookmarkOption {
    /** Read only what the bookmark has not seen, and advance it on {@code Job.commit()}. */
    ENABLE("job-bookmark-enable"),
    /** Read only what the bookmark has not seen, but leave the bookmark where it is. */
    PAUSE("job-bookmark-pause"),
    /** Ignore the bookmark: read everything, keep nothing. Glue's default. */
    DISABLE("job-bookmark-disable");

    private final String argument;

    BookmarkOption(String argument) {
        this.argument = argument;
    }

    /** The value as written after {@code --job-bookmark-option}. */
    public String argument() {
        return argument;
    }

    public boolean filtersInput() {
        return this != DISABLE;
    }

    public boolean advances() {
        return this == ENABLE;
    }

    public static BookmarkOption parse(String value) {
        if (value == null || value.isBlank()) {
            return DISABLE;
        }
        for (BookmarkOption option : values()) {
            if (option.argument.equalsIgnoreCase(value.trim())) {
                return option;
            }
        }
        throw new IllegalArgumentException("Unknown --job-bookmark-option '" + value
                + "': expected job-bookmark-enable, job-bookmark-pause or job-bookmark-disable");
    }
}
