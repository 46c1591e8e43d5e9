using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ProcurementPortal.Web.Features.MarketIntent;

/// <summary>
/// <c>&lt;govuk-date-input prefix="Milestones[0]." legend="When" hint="..." day="5" month="12" year="2016"/&gt;</c>:
/// the GOV.UK date input (day, month, year boxes in a fieldset), fields named <c>{prefix}Day</c> and so on, their
/// ids matching the error summary's links and each box marked when it has an error.
/// </summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukDateInputTagHelper : TagHelper
{
    public string Prefix { get; set; } = "";
    public string Legend { get; set; } = "";
    public string? Hint { get; set; }
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    [ViewContext, HtmlAttributeNotBound] public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var enc = HtmlEncoder.Default;
        var baseId = (Prefix.TrimEnd('.') is { Length: > 0 } p ? p : "date").Replace('.', '_');
        var parts = new[] { ("Day", Day, 2), ("Month", Month, 2), ("Year", Year, 4) };
        var errors = parts
            .SelectMany(part => ViewContext.ViewData.ModelState.TryGetValue(Prefix + part.Item1, out var entry) ? entry.Errors : [])
            .Select(e => e.ErrorMessage)
            .ToList();
        var describedBy = new List<string>();
        var html = new StringBuilder();
        html.Append($"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{enc.Encode(Legend)}</legend>");
        if (Hint is not null)
        {
            html.Append($"<div id=\"{baseId}-hint\" class=\"govuk-hint\">{enc.Encode(Hint)}</div>");
            describedBy.Add($"{baseId}-hint");
        }
        if (errors.Count > 0)
        {
            html.Append($"<p id=\"{baseId}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {enc.Encode(errors[0])}</p>");
            describedBy.Add($"{baseId}-error");
        }
        html.Append("<div class=\"govuk-date-input\">");
        foreach (var (part, value, width) in parts)
        {
            var name = Prefix + part;
            var id = name.Replace('.', '_');
            var hasError = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0;
            var shown = entry?.AttemptedValue ?? value ?? "";
            html.Append("<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">")
                .Append($"<label class=\"govuk-label govuk-date-input__label\" for=\"{id}\">{part}</label>")
                .Append($"<input class=\"govuk-input govuk-date-input__input govuk-input--width-{width}{(hasError ? " govuk-input--error" : "")}\" ")
                .Append($"id=\"{id}\" name=\"{name}\" type=\"text\" inputmode=\"numeric\" value=\"{enc.Encode(shown)}\">")
                .Append("</div></div>");
        }
        html.Append("</div>");
        var aria = describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : "";
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", errors.Count > 0 ? "govuk-form-group govuk-form-group--error" : "govuk-form-group");
        output.Content.SetHtmlContent($"<fieldset class=\"govuk-fieldset\" role=\"group\"{aria}>{html}</fieldset>");
    }
}
