package gluelab.cloud.provider;

import gluelab.cloud.auth.Credential;
import gluelab.cloud.clock.LabClock;
import gluelab.cloud.policy.AccessRequest;
import gluelab.cloud.policy.Decision;
import gluelab.cloud.policy.MalformedPolicyException;
import gluelab.cloud.policy.PolicyDocument;
import gluelab.cloud.policy.PolicyEvaluation;
import gluelab.cloud.policy.Principal;
import gluelab.cloud.policy.RequestContextKeys;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * IAM enforcement, as on AWS: every call made with a role's session (a job's, a function's, a state machine's or
 * schedule's role, or one a client assumed) is allowed only if the role's policies, and the resource's policy where
 * it has one, allow each permission the call needs. Account access keys act as the account's root, which may do
 * anything in its own account. An AWS service principal ({@code events.amazonaws.com} invoking a function for a
 * rule) is judged by the resource's policy alone, where the resource has one, seeing {@code aws:SourceArn} and
 * {@code aws:SourceAccount}; elsewhere a service acting for itself is not judged here. With enforcement off
 * ({@code ./lab cloud --iam off}) every call within an account is allowed; a call into another account's resource,
 * or an anonymous one (S3's), is still allowed only by the resource's policy.
 */
public final class AccessControl {

    private static final PolicyDocument ALLOW_ALL = allowAll();

    private final boolean enforcing;
    private final LabClock clock;
    private volatile RoleDirectory directory = RoleDirectory.EMPTY;

    public AccessControl(boolean enforcing, LabClock clock) {
        this.enforcing = enforcing;
        this.clock = clock;
    }

    public boolean enforcing() {
        return enforcing;
    }

    /** IAM installs its roles here when it starts. */
    public void useDirectory(RoleDirectory roles) {
        this.directory = roles;
    }

    public RoleDirectory directory() {
        return directory;
    }

    /**
     * Throws the service's access-denied error, in AWS's words, unless the caller may make this call.
     *
     * @param operation the AWS operation's name ({@code StartJobRun})
     */
    public void authorize(RequestContext context, ServiceProvider provider, String operation, Object request) {
        Principal principal = principalOf(context.caller());
        List<PolicyDocument> identity = null;
        for (Access access : provider.accessRules().required(context, operation, request)) {
            if (!judges(principal, access)) {
                continue;
            }
            if (identity == null) {
                identity = identityPolicies(principal);
            }
            RequestContextKeys keys = commonKeys(principal, context.region());
            requestKeys(context, keys);
            sourceKeys(context.sourceArn(), keys);
            access.keys().asMap().forEach(keys::putAll);
            Decision decision = PolicyEvaluation.evaluate(new AccessRequest(principal, access.action(), access.resource(), keys),
                    identity, access.resourcePolicy(), access.resourceAccount());
            if (!decision.allowed()) {
                // S3 quotes the resource in its message ("on resource: \"arn:aws:s3:::raw/a.csv\""); the others do not.
                // An anonymous caller is told no more than "Access Denied", as S3 tells it.
                boolean quoted = provider.descriptor().protocol() == Protocol.REST_XML;
                throw CommonErrors.accessDenied(provider.descriptor(), principal.kind() == Principal.Kind.ANONYMOUS
                        ? "Access Denied" : deniedMessage(principal, access, decision, quoted));
            }
        }
    }

    /**
     * Which permissions are judged. Accounts stay isolated whether IAM is enforced or not: an anonymous caller, or
     * one reaching into another account's resource, gets in only where the resource's policy lets it. With
     * enforcement on, a role session is always judged, and an account's root or a service wherever the resource has
     * a policy of its own (whose explicit deny binds them too); a service acting for itself elsewhere is not.
     */
    private boolean judges(Principal principal, Access access) {
        boolean otherAccount = access.resourceAccount() != null && !access.resourceAccount().equals(principal.account());
        return switch (principal.kind()) {
            case ANONYMOUS -> true;
            case ROLE_SESSION -> enforcing || otherAccount;
            case ROOT -> otherAccount || enforcing && access.resourcePolicy() != null;
            case SERVICE -> enforcing && access.resourcePolicy() != null;
        };
    }

    /** A role session's own policies; with enforcement off, a role may do anything its account may. */
    private List<PolicyDocument> identityPolicies(Principal principal) {
        if (principal.kind() != Principal.Kind.ROLE_SESSION) {
            return List.of();
        }
        return enforcing ? directory.identityPolicies(Arn.parse(principal.roleArn()).orElseThrow()) : List.of(ALLOW_ALL);
    }

    /** AWS's access-denied message: "User: … is not authorized to perform: … on resource: … because …". */
    public static String deniedMessage(Principal principal, Access access, Decision decision) {
        return deniedMessage(principal, access, decision, false);
    }

    private static String deniedMessage(Principal principal, Access access, Decision decision, boolean quoted) {
        String resource = quoted ? "\"" + access.resource() + "\"" : access.resource();
        return "User: " + principal.describe() + " is not authorized to perform: " + access.action()
                + (access.resource().equals("*") ? "" : " on resource: " + resource) + " "
                + decision.reason(access.action());
    }

    /**
     * Who a credential acts as. An assumed role's session names its role by name; the directory gives the role's
     * full ARN (with its path). A credential that names a role's own ARN is a service acting as that role.
     */
    public Principal principalOf(Credential caller) {
        if (caller == null) {
            return Principal.anonymous();
        }
        String arn = caller.principalArn();
        Optional<Arn> parsed = Arn.parse(arn);
        if (parsed.isEmpty()) {
            return arn != null && arn.endsWith(".amazonaws.com") ? Principal.service(arn) : Principal.root(caller.accountId());
        }
        Arn principalArn = parsed.get();
        if (principalArn.service().equals("sts") && principalArn.resourceType().equals("assumed-role")) {
            String roleName = principalArn.resourceId().substring(0, principalArn.resourceId().indexOf('/'));
            Arn role = Arn.global("iam", principalArn.account(), "role/" + roleName);
            Arn fullRole = directory.role(role).map(RoleDirectory.Role::arn).orElse(role);
            return Principal.roleSession(arn, principalArn.account(), fullRole.toString());
        }
        if (principalArn.service().equals("iam") && principalArn.resourceType().equals("role")) {
            return Principal.roleSession(arn, principalArn.account(), arn);
        }
        return Principal.root(principalArn.account());
    }

    private static PolicyDocument allowAll() {
        try {
            return PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Action\":\"*\",\"Resource\":\"*\"}]}", PolicyDocument.Kind.IDENTITY);
        } catch (MalformedPolicyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keys an HTTP request itself answers: where it came from, and the page that sent it. */
    private static void requestKeys(RequestContext context, RequestContextKeys keys) {
        if (context.exchange() != null) {
            keys.put("aws:SourceIp", context.exchange().remoteAddress())
                    .put("aws:Referer", context.exchange().header("Referer"))
                    .put("aws:UserAgent", context.exchange().header("User-Agent"));
        }
    }

    /** {@code aws:SourceArn} and {@code aws:SourceAccount} of a call a service makes for one of its resources. */
    public static RequestContextKeys sourceKeys(Arn sourceArn, RequestContextKeys keys) {
        if (sourceArn != null) {
            keys.put("aws:SourceArn", sourceArn.toString()).put("aws:SourceAccount", sourceArn.account());
        }
        return keys;
    }

    /** The global condition keys Lab Cloud can answer for every request. */
    public RequestContextKeys commonKeys(Principal principal, String region) {
        Instant now = clock.instant();
        RequestContextKeys keys = new RequestContextKeys()
                .put("aws:CurrentTime", now.toString())
                .put("aws:EpochTime", Long.toString(now.getEpochSecond()))
                .put("aws:SecureTransport", "false")
                .put("aws:SourceIp", "127.0.0.1")
                .put("aws:RequestedRegion", region);
        if (principal.account() != null) {
            keys.put("aws:PrincipalAccount", principal.account()).put("aws:PrincipalArn",
                    principal.kind() == Principal.Kind.ROLE_SESSION ? principal.roleArn() : principal.arn());
            keys.put("aws:PrincipalType", switch (principal.kind()) {
                case ROLE_SESSION -> "AssumedRole";
                case ROOT -> "Account";
                default -> "AWSService";
            });
        }
        if (principal.kind() == Principal.Kind.SERVICE) {
            keys.put("aws:PrincipalServiceName", principal.service());
        }
        return keys;
    }
}
