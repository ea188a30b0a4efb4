package gluelab.cloud.services.ses;

import gluelab.cloud.provider.Scope;
import gluelab.cloud.state.Codec;
import gluelab.cloud.state.DurableMap;
import gluelab.cloud.state.StateStore;
import java.util.Locale;

/**
 * What SES keeps for one account and region, shared by v1 and v2 (one service on AWS): identities under their
 * lower-cased name, templates, and the mailbox, whose keys (time, then message id) keep it in the order sent.
 */
final class SesState {

    final Scope scope;
    final DurableMap<IdentityRecord> identities;
    final DurableMap<TemplateRecord> templates;
    final DurableMap<MailMessage> mailbox;

    SesState(Scope scope, StateStore store) {
        this.scope = scope;
        this.identities = store.map(scope.mapName(SesProvider.SERVICE, "identities"), Codec.of(IdentityRecord.class));
        this.templates = store.map(scope.mapName(SesProvider.SERVICE, "templates"), Codec.of(TemplateRecord.class));
        this.mailbox = store.map(scope.mapName(SesProvider.SERVICE, "mailbox"), Codec.of(MailMessage.class));
    }

    /** Identities are case-insensitive on AWS: {@code Ana@Example.com} and {@code ana@example.com} are one. */
    static String key(String identity) {
        return identity.toLowerCase(Locale.ROOT);
    }

    static String mailboxKey(MailMessage message) {
        return String.format("%019d/%s", message.time().toEpochMilli(), message.messageId());
    }
}
