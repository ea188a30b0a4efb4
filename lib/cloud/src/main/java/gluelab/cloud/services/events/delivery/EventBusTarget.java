package gluelab.cloud.services.events.delivery;

import gluelab.cloud.provider.Arn;

/**
 * Another event bus, in this account or another: the event goes onto it unchanged (same id, source and account),
 * if the target bus's policy lets the rule's account (or the target's role) put events on it.
 */
public final class EventBusTarget implements TargetKind {

    /** How EventBridge puts an event it already has onto one of its buses, judged by that bus's policy. */
    @FunctionalInterface
    public interface BusIngress {
        void forward(TargetDelivery delivery) throws DeliveryFailure;
    }

    private final BusIngress ingress;

    public EventBusTarget(BusIngress ingress) {
        this.ingress = ingress;
    }

    @Override
    public boolean delivers(Arn target) {
        return target.service().equals("events") && target.resourceType().equals("event-bus");
    }

    @Override
    public void deliver(TargetDelivery delivery) throws DeliveryFailure {
        ingress.forward(delivery);
    }
}
