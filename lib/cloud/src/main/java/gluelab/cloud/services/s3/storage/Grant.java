package gluelab.cloud.services.s3.storage;

/**
 * One grant of an access control list: a permission given to an account (by its canonical user id) or to one of
 * S3's groups (by its URI).
 *
 * @param grantee    a canonical user id, or a group URI such as {@code http://acs.amazonaws.com/groups/global/AllUsers}
 * @param permission FULL_CONTROL, READ, WRITE, READ_ACP or WRITE_ACP
 */
public record Grant(String grantee, String permission) {

    public static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    public static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    public static final String LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";

    public boolean toGroup() {
        return grantee.startsWith("http://") || grantee.startsWith("https://");
    }

    /** Whether the grant reaches beyond any one account: everyone, or every signed-in AWS user. */
    public boolean isPublic() {
        return grantee.equals(ALL_USERS) || grantee.equals(AUTHENTICATED_USERS);
    }
}
