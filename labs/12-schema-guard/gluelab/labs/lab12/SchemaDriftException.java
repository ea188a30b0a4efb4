package gluelab.labs.lab12;

import java.util.List;

/**
 * The incoming file does not match its contract. Thrown before anything is written, so the run fails (its
 * ErrorMessage is this message) and the refined data stays as it was.
 */
final class SchemaDriftException extends RuntimeException {

    SchemaDriftException(String file, Contract contract, List<String> problems) {
        super(file + " does not match the " + contract.dataset() + " contract: " + String.join("; ", problems));
    }
}
