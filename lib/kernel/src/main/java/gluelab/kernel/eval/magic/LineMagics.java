package gluelab.kernel.eval.magic;

import gluelab.kernel.eval.CellFailure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The line magics a session understands, by name; the IJava-compatible set is {@link #standard()}. */
public final class LineMagics {

    private final Map<String, LineMagic> byName = new LinkedHashMap<>();

    /** {@code %jars}, {@code %classpath} and {@code %load}, with IJava's meaning. */
    public static LineMagics standard() {
        return new LineMagics()
                .register("jars", new JarsMagic())
                .register("classpath", new ClasspathMagic())
                .register("load", new LoadMagic());
    }

    public LineMagics register(String name, LineMagic magic) {
        byName.put(name, magic);
        return this;
    }

    public void run(String name, String arguments, MagicContext context) throws MagicException, CellFailure {
        LineMagic magic = byName.get(name);
        if (magic == null) {
            throw new MagicException("unknown line magic %" + name + "; this kernel knows " + known());
        }
        magic.run(MagicArguments.split(arguments), context);
    }

    /** Cell magics ({@code %%name}) are not supported; says so and what is. */
    public MagicException unsupportedCellMagic(String name) {
        return new MagicException("unknown cell magic %%" + name + "; this kernel has no cell magics, only the line magics " + known());
    }

    private String known() {
        return byName.keySet().stream().map(name -> "%" + name).collect(Collectors.joining(", "));
    }

    static List<String> requireArguments(String magic, List<String> arguments, String usage) throws MagicException {
        if (arguments.isEmpty()) {
            throw new MagicException("%" + magic + " needs arguments: " + usage);
        }
        return arguments;
    }
}
