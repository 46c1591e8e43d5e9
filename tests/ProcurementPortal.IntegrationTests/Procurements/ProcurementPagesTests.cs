using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Procurements;

/// <summary>The procurement officer's pages, driven as a browser would: GET the form, POST it with the antiforgery token.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class ProcurementPagesTests(PortalFixture fixture)
{
    private async Task<(Organisation Tenant, HttpClient Officer)> OfficerAsync()
    {
        var tenant = await fixture.CreateTenantAsync("Lancashire County Council");
        var officer = await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer);
        return (tenant, await fixture.CookieClientAsync(officer.Email!));
    }

    [Fact]
    public async Task Officer_builds_a_tender_with_two_lots_and_a_model_and_publishes_it_through_the_pages()
    {
        var (tenant, officer) = await OfficerAsync();
        var deadline = DateTime.UtcNow.AddDays(40);
        var id = await CreateAsync(officer, tenant.Slug!, new Dictionary<string, string>
        {
            ["Title"] = "Mental Health Care and Support Framework",
            ["Description"] = "Care and support for adults with mental health needs.",
            ["CpvCode"] = "85312000-9",
            ["ProcedureType"] = "OpenFramework",
            ["AnnualBudget"] = "£6,000,000",
            ["CurrentAnnualSpend"] = "6,800,000.00",
            ["ContractTermMonths"] = "36",
            ["CeilingBreachRule"] = "Refuse",
            ["PooledPartners[0].Name"] = "Lancashire County Council",
            ["PooledPartners[0].Share"] = "57.6",
            ["PooledPartners[1].Name"] = "NHS Lancashire ICB",
            ["PooledPartners[1].Share"] = "42.4",
            ["PooledPartners[2].Name"] = "",
            ["PooledPartners[2].Share"] = "",
        }.With(DateFields("ClarificationDeadline", deadline.AddDays(-14), "17:00")).With(DateFields("SubmissionDeadline", deadline, "12:00")));
        var page = $"/{tenant.Slug}/procurements/{id}";

        foreach (var lot in new[] { "East", "North" })
        {
            AssertRedirectTo(page, await officer.PostFormAsync($"{page}/lots/new", new() { ["Name"] = lot, ["Area"] = $"{lot} Lancashire", ["MaxProviders"] = "8", ["AnnualBudget"] = "3,000,000" }));
        }
        var lots = await LotsAsync(tenant.Id, id);
        AssertRedirectTo(page, await officer.PostFormAsync($"{page}/lots/{lots[0].Id}/bands/new", Band("B1", "Low support", "14.50", "41,600")));
        AssertRedirectTo(page, await officer.PostFormAsync($"{page}/lots/{lots[1].Id}/bands/new", Band("B1", "Low support", "£15.75", "15600")));
        var model = $"{page}/evaluation-model";
        AssertRedirectTo(model, await officer.PostFormAsync($"{model}/price", new() { ["PriceWeight"] = "40", ["PriceFormula"] = PriceFormulas.LowestPriceRatio }));
        AssertRedirectTo(model, await officer.PostFormAsync($"{model}/sections/new", new() { ["Title"] = "Quality" }));
        AssertRedirectTo(model, await officer.PostFormAsync($"{model}/sections/1/questions/new", Question("How will you promote recovery?", "60", lots[0].Id)));
        AssertRedirectTo(model, await officer.PostFormAsync($"{model}/sections/new", new() { ["Title"] = "Gateway" }));
        AssertRedirectTo(model, await officer.PostFormAsync($"{model}/sections/2/questions/new",
            new() { ["Text"] = "Are you registered with the CQC?", ["Type"] = "PassFail", ["Weight"] = "" }));

        var summary = await PageTextAsync(officer, page);
        // East 41,600 h × £14.50 = £603,200.00; North 15,600 h × £15.75 = £245,700.00.
        Assert.Contains("£603,200.00", summary);
        Assert.Contains("£245,700.00", summary);
        Assert.Contains("£848,900.00", summary);
        Assert.Contains("£5,151,100.00 within budget", summary);
        Assert.Contains("£5,951,100.00 a year less than today", summary);
        Assert.Contains("Quality 60% + price 40% = 100%", summary);
        Assert.Contains("Lancashire County Council 57.6%; NHS Lancashire ICB 42.4%", summary);

        AssertRedirectTo(page, await officer.PostFormAsync($"{page}/publish", new(), formPage: page));

        await using var db = fixture.SuperuserDb(tenant.Id);
        var stored = await db.Procurements.Include(p => p.Sections).ThenInclude(s => s.Questions).SingleAsync(p => p.Id == id);
        Assert.Equal(ProcurementState.TenderOpen, stored.State);
        Assert.Equal([lots[0].Id], stored.Sections.Single(s => s.Number == 1).Questions.Single().LotIds);
        Assert.Equal(6, stored.Sections.Single(s => s.Number == 1).Questions.Single().ScoreDescriptors.Count);
        var published = await PageTextAsync(officer, page);
        Assert.Contains("Open for tenders", published);
        Assert.DoesNotContain($"{page}/edit", published);
        Assert.DoesNotContain("/lots/new", published);
        Assert.DoesNotContain("Publish the tender", published);
    }

    [Fact]
    public async Task Publishing_an_incomplete_procurement_shows_every_reason_and_it_stays_a_draft()
    {
        var (tenant, officer) = await OfficerAsync();
        var id = await CreateAsync(officer, tenant.Slug!, new() { ["Title"] = "Day opportunities" });
        var page = $"/{tenant.Slug}/procurements/{id}";
        AssertRedirectTo(page, await officer.PostFormAsync($"{page}/lots/new", new() { ["Name"] = "Central" }));

        var response = await officer.PostFormAsync($"{page}/publish", new(), formPage: page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reasons = ErrorSummary(await response.Content.ReadAsStringAsync());
        string[] every =
        [
            "Enter a description of what is being bought",
            "Lot 1 (Central) has no fee bands: add at least one",
            "Quality question weights (0%) and the price weight (0%) must add up to 100%; they add up to 0%",
            "Enter the submission deadline",
        ];
        Assert.Equal(every.Order(StringComparer.Ordinal), reasons.Order(StringComparer.Ordinal));
        await using var db = fixture.SuperuserDb(tenant.Id);
        Assert.Equal(ProcurementState.Draft, (await db.Procurements.SingleAsync(p => p.Id == id)).State);
    }

    [Fact]
    public async Task Another_tenants_officer_gets_404_for_the_pages()
    {
        var (tenant, officer) = await OfficerAsync();
        var id = await CreateAsync(officer, tenant.Slug!, new() { ["Title"] = "Supported living" });
        var other = await fixture.CreateTenantAsync("Leeds City Council");
        var intruder = await fixture.CookieClientAsync((await fixture.CreateUserAsync(other, Role.ProcurementOfficer)).Email!);

        foreach (var slug in new[] { other.Slug, tenant.Slug })
        {
            var page = $"/{slug}/procurements/{id}";
            foreach (var path in new[] { page, $"{page}/edit", $"{page}/evaluation-model", $"{page}/lots/new", $"{page}/cancel" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync(path)).StatusCode);
            }
            var publish = await intruder.PostWithPageTokenAsync($"{page}/publish", new(), tokenPage: $"/{other.Slug}/procurements");
            Assert.Equal(HttpStatusCode.NotFound, publish.StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/{tenant.Slug}/procurements")).StatusCode);
        Assert.DoesNotContain("Supported living", await intruder.GetStringAsync($"/{other.Slug}/procurements"));
    }

    [Fact]
    public async Task An_evaluator_sees_the_pages_but_is_forbidden_to_change_anything()
    {
        var (tenant, officer) = await OfficerAsync();
        var id = await CreateAsync(officer, tenant.Slug!, new() { ["Title"] = "Home care" });
        var evaluator = await fixture.CookieClientAsync((await fixture.CreateUserAsync(tenant, Role.Evaluator)).Email!);
        var page = $"/{tenant.Slug}/procurements/{id}";

        var list = await evaluator.GetStringAsync($"/{tenant.Slug}/procurements");
        var summary = await evaluator.GetStringAsync(page);
        Assert.Contains("Home care", list);
        Assert.DoesNotContain("Create a procurement", list);
        Assert.DoesNotContain("Publish the tender", summary);
        Assert.DoesNotContain($"{page}/edit", summary);
        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync($"{page}/evaluation-model")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.GetAsync($"/{tenant.Slug}/procurements/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostWithPageTokenAsync($"{page}/publish", new(), tokenPage: page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostWithPageTokenAsync($"{page}/edit", new() { ["Title"] = "Mine" }, tokenPage: page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostWithPageTokenAsync($"{page}/lots/new", new() { ["Name"] = "West" }, tokenPage: page)).StatusCode);
        await using var db = fixture.SuperuserDb(tenant.Id);
        var stored = await db.Procurements.Include(p => p.Lots).SingleAsync(p => p.Id == id);
        Assert.Equal(("Home care", ProcurementState.Draft, 0), (stored.Title, stored.State, stored.Lots.Count));
    }

    [Fact]
    public async Task Deadlines_are_entered_in_UK_time_and_stored_in_UTC()
    {
        var (tenant, officer) = await OfficerAsync();
        var winter = await CreateAsync(officer, tenant.Slug!, Title("Winter").With(DateFields("SubmissionDeadline", new DateTime(2031, 1, 9), "12:00")));
        var summer = await CreateAsync(officer, tenant.Slug!, Title("Summer").With(DateFields("SubmissionDeadline", new DateTime(2031, 7, 9), "12:00")));

        await using var db = fixture.SuperuserDb(tenant.Id);
        Assert.Equal(new DateTime(2031, 1, 9, 12, 0, 0), (await db.Procurements.SingleAsync(p => p.Id == winter)).SubmissionDeadline);
        Assert.Equal(new DateTime(2031, 7, 9, 11, 0, 0), (await db.Procurements.SingleAsync(p => p.Id == summer)).SubmissionDeadline);
        var list = await PageTextAsync(officer, $"/{tenant.Slug}/procurements");
        Assert.Contains("12:00pm on 9 January 2031 (GMT)", list);
        Assert.Contains("12:00pm on 9 July 2031 (BST)", list);
        var edit = await officer.GetStringAsync($"/{tenant.Slug}/procurements/{summer}/edit");
        Assert.Contains("name=\"SubmissionDeadline.Time\" type=\"text\" aria-describedby=\"SubmissionDeadline-time-hint\" value=\"12:00\"", edit);
    }

    [Fact]
    public async Task Words_where_numbers_go_are_shown_against_their_fields_and_nothing_is_saved()
    {
        var (tenant, officer) = await OfficerAsync();

        var response = await officer.PostFormAsync($"/{tenant.Slug}/procurements/new", new Dictionary<string, string>
        {
            ["Title"] = "Respite",
            ["AnnualBudget"] = "six million",
        }.With(DateFields("SubmissionDeadline", new DateTime(2031, 3, 30), "1:30am")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<a href=\"#AnnualBudget\">Enter the annual budget as an amount of money, like 1,250,000.00</a>", html);
        Assert.Contains("<a href=\"#SubmissionDeadline\">The clocks go forward then", html); // 30 March 2031: 1am to 2am does not happen
        Assert.Contains("value=\"six million\"", html);
        await using var db = fixture.SuperuserDb(tenant.Id);
        Assert.False(await db.Procurements.AnyAsync());
    }

    private static async Task<Guid> CreateAsync(HttpClient officer, string slug, Dictionary<string, string> fields)
    {
        var response = await officer.PostFormAsync($"/{slug}/procurements/new", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Creating failed ({response.StatusCode}): {string.Join("; ", ErrorSummary(await response.Content.ReadAsStringAsync()))}");
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    /// <summary>The page's HTML with character references decoded (Razor writes £ as &amp;#xA3;).</summary>
    private static async Task<string> PageTextAsync(HttpClient client, string path) => WebUtility.HtmlDecode(await client.GetStringAsync(path));

    private async Task<List<Lot>> LotsAsync(Guid tenantId, Guid procurementId)
    {
        await using var db = fixture.SuperuserDb(tenantId);
        return await db.Lots.Where(l => l.ProcurementId == procurementId).OrderBy(l => l.Number).ToListAsync();
    }

    private static void AssertRedirectTo(string path, HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == path,
            $"Expected a redirect to {path}, got {response.StatusCode} {response.Headers.Location}: " +
            string.Join("; ", ErrorSummary(response.Content.ReadAsStringAsync().Result)));

    private static Dictionary<string, string> Title(string title) => new() { ["Title"] = title };

    private static Dictionary<string, string> DateFields(string field, DateTime ukDay, string time) => new()
    {
        [$"{field}.Day"] = ukDay.Day.ToString(),
        [$"{field}.Month"] = ukDay.Month.ToString(),
        [$"{field}.Year"] = ukDay.Year.ToString(),
        [$"{field}.Time"] = time,
    };

    private static Dictionary<string, string> Band(string code, string name, string ceiling, string volume) => new()
    {
        ["Code"] = code, ["Name"] = name, ["Unit"] = "Hour", ["CeilingRate"] = ceiling, ["ExpectedAnnualVolume"] = volume,
    };

    private static Dictionary<string, string> Question(string text, string weight, Guid lotId)
    {
        string[] descriptors = ["No response", "Poor", "Weak", "Satisfactory", "Good", "Excellent"];
        var fields = new Dictionary<string, string>
        {
            ["Text"] = text, ["Type"] = "Scored", ["Weight"] = weight, ["MinimumScore"] = "2", ["WordLimit"] = "1000", ["LotIds"] = lotId.ToString(),
        };
        for (var i = 0; i < descriptors.Length; i++)
        {
            fields[$"ScoreDescriptors[{i}]"] = descriptors[i];
        }
        return fields;
    }

    /// <summary>The messages of the page's GOV.UK error summary.</summary>
    private static List<string> ErrorSummary(string html)
    {
        var summary = SummaryBlock().Match(html);
        return summary.Success
            ? SummaryItem().Matches(summary.Value).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList()
            : [];
    }

    [GeneratedRegex("<div class=\"govuk-error-summary\".*?</ul>", RegexOptions.Singleline)]
    private static partial Regex SummaryBlock();

    [GeneratedRegex("<li><a href=\"[^\"]*\">(.*?)</a></li>", RegexOptions.Singleline)]
    private static partial Regex SummaryItem();
}

internal static class FormFields
{
    /// <summary>These fields and <paramref name="more"/>, as one form.</summary>
    public static Dictionary<string, string> With(this Dictionary<string, string> fields, Dictionary<string, string> more)
    {
        foreach (var (key, value) in more)
        {
            fields[key] = value;
        }
        return fields;
    }
}
