package gluelab.kernel.eval;

/** The two standard output streams of cell code, named as Jupyter names them in stream outputs. */
public enum StdStream {
    STDOUT("stdout"),
    STDERR("stderr");

    private final String jupyterName;

    StdStream(String jupyterName) {
        this.jupyterName = jupyterName;
    }

    public String jupyterName() {
        return jupyterName;
    }
}
