package gluelab.cloud.services.ses;

import gluelab.cloud.provider.AccessRules;
import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.AdminRoute;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.ServiceDescriptor;
import gluelab.cloud.provider.ServiceProvider;
import java.util.List;

/**
 * Amazon SES, v1 (the Query API): identities ({@link IdentityOperations}), templates ({@link TemplateOperations})
 * and sending ({@link SendingOperations}). v2 ({@link SesV2Provider}, REST-JSON) is the same service on AWS and
 * shares this state: identities, templates and the mailbox of each account and region.
 *
 * <p>Where Lab Cloud differs from AWS: no email leaves the machine; every accepted message lands in the lab mailbox
 * ({@link MailboxRoutes}). Every account stays in the sandbox. A domain is verified by
 * {@code /_lab/ses/verify-domain}, standing in for its TXT record; verification links do not expire.
 */
public final class SesProvider implements ServiceProvider {

    public static final String SERVICE = "ses";

    public static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.query(SERVICE, "ses", "2010-12-01",
            "http://ses.amazonaws.com/doc/2010-12-01/", "software.amazon.awssdk.services.ses.model");

    private final AccountRegionStore<SesState> states;
    private final Mailbox mailbox;
    private final MailboxRoutes routes;
    private final List<Object> handlers;
    private final SesV2Provider v2;
    private final AccessRules accessRules;

    public SesProvider(Platform platform) {
        this.states = new AccountRegionStore<>(SERVICE, platform.state(), SesState::new);
        this.mailbox = new Mailbox(states, platform.events());
        Identities identities = new Identities(states, mailbox, platform.edge());
        Outbox outbox = new Outbox(states, identities, mailbox);
        TemplateOperations templates = new TemplateOperations(states);
        this.handlers = List.of(new IdentityOperations(states, identities), templates,
                new SendingOperations(outbox, templates));
        this.routes = new MailboxRoutes(mailbox, identities);
        this.accessRules = new SesAccessRules(states, identities);
        this.v2 = new SesV2Provider(states, identities, outbox, accessRules);
    }

    /** SES v2, served from this same state. */
    public SesV2Provider v2() {
        return v2;
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public AccessRules accessRules() {
        return accessRules;
    }

    @Override
    public List<Object> operationHandlers() {
        return handlers;
    }

    @Override
    public List<AdminRoute> adminRoutes() {
        return List.of(new AdminRoute("ses", routes::handle));
    }

    /**
     * Identities and templates whose name starts with {@code prefix}; everything, the mailbox too, without one.
     * v2 resets nothing of its own: its state is this one.
     */
    @Override
    public int reset(String prefix) {
        int removed = 0;
        for (SesState state : states.all().values()) {
            for (IdentityRecord identity : List.copyOf(state.identities.values())) {
                if (prefix == null || identity.identity().startsWith(prefix)) {
                    state.identities.remove(SesState.key(identity.identity()));
                    removed++;
                }
            }
            for (String name : List.copyOf(state.templates.keys())) {
                if (prefix == null || name.startsWith(prefix)) {
                    state.templates.remove(name);
                    removed++;
                }
            }
        }
        if (prefix == null) {
            mailbox.clear(null);
        }
        return removed;
    }
}
