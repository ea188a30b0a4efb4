package gluelab.cloud.services.dynamodb.expressions;

import java.util.ArrayList;
import java.util.List;

/** Projection expressions: {@code path ( ',' path )*}, no two paths overlapping. */
public final class ProjectionParser extends ExpressionParser {

    private ProjectionParser(String source, ExpressionAttributes attributes) {
        super(source, ExpressionKind.PROJECTION, attributes);
    }

    public static List<Path> parse(String source, ExpressionAttributes attributes) {
        ProjectionParser parser = new ProjectionParser(source, attributes);
        List<Path> paths = new ArrayList<>();
        do {
            paths.add(parser.path());
        } while (parser.accept(","));
        parser.expectEnd();
        parser.checkNoOverlap(paths);
        return paths;
    }
}
