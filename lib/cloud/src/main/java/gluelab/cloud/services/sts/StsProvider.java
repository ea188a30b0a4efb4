package gluelab.cloud.services.sts;

import gluelab.cloud.provider.AccessRules;
import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.ServiceDescriptor;
import gluelab.cloud.provider.ServiceProvider;
import java.util.List;

/**
 * AWS STS: who am I ({@link IdentityOperations}), and temporary credentials for a role
 * ({@link RoleSessionOperations}). STS keeps no resources of its own: the credentials it issues live in Lab
 * Cloud's credential store, where every request's signature is checked.
 */
public final class StsProvider implements ServiceProvider {

    public static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.query(
            "sts", "sts", "2011-06-15", "https://sts.amazonaws.com/doc/2011-06-15/",
            "software.amazon.awssdk.services.sts.model");

    private final IdentityOperations identity = new IdentityOperations();
    private final RoleSessionOperations roleSessions;

    public StsProvider(Platform platform) {
        this.roleSessions = new RoleSessionOperations(platform.roles(), platform.access());
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * GetCallerIdentity needs no permission, and AssumeRole is judged by the role's trust policy and, for a role
     * session, by its own policies, in {@code RoleSessions}.
     */
    @Override
    public AccessRules accessRules() {
        return (context, operation, request) -> List.of();
    }

    @Override
    public List<Object> operationHandlers() {
        return List.of(identity, roleSessions);
    }
}
