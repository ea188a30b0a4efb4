package gluelab.kernel.classroom;

import gluelab.kernel.notebook.CheckSpec;
import gluelab.kernel.notebook.Notebook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notebook the class is graded on, as the instructor wrote it: its file name, and its checks with their points,
 * which make the gradebook's columns whatever a learner's copy says.
 */
public record ClassNotebook(String fileName, Path instructorCopy, Notebook instructor, List<CheckSpec> checks) {

    private static final Pattern NUMBER = Pattern.compile("^(\\d{1,2})(?:-|\\.ipynb$)");

    public ClassNotebook {
        checks = List.copyOf(checks);
    }

    public static ClassNotebook read(Path instructorCopy) throws IOException {
        Notebook notebook = Notebook.read(instructorCopy);
        List<CheckSpec> checks = CheckCellIntegrity.checkCells(notebook).stream().map(cell -> cell.check().orElseThrow()).toList();
        return new ClassNotebook(instructorCopy.getFileName().toString(), instructorCopy, notebook, checks);
    }

    /** The file name without {@code .ipynb}: how the gradebook names the notebook. */
    public String name() {
        return fileName.endsWith(".ipynb") ? fileName.substring(0, fileName.length() - ".ipynb".length()) : fileName;
    }

    /** The lab number the notebook connects as ({@code 05} for {@code 05-job-bookmarks.ipynb}), if its name has one. */
    public Optional<String> labNumber() {
        Matcher matcher = NUMBER.matcher(fileName);
        return matcher.find() ? Optional.of(String.format("%02d", Integer.parseInt(matcher.group(1)))) : Optional.empty();
    }

    public double maxPoints() {
        return checks.stream().mapToDouble(CheckSpec::points).sum();
    }
}
