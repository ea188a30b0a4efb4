package gluelab.cloud;

import gluelab.cloud.provider.Platform;
import gluelab.cloud.provider.ServiceProvider;
import gluelab.cloud.services.cloudtrail.CloudTrailProvider;
import gluelab.cloud.services.dynamodb.DynamoDbProvider;
import gluelab.cloud.services.events.EventsProvider;
import gluelab.cloud.services.glue.GlueProvider;
import gluelab.cloud.services.iam.IamProvider;
import gluelab.cloud.services.lambda.LambdaProvider;
import gluelab.cloud.services.logs.LogsProvider;
import gluelab.cloud.services.rds.RdsProvider;
import gluelab.cloud.services.s3.S3Provider;
import gluelab.cloud.services.scheduler.SchedulerProvider;
import gluelab.cloud.services.secretsmanager.SecretsManagerProvider;
import gluelab.cloud.services.ses.SesProvider;
import gluelab.cloud.services.sqs.SqsProvider;
import gluelab.cloud.services.states.StatesProvider;
import gluelab.cloud.services.sts.StsProvider;
import java.util.List;

/** The services of Lab Cloud, in one place: add a provider here and the edge serves it. */
final class Providers {

    private Providers() {
    }

    static List<ServiceProvider> create(Platform platform) {
        SesProvider ses = new SesProvider(platform);
        return List.of(
                new IamProvider(platform),
                new StsProvider(platform),
                new S3Provider(platform),
                new LogsProvider(platform),
                new GlueProvider(platform),
                new EventsProvider(platform),
                new SchedulerProvider(platform),
                new CloudTrailProvider(platform),
                new LambdaProvider(platform),
                new SqsProvider(platform),
                new SecretsManagerProvider(platform),
                new RdsProvider(platform),
                new DynamoDbProvider(platform),
                new StatesProvider(platform),
                ses,
                ses.v2());
    }
}
