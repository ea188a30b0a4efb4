package gluelab.lab.display;

/**
 * Where {@link Display} sends rich output: the Jupyter kernel and the headless runner install one that turns
 * each call into a {@code display_data} or {@code update_display_data} output of the running cell.
 */
public interface DisplaySink {

    /** A new output, which later {@link #update} calls with the same {@code displayId} replace in place. */
    void display(MimeBundle bundle, String displayId);

    /** Replaces the content of every output shown earlier with {@code displayId}, in whichever cell it is. */
    void update(String displayId, MimeBundle bundle);

    /** Whether {@link #update} redraws an output where it stands (a notebook), rather than adding a line. */
    default boolean updatesInPlace() {
        return true;
    }

    /** Without a notebook (plain Java, tests): the plain-text form on {@code System.out}, updates as new lines. */
    DisplaySink PLAIN_TEXT = new DisplaySink() {
        @Override
        public void display(MimeBundle bundle, String displayId) {
            System.out.println(bundle.plainText());
        }

        @Override
        public void update(String displayId, MimeBundle bundle) {
            System.out.println(bundle.plainText());
        }

        @Override
        public boolean updatesInPlace() {
            return false;
        }
    };
}
