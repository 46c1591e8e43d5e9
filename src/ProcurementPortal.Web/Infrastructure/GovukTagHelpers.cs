using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ProcurementPortal.Web.Infrastructure;

/// <summary>
/// <c>&lt;govuk-input for="Email" label="Email address" type="email" autocomplete="email" hint="..."/&gt;</c>:
/// a GOV.UK form group with label, hint, error message and the field, its id matching the error summary's link.
/// </summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukInputTagHelper : TagHelper
{
    [HtmlAttributeName("for")] public required ModelExpression For { get; set; }
    public string Label { get; set; } = "";
    public string? Hint { get; set; }
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public string? Width { get; set; }
    public bool Textarea { get; set; }
    public bool PageHeading { get; set; }
    /// <summary>A unit before the field, e.g. "£" (GOV.UK prefix).</summary>
    public string? Prefix { get; set; }
    /// <summary>A unit after the field, e.g. "%" or "months" (GOV.UK suffix).</summary>
    public string? Suffix { get; set; }
    public string? Inputmode { get; set; }

    [ViewContext, HtmlAttributeNotBound] public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = name.Replace('.', '_');
        var enc = HtmlEncoder.Default;
        var errors = GovukMarkup.ErrorsFor(ViewContext, name);
        var hasError = errors.Count > 0;
        // A password is never written back into the page, not even the one just posted.
        var value = Type == "password" ? ""
            : ViewContext.ViewData.ModelState.TryGetValue(name, out var raw) && raw.AttemptedValue is not null
                ? raw.AttemptedValue
                : For.Model?.ToString() ?? "";
        var describedBy = new List<string>();
        var html = new System.Text.StringBuilder();
        var label = $"<label class=\"govuk-label{(PageHeading ? " govuk-label--l" : "")}\" for=\"{id}\">{enc.Encode(Label)}</label>";
        html.Append(PageHeading ? $"<h1 class=\"govuk-label-wrapper\">{label}</h1>" : label);
        if (Hint is not null)
        {
            html.Append($"<div id=\"{id}-hint\" class=\"govuk-hint\">{enc.Encode(Hint)}</div>");
            describedBy.Add($"{id}-hint");
        }
        if (hasError)
        {
            html.Append(GovukMarkup.ErrorMessage(id, errors[0]));
            describedBy.Add($"{id}-error");
        }
        var aria = describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : "";
        var auto = Autocomplete is null ? "" : $" autocomplete=\"{enc.Encode(Autocomplete)}\"";
        var width = Width is null ? "" : $" govuk-input--width-{Width}";
        var mode = Inputmode is null ? "" : $" inputmode=\"{enc.Encode(Inputmode)}\" spellcheck=\"false\"";
        if (Textarea)
        {
            html.Append($"<textarea class=\"govuk-textarea{(hasError ? " govuk-textarea--error" : "")}\" id=\"{id}\" name=\"{name}\" rows=\"5\"{aria}>{enc.Encode(value)}</textarea>");
        }
        else
        {
            var input = $"<input class=\"govuk-input{width}{(hasError ? " govuk-input--error" : "")}\" id=\"{id}\" name=\"{name}\" type=\"{Type}\" value=\"{enc.Encode(value)}\"{auto}{mode}{aria}>";
            html.Append(Prefix is null && Suffix is null ? input
                : "<div class=\"govuk-input__wrapper\">"
                  + (Prefix is null ? "" : $"<div class=\"govuk-input__prefix\" aria-hidden=\"true\">{enc.Encode(Prefix)}</div>")
                  + input
                  + (Suffix is null ? "" : $"<div class=\"govuk-input__suffix\" aria-hidden=\"true\">{enc.Encode(Suffix)}</div>")
                  + "</div>");
        }
        GovukMarkup.FormGroup(output, html, hasError);
    }
}
