package gluelab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.lab.display.MimeBundle;
import gluelab.lab.svg.ServiceStyle;
import gluelab.lab.svg.SvgDocuments;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ArchitectureTest {

    @Test
    void aFlowBecomesNodesWithTheirServicesAndArrows() throws Exception {
        Architecture picture = Architecture.of("S3 raw bucket -> Glue job csv-to-parquet -> S3 refined bucket");

        assertThat(picture.nodes()).extracting(Architecture.Node::style)
                .containsExactly(ServiceStyle.S3, ServiceStyle.GLUE_JOB, ServiceStyle.S3);
        assertThat(picture.nodes()).extracting(Architecture.Node::label)
                .containsExactly("raw bucket", "csv-to-parquet", "refined bucket");
        assertThat(picture.edges()).hasSize(2);

        Document svg = SvgDocuments.parse(picture.svg());
        assertThat(SvgDocuments.texts(svg)).contains("raw bucket", "csv-to-parquet", "refined bucket", "Amazon S3",
                "Glue job", "GLUE", "S3");
    }

    @Test
    void theSameNodeOnSeveralLinesDrawsBranchesWithLabelledArrows() throws Exception {
        Architecture picture = Architecture.of("""
                S3 raw bucket -[Object Created]-> EventBridge rule on-upload -> Lambda starter -> Glue job convert
                Glue job convert -> S3 refined bucket
                Glue job convert -> CloudWatch Logs /aws-glue/jobs
                """);

        assertThat(picture.nodes()).hasSize(6);
        assertThat(picture.edges()).extracting(Architecture.Edge::label).containsExactly("Object Created", null, null, null, null);
        assertThat(picture.nodes()).extracting(Architecture.Node::style).containsExactly(ServiceStyle.S3,
                ServiceStyle.EVENTBRIDGE, ServiceStyle.LAMBDA, ServiceStyle.GLUE_JOB, ServiceStyle.S3,
                ServiceStyle.CLOUDWATCH_LOGS);
        String texts = SvgDocuments.texts(SvgDocuments.parse(picture.svg()));
        assertThat(texts).contains("Object Created", "on-upload", "starter", "/aws-glue/jobs", "λ", "EB", "LOGS");
    }

    @Test
    void everyServiceOfThePipelinesHasItsOwnBadgeAndColour() {
        String[] nodes = {"S3 a", "Glue job b", "Glue crawler c", "Data Catalog d", "Glue workflow e", "Lambda f",
                "EventBridge rule g", "EventBridge Scheduler h", "SQS queue i", "DynamoDB table j", "Step Functions k",
                "CloudWatch Logs l", "Secrets Manager m", "SES n", "CloudTrail o", "STS p", "IAM role q", "PostgreSQL r",
                "Glue Data Quality s", "Glue trigger t"};
        Architecture picture = Architecture.of(String.join(" -> ", nodes));

        assertThat(picture.nodes()).extracting(n -> n.style().color()).doesNotHaveDuplicates();
        assertThat(picture.nodes()).extracting(n -> n.style().badge()).doesNotHaveDuplicates();
        assertThat(picture.nodes()).extracting(Architecture.Node::style).doesNotContain(ServiceStyle.OTHER);
    }

    @Test
    void aLongChainIsDrawnTopToBottomToFitANotebook() throws Exception {
        Architecture picture = Architecture.of("S3 in -> SQS q -> Lambda l -> Glue job j -> DynamoDB t -> EventBridge e "
                + "-> Glue crawler c -> Glue Data Quality dq");

        Document svg = SvgDocuments.parse(picture.svg());
        double width = Double.parseDouble(svg.getDocumentElement().getAttribute("width"));
        double height = Double.parseDouble(svg.getDocumentElement().getAttribute("height"));
        assertThat(width).isLessThanOrEqualTo(960);
        assertThat(height).isGreaterThan(width);
    }

    @Test
    void markupInLabelsIsEscapedAndCyclesDoNotHang() throws Exception {
        Architecture picture = Architecture.of("Lambda a<b>&c -> SQS \"q\" -> Lambda a<b>&c");

        String texts = SvgDocuments.texts(SvgDocuments.parse(picture.svg()));
        assertThat(texts).contains("a<b>&c", "\"q\"");
    }

    @Test
    void itShowsAsSvgWithATextFallback() {
        MimeBundle bundle = Architecture.of("S3 raw -[put]-> Glue job j").toMimeBundle();

        assertThat(bundle.data()).containsKeys("image/svg+xml", "text/plain");
        assertThat(bundle.plainText()).isEqualTo("Architecture:\n  S3 raw -[put]→ Glue job j");
        assertThat(bundle.data().get("image/svg+xml")).doesNotContain("<script").doesNotContain("@import")
                .doesNotContain("href=");
    }

    @Test
    void anEmptyDescriptionOrDanglingArrowIsRefused() {
        assertThatThrownBy(() -> Architecture.of("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Architecture.of("S3 a -> ")).hasMessageContaining("An arrow without a node");
    }
}
