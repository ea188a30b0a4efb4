package gluelab.lab.iam;

import gluelab.lab.display.Html;
import gluelab.lab.display.MimeBundle;
import gluelab.lab.display.Renderable;
import java.util.List;
import java.util.Map;

/**
 * A role as the IAM console shows it: its ARN, who may assume it (the trust policy), and what it may do (its
 * attached managed policies and its inline policies, each document in full), so a learner sees the IAM step they
 * would take on AWS.
 *
 * @param inlinePolicies policy name to document
 */
public record RoleView(String roleArn, String trustPolicy, List<String> attachedPolicyArns,
                       Map<String, String> inlinePolicies) implements Renderable {

    @Override
    public MimeBundle toMimeBundle() {
        StringBuilder html = new StringBuilder("<div style=\"" + Html.FONT + "\">");
        html.append("<div><b>IAM role</b> <code style=\"").append(Html.MONO).append("\">")
                .append(Html.escape(roleArn)).append("</code></div>");
        section(html, "Trust policy: who may assume the role", trustPolicy);
        if (!attachedPolicyArns.isEmpty()) {
            html.append("<div style=\"margin-top:6px\"><b>Attached managed policies</b><ul style=\"margin:2px 0\">");
            attachedPolicyArns.forEach(arn -> html.append("<li><code style=\"").append(Html.MONO).append("\">")
                    .append(Html.escape(arn)).append("</code></li>"));
            html.append("</ul></div>");
        }
        inlinePolicies.forEach((name, document) -> section(html, "Inline policy " + name + ": what the role may do", document));
        html.append("</div>");
        return MimeBundle.html(html.toString(), plainText());
    }

    private static void section(StringBuilder html, String title, String document) {
        html.append("<div style=\"margin-top:6px\"><b>").append(Html.escape(title)).append("</b>")
                .append("<pre style=\"").append(Html.MONO).append("; background:#f6f8fa; padding:6px 10px; margin:2px 0\">")
                .append(Html.escape(document)).append("</pre></div>");
    }

    private String plainText() {
        StringBuilder text = new StringBuilder("IAM role " + roleArn + "\nTrust policy:\n" + trustPolicy + "\n");
        attachedPolicyArns.forEach(arn -> text.append("Attached: ").append(arn).append('\n'));
        inlinePolicies.forEach((name, document) -> text.append("Inline policy ").append(name).append(":\n")
                .append(document).append('\n'));
        return text.toString();
    }
}
