package gluelab.glue.worker;

import java.util.List;
import java.util.Locale;

/**
 * The {@code --datalake-formats} job argument (Glue 4.0+): a comma separated list of {@code hudi},
 * {@code delta}, {@code iceberg}. Lab Cloud provides Iceberg (Glue 5.0's 1.7.1); a run that does not
 * name it does not see Iceberg's classes, as on AWS.
 */
record DatalakeFormats(boolean iceberg) {

    static final String ARGUMENT = "--datalake-formats";

    static DatalakeFormats of(List<String> args) {
        boolean iceberg = false;
        for (int i = 0; i + 1 < args.size(); i++) {
            if (ARGUMENT.equals(args.get(i))) {
                for (String format : args.get(i + 1).split(",")) {
                    iceberg |= format.trim().toLowerCase(Locale.ROOT).equals("iceberg");
                }
            }
        }
        return new DatalakeFormats(iceberg);
    }
}
