/**
 * The helper library the Glue Pipelines Lab notebooks import. The AWS calls a pattern teaches stay in the
 * notebook ({@code glue.createJob(...)}, {@code s3.putObject(...)}); this library does the plumbing around them.
 *
 * <ul>
 *   <li>{@link gluelab.lab.Lab}: connect to the target ({@code LAB_TARGET}: embedded Lab Cloud, LocalStack or
 *       AWS), name resources, make SDK clients, reset and clean up, package and upload job jars, wait for runs,
 *       read output tables, logs and metrics, move the lab clock, draw the timeline.</li>
 *   <li>{@link gluelab.lab.Check}: the graded checks ({@code ✔} on stdout, {@code ✘ … — why} thrown, never
 *       stderr).</li>
 *   <li>{@link gluelab.lab.DataTable} and {@link gluelab.lab.Csv}: small tables of typed values, from
 *       {@code data/} files or from job output in S3.</li>
 *   <li>{@link gluelab.lab.Architecture}, {@link gluelab.lab.Timeline}, {@link gluelab.lab.JobRunTable},
 *       {@link gluelab.lab.LogTail}, {@link gluelab.lab.RunMetrics}: what a notebook shows, each with a plain-text
 *       form.</li>
 * </ul>
 *
 * The subpackages are the plumbing: {@code targets} (configuration, Lab Cloud and LocalStack start-up, client
 * factory, resets), {@code packaging} (compiling {@code labs/} into jars), {@code data} (CSV, Parquet, JSON
 * lines, S3 reading, value comparison), {@code glue} (job arguments, runs, logs), {@code wait}, {@code svg} and
 * {@code display}.
 */
package gluelab.lab;
