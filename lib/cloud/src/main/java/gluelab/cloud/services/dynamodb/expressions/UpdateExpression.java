package gluelab.cloud.services.dynamodb.expressions;

import java.util.ArrayList;
import java.util.List;

/** A parsed update expression: its SET, REMOVE, ADD and DELETE actions in the order written. */
public record UpdateExpression(List<Set> sets, List<Path> removes, List<Add> adds, List<Delete> deletes) {

    public record Set(Path path, Operand value) {
    }

    public record Add(Path path, Operand.Value value) {
    }

    public record Delete(Path path, Operand.Value value) {
    }

    /** Every path the update writes, for ReturnValues UPDATED_OLD/UPDATED_NEW and the key-attribute rule. */
    public List<Path> targets() {
        List<Path> targets = new ArrayList<>();
        sets.forEach(set -> targets.add(set.path()));
        targets.addAll(removes);
        adds.forEach(add -> targets.add(add.path()));
        deletes.forEach(delete -> targets.add(delete.path()));
        return targets;
    }
}
