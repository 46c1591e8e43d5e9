using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.MarketIntent;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.MarketIntent;

[Collection(PortalCollection.Name)]
public sealed class StatementTests(PortalFixture fixture)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task Northamptonshire_timetable_round_trips_in_order_with_months_and_days()
    {
        var (tenant, _, api) = await fixture.OfficerAsync();

        var id = await api.CreateStatementAsync(tenant.Slug!, publish: false);

        var statement = await api.GetFromJsonAsync<JsonElement>($"/api/v1/t/{tenant.Slug}/market-intent-statements/{id}");
        var milestones = statement.GetProperty("milestones").EnumerateArray()
            .Select(m => (m.GetProperty("label").GetString(), m.GetProperty("text").GetString())).ToList();
        Assert.Equal(
        [
            ("Statement issued", "November 2016"),
            ("Provider engagement events", "December 2016"),
            ("Tender published", "December 2017"),
            ("Contract award", "January 2018"),
            ("Contracts start", "1 April 2018"),
        ], milestones);
        Assert.Equal(1_500_000.50m, statement.GetProperty("indicativeValueMax").GetDecimal());
        Assert.Equal("Draft", statement.GetProperty("status").GetString());
        await using var db = fixture.SuperuserDb(tenant.Id);
        var stored = await db.MarketIntentStatements.SingleAsync(s => s.Id == id);
        Assert.Equal([(2016, 11, (int?)null), (2016, 12, null), (2017, 12, null), (2018, 1, null), (2018, 4, 1)],
            stored.Milestones.Select(m => (m.Year, m.Month, m.Day)).ToList());
    }

    [Fact]
    public async Task Body_keeps_simple_formatting_and_loses_scripts_and_styles()
    {
        var (tenant, _, api) = await fixture.OfficerAsync();
        var id = await api.CreateStatementAsync(tenant.Slug!, publish: false, new
        {
            title = "Supported living",
            body = "<h2 onclick=\"x()\">Why</h2><p style=\"color:red\">We <em>will</em> <a href=\"javascript:alert(1)\">buy</a> <a href=\"https://example.org/plan\">this</a>.</p><img src=x onerror=alert(1)><script>alert(2)</script>",
            milestones = Array.Empty<object>(),
        });

        var body = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/t/{tenant.Slug}/market-intent-statements/{id}")).GetProperty("bodyHtml").GetString()!;

        Assert.Contains("<h2 class=\"govuk-heading-m\">Why</h2>", body);
        Assert.Contains("<em>will</em>", body);
        Assert.Contains("<a href=\"https://example.org/plan\" class=\"govuk-link\">this</a>", body);
        foreach (var banned in new[] { "script", "onclick", "onerror", "style", "javascript:", "<img" })
        {
            Assert.DoesNotContain(banned, body);
        }
    }

    [Fact]
    public async Task Unpublished_statement_answers_404_to_providers_other_tenants_and_the_public()
    {
        var (tenant, _, api) = await fixture.OfficerAsync();
        var id = await api.CreateStatementAsync(tenant.Slug!, publish: false);
        var (_, providerUser) = await fixture.CreateProviderAsync("Nene Valley Care Ltd");
        var (otherTenant, otherOfficer, otherApi) = await fixture.OfficerAsync("Leeds City Council");
        var providerPages = await fixture.CookieClientAsync(providerUser.Email!);
        var providerApi = await fixture.BearerClientAsync(providerUser.Email!);
        var otherPages = await fixture.CookieClientAsync(otherOfficer.Email!);
        var anonymous = fixture.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await providerPages.GetAsync($"/{tenant.Slug}/market-intent/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await providerPages.GetAsync($"/{tenant.Slug}/notices/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await providerApi.GetAsync($"/api/v1/t/{tenant.Slug}/market-intent-statements/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.GetAsync($"/api/v1/t/{otherTenant.Slug}/market-intent-statements/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherPages.GetAsync($"/{otherTenant.Slug}/market-intent/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.GetAsync($"/api/v1/t/{tenant.Slug}/market-intent-statements/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/{tenant.Slug}/notices/{id}")).StatusCode);
        var problem = await (await providerApi.PutAsJsonAsync($"/api/v1/t/{tenant.Slug}/notices/{id}/expression-of-interest",
            new { areasOfInterest = "All", capacityHoursPerWeek = 10 })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());

        await api.PostAsync($"/api/v1/t/{tenant.Slug}/market-intent-statements/{id}/publish", null);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/{tenant.Slug}/notices/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.GetAsync($"/api/v1/t/{otherTenant.Slug}/market-intent-statements/{id}")).StatusCode);

        await api.PostAsync($"/api/v1/t/{tenant.Slug}/market-intent-statements/{id}/unpublish", null);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/{tenant.Slug}/notices/{id}")).StatusCode);
    }

    [Fact]
    public async Task Public_notices_page_lists_published_statements_only_without_signing_in()
    {
        var (tenant, _, api) = await fixture.OfficerAsync();
        await api.CreateStatementAsync(tenant.Slug!, publish: true, MarketIntentTestSupport.Statement("Published: home care framework"));
        await api.CreateStatementAsync(tenant.Slug!, publish: false, MarketIntentTestSupport.Statement("Draft: day services"));
        var withdrawn = await api.CreateStatementAsync(tenant.Slug!, publish: true, MarketIntentTestSupport.Statement("Withdrawn: respite"));
        await api.PostAsync($"/api/v1/t/{tenant.Slug}/market-intent-statements/{withdrawn}/unpublish", null);

        var page = await fixture.CreateClient().GetAsync($"/{tenant.Slug}/notices");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("Published: home care framework", html);
        Assert.Contains("£1,200,000 to £1,500,000.50", html);
        Assert.DoesNotContain("Draft: day services", html);
        Assert.DoesNotContain("Withdrawn: respite", html);
    }

    [Fact]
    public async Task Notices_feed_is_atom_with_the_required_elements_and_only_published_statements()
    {
        var (tenant, _, api) = await fixture.OfficerAsync();
        var published = await api.CreateStatementAsync(tenant.Slug!, publish: true, MarketIntentTestSupport.Statement("Published: home care framework"));
        await api.CreateStatementAsync(tenant.Slug!, publish: false, MarketIntentTestSupport.Statement("Draft: day services"));

        var response = await fixture.CreateClient().GetAsync($"/{tenant.Slug}/notices/feed.atom");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        foreach (var required in new[] { "id", "title", "updated", "author" })
        {
            Assert.Single(feed.Elements(Atom + required));
        }
        var self = Assert.Single(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        Assert.Equal($"http://localhost/{tenant.Slug}/notices/feed.atom", (string?)self.Attribute("href"));
        Assert.True(DateTimeOffset.TryParse(feed.Element(Atom + "updated")!.Value, out _));
        var entry = Assert.Single(feed.Elements(Atom + "entry"));
        Assert.Equal($"urn:uuid:{published}", entry.Element(Atom + "id")!.Value);
        Assert.Equal("Published: home care framework", entry.Element(Atom + "title")!.Value);
        Assert.True(DateTimeOffset.TryParse(entry.Element(Atom + "updated")!.Value, out _));
        Assert.Equal($"http://localhost/{tenant.Slug}/notices/{published}", (string?)entry.Element(Atom + "link")!.Attribute("href"));
        Assert.Contains("care and support through a framework", entry.Element(Atom + "summary")!.Value);
        Assert.DoesNotContain("<", entry.Element(Atom + "summary")!.Value);
    }

    [Fact]
    public async Task Statement_without_title_or_body_or_with_a_bad_timetable_is_refused_on_the_page_and_in_the_api()
    {
        var (tenant, officer, api) = await fixture.OfficerAsync();
        var browser = await fixture.CookieClientAsync(officer.Email!);

        var page = await browser.PostFormAsync($"/{tenant.Slug}/market-intent/new", new()
        {
            ["Title"] = "",
            ["Body"] = "",
            ["IndicativeValueMin"] = "two million",
            ["Milestones[0].Label"] = "",
            ["Milestones[1].Label"] = "Tender published",
            ["Milestones[1].Month"] = "13",
            ["Milestones[1].Year"] = "2017",
        });
        await page.AssertErrorSummaryAsync("Title", "Body", "IndicativeValueMin", "Milestones[1]_Month");

        var errors = await (await api.PostAsJsonAsync($"/api/v1/t/{tenant.Slug}/market-intent-statements", new
        {
            title = "",
            body = "<script>only a script</script>",
            indicativeValueMin = 2_000_000m,
            indicativeValueMax = 1_000_000m,
            milestones = new[] { new { label = "Award", year = 2018, month = 2, day = 30 } },
        })).FieldErrorsAsync();
        Assert.Equal(["Body", "IndicativeValueMax", "Milestones[0].Day", "Title"], errors.Keys.Order());
        await using var db = fixture.SuperuserDb(tenant.Id);
        Assert.Empty(await db.MarketIntentStatements.ToListAsync());
        Assert.Empty(await fixture.AuditChainAsync(tenant.Id));
    }

    [Fact]
    public async Task Officer_writes_publishes_and_unpublishes_a_statement_on_the_pages_and_each_step_is_audited()
    {
        var (tenant, officer, _) = await fixture.OfficerAsync();
        var browser = await fixture.CookieClientAsync(officer.Email!);

        var created = await browser.PostFormAsync($"/{tenant.Slug}/market-intent/new", new()
        {
            ["Title"] = "Integrated personalised support",
            ["Body"] = "We mean to commission an alliance.\n\nProviders are invited to two events.",
            ["IndicativeValueMin"] = "£1,200,000",
            ["IndicativeValueMax"] = "1,500,000",
            ["Milestones[0].Label"] = "Statement issued",
            ["Milestones[0].Month"] = "11",
            ["Milestones[0].Year"] = "2016",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var show = created.Headers.Location!.ToString();
        var id = Guid.Parse(show[(show.LastIndexOf('/') + 1)..]);
        Assert.Contains("Statement saved as a draft", await browser.GetStringAsync(show));

        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync($"{show}/publish", new(), formPage: show)).StatusCode);
        var html = await browser.GetStringAsync(show);
        Assert.Contains("Statement published", html);
        Assert.Contains("Unpublish", html);
        var notice = await fixture.CreateClient().GetStringAsync($"/{tenant.Slug}/notices/{id}");
        Assert.Contains("<p class=\"govuk-body\">Providers are invited to two events.</p>", notice);
        Assert.Contains("November 2016", notice);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync($"{show}/unpublish", new(), formPage: show)).StatusCode);

        await using var db = fixture.SuperuserDb(tenant.Id);
        var statement = await db.MarketIntentStatements.SingleAsync(s => s.Id == id);
        Assert.Equal(StatementStatus.Withdrawn, statement.Status);
        Assert.Equal(1_200_000m, statement.IndicativeValueMin);
        Assert.Equal(["market-intent.created", "market-intent.published", "market-intent.unpublished"],
            (await fixture.AuditChainAsync(tenant.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task Publishing_twice_is_refused_with_a_reason()
    {
        var (tenant, _, api) = await fixture.OfficerAsync();
        var id = await api.CreateStatementAsync(tenant.Slug!, publish: true);

        var errors = await (await api.PostAsync($"/api/v1/t/{tenant.Slug}/market-intent-statements/{id}/publish", null)).FieldErrorsAsync();

        Assert.Equal("The statement is already published", Assert.Single(errors["Status"]));
    }

    [Fact]
    public async Task Evaluator_cannot_write_statements()
    {
        var tenant = await fixture.CreateTenantAsync();
        var evaluator = await fixture.CreateUserAsync(tenant, Role.Evaluator);
        var api = await fixture.BearerClientAsync(evaluator.Email!);

        var response = await api.PostAsJsonAsync($"/api/v1/t/{tenant.Slug}/market-intent-statements", MarketIntentTestSupport.Statement());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
