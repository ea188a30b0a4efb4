package com.amazonaws.services.glue.util;

import com.amazonaws.services.glue.GlueContext;
import com.amazonaws.services.glue.StandIn;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stand-in for Glue's {@code object Job}: as compiled by Scala, a class with static forwarders
 * {@code init(jobName: String, glueContext: GlueContext, args: java.util.Map[String, String])} and {@code commit()}.
 */
public final class Job {

    private Job() {
    }

    public static void init(String jobName, GlueContext glueContext, Map<String, String> args) {
        StandIn.CALLS.add("Job.init " + jobName + " " + new TreeMap<>(args));
    }

    public static void commit() {
        StandIn.CALLS.add("Job.commit");
    }
}
