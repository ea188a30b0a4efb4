package gluelab.cloud.services.ses;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.Pages;
import gluelab.cloud.provider.RequestContext;
import java.util.List;
import software.amazon.awssdk.services.ses.model.CreateTemplateRequest;
import software.amazon.awssdk.services.ses.model.CreateTemplateResponse;
import software.amazon.awssdk.services.ses.model.DeleteTemplateRequest;
import software.amazon.awssdk.services.ses.model.DeleteTemplateResponse;
import software.amazon.awssdk.services.ses.model.GetTemplateRequest;
import software.amazon.awssdk.services.ses.model.GetTemplateResponse;
import software.amazon.awssdk.services.ses.model.ListTemplatesRequest;
import software.amazon.awssdk.services.ses.model.ListTemplatesResponse;
import software.amazon.awssdk.services.ses.model.Template;
import software.amazon.awssdk.services.ses.model.TemplateMetadata;

/** SES v1's email templates, which SendTemplatedEmail (and v2's SendEmail with a Template) fill in. */
public final class TemplateOperations {

    private static final Pages.Limits LIST_TEMPLATES = new Pages.Limits("maxItems", 10, 100);

    private final AccountRegionStore<SesState> states;

    TemplateOperations(AccountRegionStore<SesState> states) {
        this.states = states;
    }

    public CreateTemplateResponse createTemplate(RequestContext context, CreateTemplateRequest request) {
        Template template = request.template();
        if (template == null) {
            throw SesErrors.invalidParameter("Template is required.");
        }
        String name = IdentityOperations.required("TemplateName", template.templateName());
        if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw SesErrors.invalidParameter("Invalid template name " + name
                    + ": it may hold only letters, digits, underscores and dashes, at most 64.");
        }
        TemplateRecord record = new TemplateRecord(name, template.subjectPart(), template.textPart(),
                template.htmlPart(), context.now());
        if (states.get(context).templates.putIfAbsent(name, record) != null) {
            throw SesErrors.templateExists(name);
        }
        return CreateTemplateResponse.builder().build();
    }

    public GetTemplateResponse getTemplate(RequestContext context, GetTemplateRequest request) {
        TemplateRecord template = require(context, request.templateName());
        return GetTemplateResponse.builder().template(Template.builder().templateName(template.name())
                .subjectPart(template.subject()).textPart(template.text()).htmlPart(template.html()).build()).build();
    }

    /** Deleting a template that does not exist succeeds, as on AWS. */
    public DeleteTemplateResponse deleteTemplate(RequestContext context, DeleteTemplateRequest request) {
        states.get(context).templates.remove(IdentityOperations.required("TemplateName", request.templateName()));
        return DeleteTemplateResponse.builder().build();
    }

    public ListTemplatesResponse listTemplates(RequestContext context, ListTemplatesRequest request) {
        List<TemplateRecord> all = List.copyOf(states.get(context).templates.values());
        Pages.Page<TemplateRecord> page = SesErrors.V1_PAGES.page(all, TemplateRecord::name, request.nextToken(),
                request.maxItems(), LIST_TEMPLATES);
        return ListTemplatesResponse.builder()
                .templatesMetadata(page.items().stream().map(t -> TemplateMetadata.builder().name(t.name())
                        .createdTimestamp(t.createdAt()).build()).toList())
                .nextToken(page.nextToken()).build();
    }

    TemplateRecord require(RequestContext context, String name) {
        TemplateRecord template = states.get(context).templates.get(IdentityOperations.required("TemplateName", name));
        if (template == null) {
            throw SesErrors.templateDoesNotExist(name);
        }
        return template;
    }
}
