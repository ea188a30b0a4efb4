package com.amazonaws.services.glue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Not part of AWS Glue: the record of what the lab's runtime called on the stand-ins, for the test to read. The
 * stand-ins have the signatures AWS documents for Glue's Scala API (and Scala's compiled shapes: static forwarders
 * of an object, {@code method$default$N} for a default argument).
 */
public final class StandIn {

    public static final List<String> CALLS = Collections.synchronizedList(new ArrayList<>());

    private StandIn() {
    }
}
