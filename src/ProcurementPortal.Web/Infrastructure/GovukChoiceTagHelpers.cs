using System.Collections;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ProcurementPortal.Web.Infrastructure;

/// <summary>One choice of a set of GOV.UK radios or checkboxes.</summary>
public sealed record Choice(string Value, string Label, string? Hint = null);

/// <summary>
/// <c>&lt;govuk-radios for="Unit" legend="Unit" options="..."/&gt;</c> and <c>&lt;govuk-checkboxes ...&gt;</c>: a
/// fieldset of choices whose first input carries the property's id, so the error summary's link lands on it.
/// </summary>
[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukChoicesTagHelper : TagHelper
{
    [HtmlAttributeName("for")] public required ModelExpression For { get; set; }
    public string Legend { get; set; } = "";
    public string? Hint { get; set; }
    public required IReadOnlyList<Choice> Options { get; set; }
    public bool Inline { get; set; }

    [ViewContext, HtmlAttributeNotBound] public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var multiple = context.TagName == "govuk-checkboxes";
        var kind = multiple ? "checkboxes" : "radios";
        var name = For.Name;
        var id = GovukMarkup.IdFor(name);
        var selected = For.Model switch
        {
            null => [],
            string one => [one],
            IEnumerable many => many.Cast<object>().Select(x => x.ToString()!).ToHashSet(),
            var one => new HashSet<string> { one.ToString()! },
        };
        var html = new StringBuilder();
        GovukMarkup.FieldsetStart(html, ViewContext, name, Legend, Hint, out var hasError);
        html.Append($"<div class=\"govuk-{kind}{(Inline ? $" govuk-{kind}--inline" : "")}\" data-module=\"govuk-{kind}\">");
        var enc = HtmlEncoder.Default;
        for (var i = 0; i < Options.Count; i++)
        {
            var option = Options[i];
            var optionId = i == 0 ? id : $"{id}-{i + 1}";
            var hintId = $"{optionId}-item-hint";
            html.Append($"<div class=\"govuk-{kind}__item\">")
                .Append($"<input class=\"govuk-{kind}__input\" id=\"{optionId}\" name=\"{name}\" type=\"{(multiple ? "checkbox" : "radio")}\" value=\"{enc.Encode(option.Value)}\"")
                .Append(selected.Contains(option.Value) ? " checked" : "")
                .Append(option.Hint is null ? "" : $" aria-describedby=\"{hintId}\"")
                .Append($"><label class=\"govuk-label govuk-{kind}__label\" for=\"{optionId}\">{enc.Encode(option.Label)}</label>")
                .Append(option.Hint is null ? "" : $"<div id=\"{hintId}\" class=\"govuk-hint govuk-{kind}__hint\">{enc.Encode(option.Hint)}</div>")
                .Append("</div>");
        }
        html.Append("</div></fieldset>");
        GovukMarkup.FormGroup(output, html, hasError);
    }
}

/// <summary>
/// <c>&lt;govuk-date-time for="SubmissionDeadline" legend="Submission deadline"/&gt;</c> over a
/// <see cref="UkDateTimeInput"/>: GOV.UK's day, month and year fields and a time field, all in UK time.
/// </summary>
[HtmlTargetElement("govuk-date-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukDateTimeTagHelper : TagHelper
{
    [HtmlAttributeName("for")] public required ModelExpression For { get; set; }
    public string Legend { get; set; } = "";
    public string Hint { get; set; } = "For example, 27 3 2027. UK time.";

    [ViewContext, HtmlAttributeNotBound] public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = GovukMarkup.IdFor(name);
        var value = For.Model as UkDateTimeInput ?? new UkDateTimeInput();
        var html = new StringBuilder();
        GovukMarkup.FieldsetStart(html, ViewContext, name, Legend, Hint, out var hasError, role: "group");
        var error = hasError ? " govuk-input--error" : "";
        html.Append("<div class=\"govuk-date-input\">");
        foreach (var (part, label, width, text, partId) in new[]
                 {
                     ("Day", "Day", 2, value.Day, id),
                     ("Month", "Month", 2, value.Month, $"{id}-month"),
                     ("Year", "Year", 4, value.Year, $"{id}-year"),
                 })
        {
            html.Append("<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">")
                .Append($"<label class=\"govuk-label govuk-date-input__label\" for=\"{partId}\">{label}</label>")
                .Append($"<input class=\"govuk-input govuk-date-input__input govuk-input--width-{width}{error}\" id=\"{partId}\" name=\"{name}.{part}\" type=\"text\" inputmode=\"numeric\" value=\"{HtmlEncoder.Default.Encode(text ?? "")}\">")
                .Append("</div></div>");
        }
        html.Append("</div><div class=\"govuk-form-group govuk-!-margin-top-4 govuk-!-margin-bottom-0\">")
            .Append($"<label class=\"govuk-label\" for=\"{id}-time\">Time</label>")
            .Append($"<div id=\"{id}-time-hint\" class=\"govuk-hint\">For example, 12:00 or 5:30pm</div>")
            .Append($"<input class=\"govuk-input govuk-input--width-5{error}\" id=\"{id}-time\" name=\"{name}.Time\" type=\"text\" aria-describedby=\"{id}-time-hint\" value=\"{HtmlEncoder.Default.Encode(value.Time ?? "")}\">")
            .Append("</div></fieldset>");
        GovukMarkup.FormGroup(output, html, hasError);
    }
}

/// <summary>Markup the GOV.UK tag helpers share: ids, error messages, the fieldset and the form group.</summary>
internal static class GovukMarkup
{
    /// <summary>The element id for a model name: "Lots[0].Name" → "Lots[0]_Name" (as the error summary links it).</summary>
    public static string IdFor(string name) => name.Replace('.', '_');

    public static ModelErrorCollection ErrorsFor(ViewContext view, string name) =>
        view.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.Errors : [];

    public static string ErrorMessage(string id, ModelError error) =>
        $"<p id=\"{id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {HtmlEncoder.Default.Encode(error.ErrorMessage)}</p>";

    /// <summary>Opens the fieldset with its legend, hint and first error (the fieldset is described by both).</summary>
    public static void FieldsetStart(StringBuilder html, ViewContext view, string name, string legend, string? hint, out bool hasError, string? role = null)
    {
        var id = IdFor(name);
        var errors = ErrorsFor(view, name);
        hasError = errors.Count > 0;
        var describedBy = new List<string>();
        var inner = new StringBuilder();
        if (hint is not null)
        {
            inner.Append($"<div id=\"{id}-hint\" class=\"govuk-hint\">{HtmlEncoder.Default.Encode(hint)}</div>");
            describedBy.Add($"{id}-hint");
        }
        if (hasError)
        {
            inner.Append(ErrorMessage(id, errors[0]));
            describedBy.Add($"{id}-error");
        }
        var aria = describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : "";
        html.Append($"<fieldset class=\"govuk-fieldset\"{(role is null ? "" : $" role=\"{role}\"")}{aria}>")
            .Append($"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{HtmlEncoder.Default.Encode(legend)}</legend>")
            .Append(inner);
    }

    public static void FormGroup(TagHelperOutput output, StringBuilder html, bool hasError)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", hasError ? "govuk-form-group govuk-form-group--error" : "govuk-form-group");
        output.Content.SetHtmlContent(html.ToString());
    }
}
