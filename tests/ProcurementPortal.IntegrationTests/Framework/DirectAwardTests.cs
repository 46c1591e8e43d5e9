using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.IntegrationTests.Bids;
using ProcurementPortal.IntegrationTests.Support;
using static ProcurementPortal.IntegrationTests.Award.AwardTestSupport;

namespace ProcurementPortal.IntegrationTests.Framework;

[Collection(PortalCollection.Name)]
public sealed class DirectAwardTests(PortalFixture fixture)
{
    private static string DirectAward(AwardedFramework f) => $"{f.Api}/procurements/{f.Tender.Id}/framework/direct-award";

    private static object Need(AwardedFramework f, string rule, object? extra = null) => new Dictionary<string, object?>
    {
        ["lotId"] = f.LotId, ["bandCode"] = "B2", ["hoursPerWeek"] = 14m, ["startsOn"] = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)), ["rule"] = rule,
    }.Concat(extra is null ? [] : JsonSerializer.SerializeToElement(extra).EnumerateObject().Select(p => KeyValuePair.Create<string, object?>(p.Name, p.Value)))
        .ToDictionary();

    private static async Task<JsonElement> ProposeAsync(AwardedFramework f, string rule) =>
        await OkJsonAsync(await f.Tender.Officer.PostAsJsonAsync($"{DirectAward(f)}/proposal", Need(f, rule)));

    private Task<HttpResponseMessage> ConfirmAsync(AwardedFramework f, JsonElement proposal, object? extra = null) =>
        f.Tender.Officer.PostAsJsonAsync(DirectAward(f), new Dictionary<string, object?>((Dictionary<string, object?>)Need(f, proposal.GetProperty("rule").GetString()!, extra))
        {
            ["proposalId"] = proposal.GetProperty("proposalId").GetGuid(),
        });

    private async Task<long> CallOffsAsync(AwardedFramework f) =>
        await fixture.CountAsync($"select count(*) from contracts where framework_agreement_id = '{f.AgreementId}' and lot_id is null");

    private async Task SuspendAsync(AwardedFramework f, Member member) =>
        await OkJsonAsync(await f.Tender.Officer.PostAsJsonAsync($"{f.Api}/procurements/{f.Tender.Id}/framework/members/{member.MemberId}/suspend",
            new { reason = "CQC inspection under way" }));

    /// <summary>Sets a member's framework rate for band B2.</summary>
    private async Task SetB2RateAsync(AwardedFramework f, Member member, decimal rate)
    {
        await using var db = fixture.AppDb(f.Tender.Tenant.Id);
        var contractId = await db.FrameworkMembers.Where(m => m.Id == member.MemberId).Select(m => m.ContractId).SingleAsync();
        var contract = await db.Contracts.SingleAsync(c => c.Id == contractId);
        contract.Rates = contract.Rates.Select(r => r.BandCode == "B2" ? r with { Rate = rate } : r).ToList();
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_rule_skips_a_member_whose_recorded_capacity_less_its_live_call_offs_has_no_room_for_the_package()
    {
        var f = await fixture.AwardedFrameworkAsync(3);
        var capacity = $"{f.Api}/procurements/{f.Tender.Id}/framework/members/{f.Members[0].MemberId}/capacity";
        // Rank 1 can take 20 hours a week: room for one package of 14, not for a second.
        var recorded = await OkJsonAsync(await f.Tender.Officer.PutAsJsonAsync(capacity, new { capacityHoursPerWeek = 20m }));
        Assert.Equal(20m, recorded.GetProperty("capacityHoursPerWeek").GetDecimal());
        var first = await ProposeAsync(f, "HighestRanked");
        Assert.Equal(f.Members[0].Provider.Organisation.Name, first.GetProperty("proposed").GetProperty("providerName").GetString());
        Assert.Contains("with capacity", first.GetProperty("ruleText").GetString());
        Assert.Equal(HttpStatusCode.Created, (await ConfirmAsync(f, first)).StatusCode);

        var second = await ProposeAsync(f, "HighestRanked");
        Assert.Equal(f.Members[1].Provider.Organisation.Name, second.GetProperty("proposed").GetProperty("providerName").GetString());
        var skipped = second.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("memberId").GetGuid() == f.Members[0].MemberId);
        Assert.Equal(6m, skipped.GetProperty("spareHoursPerWeek").GetDecimal());

        // Cleared, the member is no longer skipped; a negative figure is refused and changes nothing.
        Assert.Equal(HttpStatusCode.BadRequest, (await f.Tender.Officer.PutAsJsonAsync(capacity, new { capacityHoursPerWeek = -1m })).StatusCode);
        Assert.Equal(1, await fixture.CountAsync($"select count(*) from framework_members where id = '{f.Members[0].MemberId}' and capacity_hours_per_week = 20"));
        await OkJsonAsync(await f.Tender.Officer.PutAsJsonAsync(capacity, new { capacityHoursPerWeek = (decimal?)null }));
        Assert.Equal(f.Members[0].Provider.Organisation.Name, (await ProposeAsync(f, "HighestRanked")).GetProperty("proposed").GetProperty("providerName").GetString());
        Assert.Equal(2, await fixture.CountAsync($"select count(*) from audit_events where action = 'framework.member_capacity' and entity_id = '{f.Members[0].MemberId}'"));

        var other = await fixture.AwardedFrameworkAsync(1);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Tender.Officer.PutAsJsonAsync(capacity.Replace(f.Tender.Slug, other.Tender.Slug), new { capacityHoursPerWeek = 5m })).StatusCode);
        var page = await fixture.PageClientAsync(await fixture.OfficerEmailAsync(f));
        var form = await page.GetStringAsync($"/{f.Tender.Slug}/procurements/{f.Tender.Id}/framework/members/{f.Members[0].MemberId}/capacity");
        Assert.Contains("Capacity of " + f.Members[0].Provider.Organisation.Name, System.Net.WebUtility.HtmlDecode(form));
    }

    [Fact]
    public async Task The_highest_ranked_rule_proposes_the_top_active_member_and_skips_a_suspended_one()
    {
        var f = await fixture.AwardedFrameworkAsync(3);
        var first = await ProposeAsync(f, "HighestRanked");
        Assert.Equal(f.Members[0].Provider.Organisation.Name, first.GetProperty("proposed").GetProperty("providerName").GetString());
        Assert.Contains("Highest-ranked active member", first.GetProperty("ruleText").GetString());

        await SuspendAsync(f, f.Members[0]);
        var proposal = await ProposeAsync(f, "HighestRanked");
        Assert.Equal(f.Members[1].Provider.Organisation.Name, proposal.GetProperty("proposed").GetProperty("providerName").GetString());
        Assert.DoesNotContain(f.Members[0].MemberId, proposal.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("memberId").GetGuid()));
        Assert.Equal(0, await CallOffsAsync(f));
    }

    [Fact]
    public async Task The_lowest_rate_rule_proposes_the_cheapest_active_member_for_the_band_and_ties_go_to_the_better_rank()
    {
        var f = await fixture.AwardedFrameworkAsync(4);
        // All four are at the £15.75 ceiling: a tie, so rank 1.
        Assert.Equal(f.Members[0].MemberId, (await ProposeAsync(f, "LowestRate")).GetProperty("proposed").GetProperty("memberId").GetGuid());

        await SetB2RateAsync(f, f.Members[3], 14.00m);
        await SetB2RateAsync(f, f.Members[2], 14.00m);
        await SetB2RateAsync(f, f.Members[1], 13.50m);
        await SuspendAsync(f, f.Members[1]);
        // B (13.50) is suspended; C and D tie at 14.00 and C is ranked higher.
        var proposal = await ProposeAsync(f, "LowestRate");
        Assert.Equal(f.Members[2].MemberId, proposal.GetProperty("proposed").GetProperty("memberId").GetGuid());
        Assert.Equal(14.00m, proposal.GetProperty("proposed").GetProperty("hourlyRate").GetDecimal());
        Assert.Contains("Ties go to the member ranked higher", proposal.GetProperty("ruleText").GetString());
    }

    [Fact]
    public async Task Confirming_the_proposal_makes_one_call_off_with_the_weekly_and_annual_value_and_confirming_again_makes_nothing_more()
    {
        var f = await fixture.AwardedFrameworkAsync(2);
        var proposal = await ProposeAsync(f, "HighestRanked");
        var made = await OkJsonAsync(await ConfirmAsync(f, proposal), HttpStatusCode.Created);
        var winner = f.Members[0];
        // 14 hours × £15.75 = £220.50 a week; × 52 = £11,466.00 a year.
        Assert.Equal(winner.Provider.Organisation.Id, made.GetProperty("providerId").GetGuid());
        Assert.Equal(f.AgreementId, made.GetProperty("frameworkAgreementId").GetGuid());
        Assert.Equal(11_466.00m, made.GetProperty("annualValue").GetDecimal());
        var startsOn = DateOnly.Parse(made.GetProperty("startsOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Math.Round(220.50m * (f.EndsOn.DayNumber - startsOn.DayNumber + 1) / 7m, 2, MidpointRounding.AwayFromZero), made.GetProperty("value").GetDecimal());
        Assert.Equal(15.75m, Assert.Single(made.GetProperty("rates").EnumerateArray()).GetProperty("rate").GetDecimal());

        var again = await OkJsonAsync(await ConfirmAsync(f, proposal));
        Assert.Equal(made.GetProperty("id").GetGuid(), again.GetProperty("id").GetGuid());
        Assert.Equal(1, await CallOffsAsync(f));
        Assert.Single(await fixture.AuditChainAsync(f.Tender.Tenant.Id), e => e.Action == "framework.direct_award");
        Assert.Equal(1, await fixture.OutboxCountAsync(winner.Provider.User.Email!, "direct-award"));
        Assert.Equal(0, await fixture.OutboxCountAsync(f.Members[1].Provider.User.Email!, "direct-award"));
    }

    [Fact]
    public async Task Choosing_another_member_needs_a_reason_which_is_kept_in_the_audit()
    {
        var f = await fixture.AwardedFrameworkAsync(3);
        await SuspendAsync(f, f.Members[2]);
        var proposal = await ProposeAsync(f, "HighestRanked");
        var other = f.Members[1];

        var refused = await ConfirmAsync(f, proposal, new { memberId = other.MemberId, reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(f.Members[0].Provider.Organisation.Name, Assert.Single((await refused.FieldErrorsAsync())["Reason"]));
        var suspended = await ConfirmAsync(f, proposal, new { memberId = f.Members[2].MemberId, reason = "They know the family" });
        Assert.Equal(HttpStatusCode.BadRequest, suspended.StatusCode);
        Assert.Contains("MemberId", (await suspended.FieldErrorsAsync()).Keys);
        Assert.Equal(0, await CallOffsAsync(f));
        Assert.DoesNotContain(await fixture.AuditChainAsync(f.Tender.Tenant.Id), e => e.Action == "framework.direct_award");

        var made = await OkJsonAsync(await ConfirmAsync(f, proposal, new { memberId = other.MemberId, reason = "The proposed provider has no carers in Chorley until March" }),
            HttpStatusCode.Created);
        Assert.Equal(other.Provider.Organisation.Id, made.GetProperty("providerId").GetGuid());
        Assert.Equal(1, await CallOffsAsync(f));
        var audit = Assert.Single(await fixture.AuditChainAsync(f.Tender.Tenant.Id), e => e.Action == "framework.direct_award");
        Assert.Contains("no carers in Chorley until March", audit.Summary);
        Assert.Contains(f.Members[0].Provider.Organisation.Name, audit.Summary);
        Assert.Equal(1, await fixture.OutboxCountAsync(other.Provider.User.Email!, "direct-award"));
    }

    [Fact]
    public async Task Another_tenants_officer_gets_404_for_the_proposal_and_the_confirmation()
    {
        var f = await fixture.AwardedFrameworkAsync(1);
        var proposal = await ProposeAsync(f, "HighestRanked");
        var blackburn = await fixture.CreateTenantAsync("Blackburn with Darwen");
        var otherOfficer = await fixture.ApiClientAsync((await fixture.CreateUserAsync(blackburn, Core.Domain.Role.ProcurementOfficer)).Email!);
        var theirs = $"/api/v1/t/{blackburn.Slug}/procurements/{f.Tender.Id}/framework/direct-award";
        Assert.Equal(HttpStatusCode.NotFound, (await otherOfficer.PostAsJsonAsync($"{theirs}/proposal", Need(f, "HighestRanked"))).StatusCode);
        var confirm = new Dictionary<string, object?>((Dictionary<string, object?>)Need(f, "HighestRanked")) { ["proposalId"] = proposal.GetProperty("proposalId").GetGuid() };
        Assert.Equal(HttpStatusCode.NotFound, (await otherOfficer.PostAsJsonAsync(theirs, confirm)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOfficer.PostAsJsonAsync(DirectAward(f), confirm)).StatusCode);
        Assert.Equal(0, await CallOffsAsync(f));
    }

    [Fact]
    public async Task The_officer_proposes_and_confirms_on_the_page_which_states_the_rule_and_the_value_convention()
    {
        var f = await fixture.AwardedFrameworkAsync(2);
        var officer = await fixture.PageClientAsync(await fixture.OfficerEmailAsync(f));
        var page = $"/{f.Tender.Slug}/procurements/{f.Tender.Id}/framework/direct-award";
        var html = WebUtility.HtmlDecode(await officer.GetStringAsync(page));
        Assert.Contains(CallOffValue.Convention, html);
        Assert.Contains("Lowest rate for the need band", html);

        var blank = await officer.PostFormAsync(page, new() { ["LotId"] = f.LotId.ToString(), ["BandCode"] = "B2" });
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        await blank.AssertErrorSummaryAsync("HoursPerWeek");

        var start = DateTime.UtcNow.AddDays(7);
        var need = new Dictionary<string, string>
        {
            ["LotId"] = f.LotId.ToString(), ["BandCode"] = "B2", ["HoursPerWeek"] = "14", ["StartsOnDay"] = start.Day.ToString(),
            ["StartsOnMonth"] = start.Month.ToString(), ["StartsOnYear"] = start.Year.ToString(), ["Rule"] = "HighestRanked",
        };
        var proposed = WebUtility.HtmlDecode(await (await officer.PostFormAsync(page, need)).Content.ReadAsStringAsync());
        Assert.Contains("The proposal", proposed);
        Assert.Contains("£220.50 a week", proposed);
        var proposalId = System.Text.RegularExpressions.Regex.Match(proposed, "name=\"ProposalId\" value=\"([0-9a-f-]+)\"").Groups[1].Value;
        var confirmForm = proposed[proposed.IndexOf($"action=\"{page}/confirm\"", StringComparison.Ordinal)..];
        var token = System.Text.RegularExpressions.Regex.Match(confirmForm, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        Task<HttpResponseMessage> ConfirmOnPage(Member member) => officer.PostAsync($"{page}/confirm", new FormUrlEncodedContent(new Dictionary<string, string>(need)
        {
            ["ProposalId"] = proposalId, ["MemberId"] = member.MemberId.ToString(), ["__RequestVerificationToken"] = token,
        }));

        var noReason = await ConfirmOnPage(f.Members[1]);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        await noReason.AssertErrorSummaryAsync("Reason");
        Assert.Equal(0, await CallOffsAsync(f));

        var done = await ConfirmOnPage(f.Members[0]);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(1, await CallOffsAsync(f));
    }
}
