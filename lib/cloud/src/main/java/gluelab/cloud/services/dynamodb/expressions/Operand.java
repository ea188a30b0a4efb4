package gluelab.cloud.services.dynamodb.expressions;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A value in an expression: an attribute at a path, a {@code :value}, or a function or sum of them. */
sealed interface Operand {

    record PathOperand(Path path) implements Operand {
    }

    record Value(String placeholder, AttributeValue value) implements Operand {
    }

    /** {@code size(path)} in conditions. */
    record Size(Path path) implements Operand {
    }

    /** {@code if_not_exists(path, operand)} in SET. */
    record IfNotExists(Path path, Operand otherwise) implements Operand {
    }

    /** {@code list_append(a, b)} in SET. */
    record ListAppend(Operand first, Operand second) implements Operand {
    }

    /** {@code a + b} or {@code a - b} in SET. */
    record Arithmetic(Operand left, boolean plus, Operand right) implements Operand {
    }
}
