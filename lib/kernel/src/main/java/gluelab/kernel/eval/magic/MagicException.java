package gluelab.kernel.eval.magic;

/** A magic line that cannot run: unknown name, bad arguments, missing files. The message is shown as is. */
public class MagicException extends Exception {

    public MagicException(String message) {
        super(message);
    }
}
