package gluelab.lab.states;

/** What became of a state in one execution, with the console's words and colours. */
public enum StateOutcome {
    // Ordered from least to most telling: a state entered many times (a Map's iterations, a loop) shows the last.
    NOT_RUN("Not run", "#ffffff", "#8c959f"),
    SUCCEEDED("Succeeded", "#e6f4ea", "#1d8102"),
    IN_PROGRESS("In progress", "#e1eefc", "#0972d3"),
    CANCELLED("Cancelled", "#eaeded", "#545b64"),
    CAUGHT("Caught error", "#fff4e0", "#c45500"),
    FAILED("Failed", "#fde7e6", "#d13212");

    private final String label;
    private final String fill;
    private final String stroke;

    StateOutcome(String label, String fill, String stroke) {
        this.label = label;
        this.fill = fill;
        this.stroke = stroke;
    }

    public String label() {
        return label;
    }

    public String fill() {
        return fill;
    }

    public String stroke() {
        return stroke;
    }

    /** The more telling of two outcomes of the same state. */
    public StateOutcome worst(StateOutcome other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
