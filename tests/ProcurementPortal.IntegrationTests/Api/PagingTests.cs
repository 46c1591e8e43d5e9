using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Bids;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Api;

/// <summary>
/// One paging convention on every API list (docs/api.md): a list is a GET whose answer is an array, or which pages an
/// envelope; each takes <c>page</c> and <c>pageSize</c> (1 to 100), refuses out-of-range values with a validation
/// problem, and answers with <c>X-Total-Count</c> and a <c>Link</c> header.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class PagingTests(PortalFixture fixture)
{
    [Fact]
    public async Task Every_list_endpoint_documents_page_and_page_size()
    {
        var lists = await ListEndpointsAsync();

        Assert.True(lists.Count > 25, $"Only {lists.Count} list endpoints found: " + string.Join(", ", lists.Select(l => l.Path)));
        var missing = lists.Where(l => !l.Parameters.Contains("page") || !l.Parameters.Contains("pageSize")).Select(l => l.Path).ToList();
        Assert.True(missing.Count == 0, "Without page and pageSize: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Every_list_endpoint_refuses_a_page_or_page_size_out_of_range_with_a_validation_problem()
    {
        var tender = await fixture.PublishedTenderAsync();
        var caller = await CallerAsync(tender);
        var platform = await fixture.BearerClientAsync(PortalFixture.PlatformAdminEmail);

        var wrong = new List<string>();
        foreach (var list in await ListEndpointsAsync())
        {
            var client = list.Path.StartsWith("/api/v1/admin/", StringComparison.Ordinal) ? platform : caller;
            foreach (var (query, key) in new[] { ("pageSize=0", "pageSize"), ("pageSize=101", "pageSize"), ("page=0", "page") })
            {
                var response = await client.GetAsync($"{Url(list.Path, tender)}?{query}");
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.BadRequest || response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                    || !JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject().Any(e => e.Name.Equals(key, StringComparison.OrdinalIgnoreCase)))
                {
                    wrong.Add($"{list.Path}?{query}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task Every_list_endpoint_without_an_id_answers_a_page_with_the_total_and_links()
    {
        var tender = await fixture.PublishedTenderAsync();
        var caller = await CallerAsync(tender);
        var platform = await fixture.BearerClientAsync(PortalFixture.PlatformAdminEmail);

        var wrong = new List<string>();
        foreach (var list in (await ListEndpointsAsync()).Where(l => !RouteValue().Replace(l.Path, "").Contains('{', StringComparison.Ordinal)))
        {
            var client = list.Path.StartsWith("/api/v1/admin/", StringComparison.Ordinal) ? platform : caller;
            var response = await client.GetAsync($"{Url(list.Path, tender)}?page=1&pageSize=1");
            var link = response.Headers.TryGetValues("Link", out var links) ? string.Join(", ", links) : "";
            if (response.StatusCode != HttpStatusCode.OK || !response.Headers.Contains("X-Total-Count")
                || !link.Contains("rel=\"first\"", StringComparison.Ordinal) || !link.Contains("rel=\"last\"", StringComparison.Ordinal))
            {
                wrong.Add($"{list.Path}: {(int)response.StatusCode}, Link: {link}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task A_list_read_a_page_at_a_time_holds_each_item_once_with_links_to_the_next_and_previous_pages()
    {
        var tender = await fixture.PublishedTenderAsync();
        var caller = await CallerAsync(tender);
        var members = $"/api/v1/t/{tender.Slug}/members";

        var first = await caller.GetAsync($"{members}?page=1&pageSize=1");
        var second = await caller.GetAsync($"{members}?page=2&pageSize=1");
        var all = await caller.GetFromJsonAsync<JsonElement>($"{members}?pageSize=100");

        Assert.Equal("2", Assert.Single(first.Headers.GetValues("X-Total-Count")));
        Assert.Contains($"{members}?page=2&pageSize=1>; rel=\"next\"", string.Join(",", first.Headers.GetValues("Link")));
        Assert.DoesNotContain("rel=\"prev\"", string.Join(",", first.Headers.GetValues("Link")));
        Assert.Contains($"{members}?page=1&pageSize=1>; rel=\"prev\"", string.Join(",", second.Headers.GetValues("Link")));
        Assert.DoesNotContain("rel=\"next\"", string.Join(",", second.Headers.GetValues("Link")));
        var paged = (await first.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .Concat((await second.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray())
            .Select(m => m.GetProperty("userId").GetGuid()).ToList();
        Assert.Equal(all.EnumerateArray().Select(m => m.GetProperty("userId").GetGuid()), paged);
    }

    private sealed record ListEndpoint(string Path, HashSet<string> Parameters);

    /// <summary>GETs under /api/v1 whose 200 answer is an array, and those that take a page (the enveloped lists).</summary>
    private async Task<List<ListEndpoint>> ListEndpointsAsync()
    {
        var document = await fixture.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var lists = new List<ListEndpoint>();
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/v1/", StringComparison.Ordinal)))
        {
            if (!path.Value.TryGetProperty("get", out var get))
            {
                continue;
            }
            var parameters = get.TryGetProperty("parameters", out var ps)
                ? ps.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToHashSet()
                : [];
            var array = get.TryGetProperty("responses", out var responses) && responses.TryGetProperty("200", out var ok)
                && ok.TryGetProperty("content", out var content)
                && content.EnumerateObject().Any(c => c.Value.TryGetProperty("schema", out var schema)
                    && schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "array");
            if (array || parameters.Contains("page"))
            {
                lists.Add(new ListEndpoint(path.Name, parameters));
            }
        }
        return lists;
    }

    /// <summary>A member of the tender's tenant in every tenant role.</summary>
    private async Task<HttpClient> CallerAsync(Tender tender)
    {
        var user = await fixture.CreateUserAsync(tender.Tenant, Role.TenantAdmin, Role.ProcurementOfficer, Role.Evaluator, Role.Approver);
        return await fixture.BearerClientAsync(user.Email!);
    }

    private static string Url(string path, Tender tender) =>
        AnyId().Replace(RouteValue().Replace(path, tender.Slug), _ => Guid.NewGuid().ToString());

    [GeneratedRegex(@"\{tenant\}")]
    private static partial Regex RouteValue();

    [GeneratedRegex(@"\{[A-Za-z]+\}")]
    private static partial Regex AnyId();
}
