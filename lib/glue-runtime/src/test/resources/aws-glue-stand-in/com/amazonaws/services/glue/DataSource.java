package com.amazonaws.services.glue;

/** Stand-in for {@code trait DataSource { def getDynamicFrame: DynamicFrame … }}. */
public interface DataSource {

    DynamicFrame getDynamicFrame();
}
