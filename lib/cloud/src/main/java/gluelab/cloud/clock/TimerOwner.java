package gluelab.cloud.clock;

/** Who a timer belongs to, for the advance report and the timeline. */
public record TimerOwner(String service, String name, String resource, String account, String region) {
}
