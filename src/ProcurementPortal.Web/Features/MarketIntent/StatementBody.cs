using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace ProcurementPortal.Web.Features.MarketIntent;

/// <summary>
/// The rich text of a statement: simple formatting only (paragraphs, headings, emphasis, lists, links), everything
/// else removed, and GOV.UK classes added so that it reads like the rest of the page. Plain text is accepted too:
/// blank lines make paragraphs.
/// </summary>
public static class StatementBody
{
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();
    private static readonly HtmlParser Parser = new();

    public static string Sanitise(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return "";
        }
        var text = input.Trim();
        var html = text.Contains('<', StringComparison.Ordinal) ? text : Paragraphs(text);
        return Sanitizer.Sanitize(html).Trim();
    }

    /// <summary>The words of the body without markup, whitespace collapsed, cut to <paramref name="max"/> characters.</summary>
    public static string PlainText(string html, int max = int.MaxValue)
    {
        var words = string.Join(' ', (Parser.ParseDocument($"<body>{html}</body>").Body?.TextContent ?? "")
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return words.Length <= max ? words : words[..words.LastIndexOf(' ', max - 1)] + "…";
    }

    private static string Paragraphs(string text) => string.Concat(
        text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => $"<p>{WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal)}</p>"));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h2", "h3", "blockquote" },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(),
        });
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement element && GovukClass(element.LocalName) is { } govuk)
            {
                element.ClassName = govuk;
            }
        };
        return sanitizer;
    }

    private static string? GovukClass(string tag) => tag switch
    {
        "p" => "govuk-body",
        "h2" => "govuk-heading-m",
        "h3" => "govuk-heading-s",
        "ul" => "govuk-list govuk-list--bullet",
        "ol" => "govuk-list govuk-list--number",
        "a" => "govuk-link",
        "blockquote" => "govuk-inset-text",
        _ => null,
    };
}
