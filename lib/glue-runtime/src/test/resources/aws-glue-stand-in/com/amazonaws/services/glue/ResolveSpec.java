package com.amazonaws.services.glue;

/** Stand-in for Glue's ResolveSpec, the element type of {@code toDF}'s one parameter. */
public class ResolveSpec {
}
