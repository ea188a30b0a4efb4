package gluelab.cloud.events;

import java.time.Instant;

/**
 * One signed API call as the edge answered it: what the timeline shows of it, and what subscribers to API calls
 * read, CloudTrail above all, which records who called what with which parameters and how it ended.
 *
 * @param requestId    the request id the caller was answered with
 * @param time         when the call arrived, on the lab clock
 * @param account      the caller's account, or null when the call was not authenticated
 * @param service      Lab Cloud's name for the service ({@code s3}, {@code glue})
 * @param signingName  the service's name in SigV4 scopes and in CloudTrail's {@code <name>.amazonaws.com}
 * @param operation    the operation's name, or null when none was recognized
 * @param resource     what the call was about, as the timeline names it ({@code bucket/key}, a job name)
 * @param status       the HTTP status answered
 * @param caller       who signed the call, or null when it was not authenticated
 * @param origin       where the call came from
 * @param request      the typed request (an SDK model object), or null when the call could not be parsed
 * @param response     the typed response, or null when the call failed
 * @param errorCode    the error's code when the call failed, else null
 * @param errorMessage the error's message when the call failed, else null
 */
public record ApiCall(String requestId, Instant time, String account, String region, String service,
                      String signingName, String operation, String resource, int status, Caller caller,
                      Origin origin, Object request, Object response, String errorCode, String errorMessage) {

    /**
     * Who signed a call.
     *
     * @param principalArn {@code arn:aws:iam::<account>:root} for account keys,
     *                     {@code arn:aws:sts::<account>:assumed-role/<role>/<session>} for a role's session
     * @param userId       the account id for account keys, {@code AROA…:<session>} for a role's session
     * @param temporary    whether the credentials came from STS
     */
    public record Caller(String accessKeyId, String principalArn, String userId, boolean temporary) {
    }

    /**
     * Where a call came from.
     *
     * @param sourceIp  the client's address
     * @param userAgent the {@code User-Agent} header, or null
     * @param host      the {@code Host} header, or null
     */
    public record Origin(String sourceIp, String userAgent, String host) {
    }
}
