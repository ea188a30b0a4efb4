package gluelab.cloud.services.glue.tags;

import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.Scope;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of Glue resource that carry tags ("AWS tags in AWS Glue"), each by the resource type its ARN names:
 * {@code arn:aws:glue:us-east-1:123456789012:job/etl}. Tables, partitions and the catalog itself carry none. Lab
 * Cloud has jobs, triggers, crawlers and databases; the other kinds exist on AWS, so an ARN naming one is a
 * resource that is not there rather than one that cannot be tagged.
 */
public enum TaggedType {
    CONNECTION("connection"),
    DATABASE("database"),
    CRAWLER("crawler"),
    SESSION("session"),
    DEV_ENDPOINT("devEndpoint"),
    JOB("job"),
    TRIGGER("trigger"),
    WORKFLOW("workflow"),
    BLUEPRINT("blueprint"),
    ML_TRANSFORM("mlTransform"),
    DATA_QUALITY_RULESET("dataQualityRuleset"),
    SCHEMA("schema"),
    REGISTRY("registry");

    private final String arnResourceType;

    TaggedType(String arnResourceType) {
        this.arnResourceType = arnResourceType;
    }

    /** The ARN of the resource of this kind named {@code name} in {@code scope}. */
    public Arn arn(Scope scope, String name) {
        return Arn.in(scope, Tagging.SERVICE, arnResourceType + "/" + name);
    }

    static Optional<TaggedType> ofArn(Arn arn) {
        return Arrays.stream(values()).filter(t -> t.arnResourceType.equals(arn.resourceType())).findFirst();
    }
}
