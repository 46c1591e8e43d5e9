using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Encodings.Web;
using Fluid;

namespace ProcurementPortal.Core.Email;

/// <summary>
/// Liquid templates shipped as embedded resources: <c>Templates/{name}.html.liquid</c> and
/// <c>Templates/{name}.txt.liquid</c>, and a subject as the first line of the text template ("Subject: ...").
/// </summary>
public sealed class EmailTemplates
{
    private static readonly FluidParser Parser = new();

    // One set of options for every render: the member access strategy caches what it learns of each model type, so a
    // new one per email would reflect over every model again.
    private static readonly TemplateOptions Options = new() { MemberAccessStrategy = new UnsafeMemberAccessStrategy() };
    // Lazy: when a rush of requests needs a template for the first time, one of them parses it and the others wait for it.
    private readonly ConcurrentDictionary<string, Lazy<IFluidTemplate>> _cache = new();

    public RenderedEmail Render(string name, object model)
    {
        // Values in the HTML body are HTML-encoded (a provider's question may contain markup); the text body is not.
        var html = Get(name + ".html.liquid").Render(new TemplateContext(model, Options), HtmlEncoder.Default);
        var text = Get(name + ".txt.liquid").Render(new TemplateContext(model, Options, false));
        var firstLine = text.IndexOf('\n');
        if (!text.StartsWith("Subject: ", StringComparison.Ordinal) || firstLine < 0)
        {
            throw new InvalidOperationException($"Email template {name}.txt.liquid must start with a 'Subject: ' line.");
        }
        return new RenderedEmail(text[9..firstLine].Trim(), html, text[(firstLine + 1)..].TrimStart('\r', '\n'));
    }

    /// <summary>
    /// Parses every embedded template and renders each once with an empty model, so that a node does this before it
    /// serves requests rather than in the first request that sends each email (in a deadline rush, 200 at once), and a
    /// template that does not parse stops the start.
    /// </summary>
    public void PrepareAll()
    {
        var prefix = $"{typeof(EmailTemplates).Namespace}.Templates.";
        var names = Assembly.GetExecutingAssembly().GetManifestResourceNames()
            .Where(r => r.StartsWith(prefix, StringComparison.Ordinal) && r.EndsWith(".txt.liquid", StringComparison.Ordinal))
            .Select(r => r[prefix.Length..^".txt.liquid".Length])
            .Order(StringComparer.Ordinal)
            .ToList();
        var empty = new { };
        foreach (var name in names)
        {
            Render(name, empty);
        }
    }

    /// <summary>The template files parsed so far in this process.</summary>
    public IReadOnlyCollection<string> Parsed => _cache.Where(t => t.Value.IsValueCreated).Select(t => t.Key).ToList();

    private IFluidTemplate Get(string file) => _cache.GetOrAdd(file, f => new Lazy<IFluidTemplate>(() => Parse(f))).Value;

    private static IFluidTemplate Parse(string f)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var resource = $"{typeof(EmailTemplates).Namespace}.Templates.{f}";
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Email template {f} is not embedded.");
        using var reader = new StreamReader(stream);
        return Parser.TryParse(reader.ReadToEnd(), out var template, out var error)
            ? template
            : throw new InvalidOperationException($"Email template {f} does not parse: {error}");
    }
}

public sealed record RenderedEmail(string Subject, string HtmlBody, string TextBody);
