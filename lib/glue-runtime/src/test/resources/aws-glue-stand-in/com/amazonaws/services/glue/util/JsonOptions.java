package com.amazonaws.services.glue.util;

/** Stand-in for {@code class JsonOptions(options: Map[String, Any])} with its {@code def this(json: String)}. */
public class JsonOptions {

    private final String json;

    public JsonOptions(String json) {
        this.json = json;
    }

    public static JsonOptions empty() {
        return new JsonOptions("{}");
    }

    /** Not Glue's: the text the stand-in was made from, for the record of calls. */
    public String json() {
        return json;
    }
}
