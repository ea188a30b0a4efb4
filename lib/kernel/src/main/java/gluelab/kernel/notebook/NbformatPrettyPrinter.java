package gluelab.kernel.notebook;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

import java.io.IOException;

/**
 * Jupyter's own layout for {@code .ipynb} files ({@code json.dumps(indent=1)}): one-space indents,
 * {@code "key": value}, and {@code []} / {@code {}} for empty containers, so executed notebooks diff cleanly
 * against ones saved by Jupyter.
 */
final class NbformatPrettyPrinter extends DefaultPrettyPrinter {

    NbformatPrettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter(" ", "\n");
        indentObjectsWith(indenter);
        indentArraysWith(indenter);
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
        return new NbformatPrettyPrinter();
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator generator) throws IOException {
        generator.writeRaw(": ");
    }

    @Override
    public void writeEndObject(JsonGenerator generator, int entries) throws IOException {
        if (entries == 0) {
            _nesting--;
            generator.writeRaw('}');
        } else {
            super.writeEndObject(generator, entries);
        }
    }

    @Override
    public void writeEndArray(JsonGenerator generator, int values) throws IOException {
        if (values == 0) {
            _nesting--;
            generator.writeRaw(']');
        } else {
            super.writeEndArray(generator, values);
        }
    }
}
