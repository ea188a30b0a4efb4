package gluelab.lab.display;

/** A value that knows how to show itself in a notebook: tables, pictures, run summaries. */
public interface Renderable {
    MimeBundle toMimeBundle();
}
