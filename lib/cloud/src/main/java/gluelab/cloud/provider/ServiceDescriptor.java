package gluelab.cloud.provider;

import java.util.ArrayList;
import java.util.List;

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
        List<Protocol> olderProtocols) {

    public ServiceDescriptor {
        olderProtocols = List.copyOf(olderProtocols);
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

    /** The same service, answering the Query protocol too (responses in {@code xmlNamespace}) for older clients. */
    public ServiceDescriptor alsoSpeakingQuery(String queryXmlNamespace) {
        List<Protocol> older = new ArrayList<>(olderProtocols);
        older.add(Protocol.QUERY);
        return new ServiceDescriptor(name, signingName, protocol, targetPrefix, apiVersion, queryXmlNamespace,
                modelPackage, errorMessageKey, older);
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
