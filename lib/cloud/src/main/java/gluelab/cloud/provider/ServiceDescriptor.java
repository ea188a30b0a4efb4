package gluelab.cloud.provider;

import gluelab.cloud.shape.QueryNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the edge needs to know to route a request to a service and speak its protocol.
 *
 * @param name            Lab Cloud's name for the service, used in the timeline and the admin API
 * @param signingName     the service in the SigV4 credential scope ({@code glue}, {@code logs}, {@code s3})
 * @param protocol        the wire protocol of current SDKs
 * @param targetPrefix    the {@code X-Amz-Target} prefix of JSON services ({@code AWSGlue}), else null
 * @param apiVersion      the model's API version (the Query protocol's {@code Version})
 * @param xmlNamespace    the namespace of XML responses (Query and REST-XML), else null
 * @param modelPackage    the SDK v2 package holding the typed request, response and error shapes
 * @param errorMessageKey the member name of the message in JSON error bodies ({@code message} or {@code Message})
 * @param olderProtocols  protocols the service still answers for older clients, e.g. SQS's Query for boto3 1.26;
 *                        the edge picks the codec per request
 * @param queryNames      the Query names of members that the model (written for the current protocol) names otherwise
 * @param queryErrorCodes the Query code of each error whose model name is not its Query code
 *                        ({@code QueueDoesNotExist} is {@code AWS.SimpleQueueService.NonExistentQueue}); a JSON answer
 *                        of a service that also speaks Query carries it in {@code x-amzn-query-error}, as AWS's does
 */
public record ServiceDescriptor(
        String name,
        String signingName,
        Protocol protocol,
        String targetPrefix,
        String apiVersion,
        String xmlNamespace,
        String modelPackage,
        String errorMessageKey,
        List<Protocol> olderProtocols,
        QueryNames queryNames,
        Map<String, String> queryErrorCodes) {

    public ServiceDescriptor {
        olderProtocols = List.copyOf(olderProtocols);
        queryErrorCodes = Map.copyOf(queryErrorCodes);
    }

    public ServiceDescriptor(String name, String signingName, Protocol protocol, String targetPrefix, String apiVersion,
                             String xmlNamespace, String modelPackage, String errorMessageKey,
                             List<Protocol> olderProtocols) {
        this(name, signingName, protocol, targetPrefix, apiVersion, xmlNamespace, modelPackage, errorMessageKey,
                olderProtocols, QueryNames.MODEL, Map.of());
    }

    public static ServiceDescriptor json(String name, String signingName, Protocol protocol, String targetPrefix,
                                         String apiVersion, String modelPackage, String errorMessageKey) {
        return new ServiceDescriptor(name, signingName, protocol, targetPrefix, apiVersion, null, modelPackage,
                errorMessageKey, List.of());
    }

    public static ServiceDescriptor query(String name, String signingName, String apiVersion, String xmlNamespace,
                                          String modelPackage) {
        return new ServiceDescriptor(name, signingName, Protocol.QUERY, null, apiVersion, xmlNamespace, modelPackage,
                "Message", List.of());
    }

    public static ServiceDescriptor restJson(String name, String signingName, String apiVersion, String modelPackage) {
        return new ServiceDescriptor(name, signingName, Protocol.REST_JSON, null, apiVersion, null, modelPackage,
                "message", List.of());
    }

    public static ServiceDescriptor restXml(String name, String signingName, String apiVersion, String xmlNamespace,
                                            String modelPackage) {
        return new ServiceDescriptor(name, signingName, Protocol.REST_XML, null, apiVersion, xmlNamespace, modelPackage,
                "Message", List.of());
    }

    /**
     * The same service, answering the Query protocol too (responses in {@code xmlNamespace}) for older clients, with
     * the Query names of its members and error codes where the model's differ.
     */
    public ServiceDescriptor alsoSpeakingQuery(String queryXmlNamespace, QueryNames names,
                                               Map<String, String> errorCodes) {
        List<Protocol> older = new ArrayList<>(olderProtocols);
        older.add(Protocol.QUERY);
        return new ServiceDescriptor(name, signingName, protocol, targetPrefix, apiVersion, queryXmlNamespace,
                modelPackage, errorMessageKey, older, names, errorCodes);
    }

    /** The code a Query client knows an error by. */
    public String queryErrorCode(String code) {
        return queryErrorCodes.getOrDefault(code, code);
    }

    /** Every protocol the service answers: the current one first. */
    public List<Protocol> protocols() {
        List<Protocol> all = new ArrayList<>();
        all.add(protocol);
        all.addAll(olderProtocols);
        return all;
    }

    public boolean speaks(Protocol candidate) {
        return protocol == candidate || olderProtocols.contains(candidate);
    }
}
