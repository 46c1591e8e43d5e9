using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ProcurementPortal.IntegrationTests.Support;

/// <summary>Routes as the OpenAPI document spells them: "METHOD /api/v1/t/{tenant}/..." without route constraints.</summary>
public static partial class ApiRoutes
{
    public static string Normalise(string pattern) => "/" + RouteConstraint().Replace(pattern.TrimStart('/'), "{$1}");

    /// <summary>Every "METHOD /path" in the OpenAPI document.</summary>
    public static async Task<HashSet<string>> DocumentedAsync(HttpClient client)
    {
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        return document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet();
    }

    [GeneratedRegex(@"\{\*?([A-Za-z0-9_]+)(:[^}]*)?\??\}")]
    private static partial Regex RouteConstraint();
}
