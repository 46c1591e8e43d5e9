using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Core.Jobs;
using ProcurementPortal.IntegrationTests.Award;
using ProcurementPortal.IntegrationTests.Bids;
using ProcurementPortal.IntegrationTests.Evaluation;
using ProcurementPortal.IntegrationTests.Support;
using static ProcurementPortal.IntegrationTests.Award.AwardTestSupport;

namespace ProcurementPortal.IntegrationTests.Framework;

[Collection(PortalCollection.Name)]
public sealed class SchemeTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_round_admits_a_new_provider_into_the_lots_it_won_while_existing_members_carry_over()
    {
        var closed = (await fixture.RankedAsync()).Closed;
        await fixture.NoticePublishedAsync(closed);
        await fixture.StandstillEndedAsync(closed);
        var before = await MembersAsync(closed.Tender);
        var ribble = closed.Providers["Ribble Care"];
        Assert.Equal(2, before.Count(m => m.ProviderId == ribble.Organisation.Id));

        var first = await FirstAwardAsync(closed.Tender);
        await OkJsonAsync(await closed.Tender.Officer.PostAsJsonAsync($"{closed.Api}/scheme",
            new { kind = "OpenFramework", endsOn = first.AddYears(8).AddDays(-1), reopenings = new[] { first.AddYears(2), first.AddYears(6) } }), HttpStatusCode.Created);
        var round = await OkJsonAsync(await closed.Tender.Officer.PostAsync($"{closed.Api}/scheme/rounds", null), HttpStatusCode.Created);
        var roundId = round.GetProperty("procurementId").GetGuid();
        var roundTender = new Tender(closed.Tender.Tenant, roundId, closed.Tender.Officer);
        await AssertCopiedAsync(closed.Tender.Id, roundId);

        var api = $"/api/v1/t/{closed.Tender.Slug}/procurements/{roundId}";
        await OkJsonAsync(await closed.Tender.Officer.PatchAsJsonAsync(api,
            new { clarificationDeadline = DateTimeOffset.UtcNow.AddDays(14), submissionDeadline = DateTimeOffset.UtcNow.AddDays(28) }));
        await OkJsonAsync(await closed.Tender.Officer.PostAsync($"{api}/publish", null));
        var newcomer = await fixture.ProviderAsync("Hyndburn Homecare");
        var roundClosed = await fixture.ClosedTenderAsync(roundTender, (ribble, 0.95m, 2), (newcomer, 0.9m, 2));
        await fixture.RankAsync(roundClosed, maxProviders: 2);
        await fixture.NoticePublishedAsync(roundClosed);
        await fixture.StandstillEndedAsync(roundClosed);

        var after = await MembersAsync(closed.Tender);
        foreach (var member in before)
        {
            Assert.Contains(member, after);
        }
        Assert.Equal(2, after.Count(m => m.ProviderId == ribble.Organisation.Id));
        var joined = after.Where(m => m.ProviderId == newcomer.Organisation.Id).ToList();
        Assert.Equal(before.Where(m => m.ProviderId == ribble.Organisation.Id).Select(m => m.LotId).Order(), joined.Select(m => m.LotId).Order());
        await using var db = fixture.SuperuserDb(closed.Tender.Tenant.Id);
        foreach (var member in joined)
        {
            Assert.Equal(MemberStatus.Active, member.Status);
            var contract = await db.Contracts.SingleAsync(c => c.Id == member.ContractId);
            Assert.Equal(roundId, contract.ProcurementId);
            Assert.NotEmpty(contract.Rates);
        }
        Assert.False(await db.FrameworkMembers.AnyAsync(m => m.ProcurementId == roundId));

        var view = await OkJsonAsync(await closed.Tender.Officer.GetAsync($"{closed.Api}/scheme"));
        var listed = Assert.Single(view.GetProperty("rounds").EnumerateArray());
        Assert.Equal(roundId, listed.GetProperty("procurementId").GetGuid());
    }

    [Fact]
    public async Task A_scheme_ending_more_than_eight_years_after_the_first_award_is_refused()
    {
        var f = await fixture.AwardedFrameworkAsync(1);
        var first = FirstAward(f);
        var scheme = $"{f.Api}/procurements/{f.Tender.Id}/scheme";
        var reopenings = new[] { first.AddYears(2), first.AddYears(6) };

        var refused = await f.Tender.Officer.PostAsJsonAsync(scheme, new { kind = "OpenFramework", endsOn = first.AddYears(8), reopenings });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("within 8 years", problem.GetProperty("errors").GetProperty("EndsOn")[0].GetString());
        Assert.Equal(0, await fixture.CountAsync($"select count(*) from framework_schemes where procurement_id = '{f.Tender.Id}'"));

        var officer = await fixture.PageClientAsync(await fixture.OfficerEmailAsync(f));
        var page = $"/{f.Tender.Slug}/procurements/{f.Tender.Id}/scheme";
        var late = first.AddYears(8);
        var form = await officer.PostFormAsync(page, new()
        {
            ["Kind"] = "OpenFramework", ["EndsOnDay"] = late.Day.ToString(), ["EndsOnMonth"] = late.Month.ToString(), ["EndsOnYear"] = late.Year.ToString(),
            ["Reopenings"] = string.Join("\n", reopenings.Select(d => d.ToString("dd/MM/yyyy"))),
        });
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        await form.AssertErrorSummaryAsync("EndsOnDay");
        Assert.Equal(0, await fixture.CountAsync($"select count(*) from framework_schemes where procurement_id = '{f.Tender.Id}'"));

        var lastDay = first.AddYears(8).AddDays(-1);
        var made = await officer.PostFormAsync(page, new()
        {
            ["Kind"] = "OpenFramework", ["EndsOnDay"] = lastDay.Day.ToString(), ["EndsOnMonth"] = lastDay.Month.ToString(), ["EndsOnYear"] = lastDay.Year.ToString(),
            ["Reopenings"] = string.Join("\n", reopenings.Select(d => d.ToString("dd/MM/yyyy"))),
        });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        Assert.Contains(OpenFrameworkSchedule.Day(reopenings[0]), WebUtility.HtmlDecode(await officer.GetStringAsync(page)));
        var view = await OkJsonAsync(await f.Tender.Officer.GetAsync(scheme));
        Assert.Equal(lastDay, DateOnly.Parse(view.GetProperty("endsOn").GetString()!));
    }

    [Fact]
    public async Task Another_tenants_scheme_answers_404_on_the_page_and_the_api()
    {
        var f = await fixture.AwardedFrameworkAsync(1);
        var first = FirstAward(f);
        await OkJsonAsync(await f.Tender.Officer.PostAsJsonAsync($"{f.Api}/procurements/{f.Tender.Id}/scheme",
            new { kind = "OpenFramework", endsOn = first.AddYears(5), reopenings = new[] { first.AddYears(2) } }), HttpStatusCode.Created);

        var other = await fixture.CreateTenantAsync("Blackburn with Darwen Borough Council");
        var stranger = await fixture.CreateUserAsync(other, Role.ProcurementOfficer);
        var api = await fixture.BearerClientAsync(stranger.Email!);
        var pages = await fixture.PageClientAsync(stranger.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/t/{other.Slug}/procurements/{f.Tender.Id}/scheme")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync($"/api/v1/t/{other.Slug}/procurements/{f.Tender.Id}/scheme/rounds", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/{other.Slug}/procurements/{f.Tender.Id}/scheme")).StatusCode);
        Assert.Equal(0, await fixture.CountAsync($"select count(*) from scheme_rounds r join framework_schemes s on s.id = r.scheme_id where s.procurement_id = '{f.Tender.Id}'"));
    }

    [Fact]
    public async Task The_reopening_job_warns_the_officers_once_when_run_twice_and_the_dashboard_shows_it()
    {
        var f = await fixture.AwardedFrameworkAsync(1);
        var first = FirstAward(f);
        var reopening = first.AddDays(30);
        await OkJsonAsync(await f.Tender.Officer.PostAsJsonAsync($"{f.Api}/procurements/{f.Tender.Id}/scheme",
            new { kind = "OpenFramework", endsOn = first.AddYears(5), reopenings = new[] { reopening } }), HttpStatusCode.Created);
        var officer = await fixture.OfficerEmailAsync(f);

        await fixture.RunJobAsync<SchemeReopeningWarnings>(j => j.RunAsync(CancellationToken.None));
        await fixture.RunJobAsync<SchemeReopeningWarnings>(j => j.RunAsync(CancellationToken.None));

        Assert.Equal(1, await fixture.OutboxCountAsync(officer, "scheme-reopening-due"));
        var attention = await OkJsonAsync(await f.Tender.Officer.GetAsync($"{f.Api}/attention"));
        var item = Assert.Single(attention.EnumerateArray(), i => i.GetProperty("kind").GetString() == "reopening-due");
        Assert.Contains(OpenFrameworkSchedule.Day(reopening), item.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_dynamic_market_admits_and_refuses_applications_with_reasons_and_keeps_each_providers_application_its_own()
    {
        var f = await fixture.AwardedFrameworkAsync(1);
        var first = FirstAward(f);
        var scheme = $"{f.Api}/procurements/{f.Tender.Id}/scheme";
        var made = await OkJsonAsync(await f.Tender.Officer.PostAsJsonAsync(scheme, new
        {
            kind = "DynamicMarket", endsOn = first.AddYears(4), conditionsOfMembership = "CQC registration rated Good or better; £5m public liability insurance.",
        }), HttpStatusCode.Created);
        var market = $"{f.Api}/dynamic-markets/{made.GetProperty("id").GetGuid()}";
        var burnley = await fixture.ProviderAsync("Burnley Homecare Ltd");
        var accrington = await fixture.ProviderAsync("Accrington Support Ltd");
        var lot = (await OkJsonAsync(await burnley.Client.GetAsync(market))).GetProperty("lots")[0];
        var ceilings = lot.GetProperty("bands").EnumerateArray().ToDictionary(b => b.GetProperty("code").GetString()!, b => b.GetProperty("ceilingRate").GetDecimal());
        object Application(decimal over = 0m) => new
        {
            lots = new[] { new { lotId = f.LotId, rates = ceilings.ToDictionary(c => c.Key, c => c.Value - 0.25m + over) } },
            statement = "Registered with the CQC (rated Good, 2025) and insured to £10m.",
        };

        var tooHigh = await burnley.Client.PostAsJsonAsync($"{market}/applications", Application(over: 0.26m));
        Assert.Equal(HttpStatusCode.BadRequest, tooHigh.StatusCode);
        Assert.Contains("above the ceiling", await tooHigh.Content.ReadAsStringAsync());
        Assert.Equal(0, await fixture.CountAsync($"select count(*) from market_applications where provider_id = '{burnley.Organisation.Id}'"));

        var applied = await OkJsonAsync(await burnley.Client.PostAsJsonAsync($"{market}/applications", Application()), HttpStatusCode.Created);
        var burnleyApplication = applied.GetProperty("id").GetGuid();
        var refusedApplication = (await OkJsonAsync(await accrington.Client.PostAsJsonAsync($"{market}/applications", Application()), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await accrington.Client.GetAsync($"{market}/applications/{burnleyApplication}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await burnley.Client.GetAsync($"{market}/applications/{burnleyApplication}")).StatusCode);

        var noReasons = await f.Tender.Officer.PostAsJsonAsync($"{scheme}/applications/{burnleyApplication}/decision", new { decision = "Admitted", reasons = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReasons.StatusCode);
        Assert.Contains("Reasons", await noReasons.Content.ReadAsStringAsync());

        var admitted = await OkJsonAsync(await f.Tender.Officer.PostAsJsonAsync($"{scheme}/applications/{burnleyApplication}/decision",
            new { decision = "Admitted", reasons = "Meets every condition: CQC Good and insurance evidenced." }));
        Assert.Equal("Admitted", admitted.GetProperty("status").GetString());
        var refused = await OkJsonAsync(await f.Tender.Officer.PostAsJsonAsync($"{scheme}/applications/{refusedApplication}/decision",
            new { decision = "Refused", reasons = "No CQC rating yet: the service was registered last month." }));
        Assert.Equal("Refused", refused.GetProperty("status").GetString());

        await using var db = fixture.SuperuserDb(f.Tender.Tenant.Id);
        var member = await db.FrameworkMembers.SingleAsync(m => m.LotId == f.LotId && m.ProviderId == burnley.Organisation.Id);
        Assert.Equal(MemberStatus.Active, member.Status);
        var contract = await db.Contracts.SingleAsync(c => c.Id == member.ContractId);
        Assert.Equal(ceilings.ToDictionary(c => c.Key, c => c.Value - 0.25m), contract.Rates.ToDictionary(r => r.BandCode, r => r.Rate));
        Assert.False(await db.FrameworkMembers.AnyAsync(m => m.ProviderId == accrington.Organisation.Id));
        Assert.Equal(1, await fixture.OutboxCountAsync(burnley.User.Email!, "market-application-admitted"));
        Assert.Equal(1, await fixture.OutboxCountAsync(accrington.User.Email!, "market-application-refused"));
        Assert.Equal(1, await fixture.CountAsync($"select count(*) from audit_events where action = 'market.refused' and summary like '%No CQC rating yet%'"));

        var again = await f.Tender.Officer.PostAsJsonAsync($"{scheme}/applications/{refusedApplication}/decision", new { decision = "Admitted", reasons = "Changed our mind." });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task A_provider_applies_on_the_dynamic_market_page_and_an_officer_decides_on_the_application_page_with_reasons()
    {
        var f = await fixture.AwardedFrameworkAsync(1);
        var made = await OkJsonAsync(await f.Tender.Officer.PostAsJsonAsync($"{f.Api}/procurements/{f.Tender.Id}/scheme", new
        {
            kind = "DynamicMarket", endsOn = FirstAward(f).AddYears(4), conditionsOfMembership = "CQC registration rated Good or better.",
        }), HttpStatusCode.Created);
        var provider = await fixture.ProviderAsync("Rossendale Home Support Ltd");
        var providerPages = await fixture.PageClientAsync(provider.User.Email!);
        var market = $"/{f.Tender.Slug}/dynamic-markets/{made.GetProperty("id").GetGuid()}";
        var html = WebUtility.HtmlDecode(await providerPages.GetStringAsync(market));
        Assert.Contains("CQC registration rated Good or better.", html);
        var bands = made.GetProperty("lots")[0].GetProperty("bands").EnumerateArray()
            .ToDictionary(b => b.GetProperty("code").GetString()!, b => b.GetProperty("ceilingRate").GetDecimal());
        Dictionary<string, string> Fields(decimal add) => bands
            .ToDictionary(b => $"Rates[{f.LotId}:{b.Key}]", b => (b.Value + add).ToString("0.00"))
            .Concat(new Dictionary<string, string> { ["ProviderId"] = provider.Organisation.Id.ToString(), ["LotIds"] = f.LotId.ToString(), ["Statement"] = "Rated Good in 2025." })
            .ToDictionary();

        var tooHigh = await providerPages.PostFormAsync($"{market}/applications", Fields(0.01m), market);
        Assert.Equal(HttpStatusCode.OK, tooHigh.StatusCode);
        Assert.Contains("above the ceiling", WebUtility.HtmlDecode(await tooHigh.Content.ReadAsStringAsync()));
        var sent = await providerPages.PostFormAsync($"{market}/applications", Fields(-0.50m), market);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var yours = sent.Headers.Location!.OriginalString;
        Assert.Contains("Pending", await providerPages.GetStringAsync(yours));

        var officer = await fixture.PageClientAsync(await fixture.OfficerEmailAsync(f));
        var schemePage = $"/{f.Tender.Slug}/procurements/{f.Tender.Id}/scheme";
        Assert.Contains("Rossendale Home Support Ltd", WebUtility.HtmlDecode(await officer.GetStringAsync(schemePage)));
        var applicationId = yours.Split('/', '?')[5];
        var page = $"{schemePage}/applications/{applicationId}";
        var blank = await officer.PostFormAsync($"{page}/decision", new() { ["Decision"] = "Refused", ["Reasons"] = "" }, page);
        await blank.AssertErrorSummaryAsync("Reasons");
        var decided = await officer.PostFormAsync($"{page}/decision", new() { ["Decision"] = "Refused", ["Reasons"] = "The CQC rating is Requires Improvement." }, page);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Contains("The CQC rating is Requires Improvement.", WebUtility.HtmlDecode(await providerPages.GetStringAsync(yours)));
    }

    private sealed record MemberRow(Guid Id, Guid LotId, Guid ProviderId, int? Rank, decimal TotalScore, Guid ContractId, MemberStatus Status);

    private async Task<List<MemberRow>> MembersAsync(Tender tender)
    {
        await using var db = fixture.SuperuserDb(tender.Tenant.Id);
        return await db.FrameworkMembers.Where(m => m.ProcurementId == tender.Id)
            .Select(m => new MemberRow(m.Id, m.LotId, m.ProviderId, m.Rank, m.TotalScore, m.ContractId, m.Status)).ToListAsync();
    }

    private async Task<DateOnly> FirstAwardAsync(Tender tender)
    {
        await using var db = fixture.SuperuserDb(tender.Tenant.Id);
        return await db.FrameworkAgreements.Where(a => a.ProcurementId == tender.Id).MinAsync(a => a.StartsOn);
    }

    /// <summary>The helper's agreements start on the day it ran (their end is 3 years on, less a day).</summary>
    private static DateOnly FirstAward(AwardedFramework f) => f.EndsOn.AddDays(1).AddYears(-3);

    private async Task AssertCopiedAsync(Guid sourceId, Guid roundId)
    {
        await using var db = fixture.SuperuserDb();
        var source = await db.Procurements.IgnoreQueryFilters().Include(p => p.Lots).ThenInclude(l => l.Bands).Include(p => p.Sections).ThenInclude(s => s.Questions).SingleAsync(p => p.Id == sourceId);
        var round = await db.Procurements.IgnoreQueryFilters().Include(p => p.Lots).ThenInclude(l => l.Bands).Include(p => p.Sections).ThenInclude(s => s.Questions).SingleAsync(p => p.Id == roundId);
        Assert.Equal(source.Lots.Select(l => (l.Number, l.Name)).Order(), round.Lots.Select(l => (l.Number, l.Name)).Order());
        Assert.Equal(source.Lots.SelectMany(l => l.Bands).Select(b => (b.Code, b.CeilingRate, b.ExpectedAnnualVolume)).Order(),
            round.Lots.SelectMany(l => l.Bands).Select(b => (b.Code, b.CeilingRate, b.ExpectedAnnualVolume)).Order());
        Assert.Equal(source.Sections.SelectMany(s => s.Questions).Select(q => (q.Text, q.Type, q.Weight, q.MinimumScore)).Order(),
            round.Sections.SelectMany(s => s.Questions).Select(q => (q.Text, q.Type, q.Weight, q.MinimumScore)).Order());
        Assert.Equal((source.PriceWeight, source.PriceFormula), (round.PriceWeight, round.PriceFormula));
    }
}
