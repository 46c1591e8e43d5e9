using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.IntegrationTests.Award;
using ProcurementPortal.IntegrationTests.Bids;
using ProcurementPortal.IntegrationTests.Support;
using static ProcurementPortal.IntegrationTests.Award.AwardTestSupport;

namespace ProcurementPortal.IntegrationTests.Framework;

[Collection(PortalCollection.Name)]
public sealed class FrameworkPagesTests(PortalFixture fixture)
{
    [Fact]
    public async Task The_end_of_the_standstill_makes_each_appointed_provider_an_active_member_with_its_rank_score_and_contract_rates()
    {
        var (closed, _, _) = await fixture.RankedAsync();
        await fixture.NoticePublishedAsync(closed);
        await fixture.StandstillEndedAsync(closed);
        await fixture.StandstillEndedAsync(closed);

        await using var db = fixture.SuperuserDb(closed.Tender.Tenant.Id);
        var appointed = await db.AwardedBids.Where(b => b.ProcurementId == closed.Tender.Id && b.Appointed).ToListAsync();
        var members = await db.FrameworkMembers.Where(m => m.ProcurementId == closed.Tender.Id).ToListAsync();
        Assert.NotEmpty(appointed);
        Assert.Equal(appointed.Count, members.Count);
        foreach (var bid in appointed)
        {
            var member = Assert.Single(members, m => m.LotId == bid.LotId && m.ProviderId == bid.ProviderId);
            Assert.Equal(MemberStatus.Active, member.Status);
            Assert.Equal(bid.Rank, member.Rank);
            Assert.Equal(bid.TotalScore, member.TotalScore);
            var contract = await db.Contracts.SingleAsync(c => c.Id == member.ContractId);
            Assert.Equal(bid.LotId, contract.LotId);
        }

        var view = await OkJsonAsync(await closed.Tender.Officer.GetAsync($"/api/v1/t/{closed.Tender.Slug}/procurements/{closed.Tender.Id}/framework"));
        var lot = view.GetProperty("lots")[0];
        Assert.NotEmpty(lot.GetProperty("members")[0].GetProperty("rates").EnumerateArray());
    }

    [Fact]
    public async Task An_officer_suspends_a_member_on_the_framework_page_and_must_give_a_reason()
    {
        var f = await fixture.AwardedFrameworkAsync(2);
        var officer = await fixture.PageClientAsync(await fixture.OfficerEmailAsync(f));
        var page = $"/{f.Tender.Slug}/procurements/{f.Tender.Id}/framework";
        var html = WebUtility.HtmlDecode(await officer.GetStringAsync(page));
        Assert.Contains(f.Members[0].Provider.Organisation.Name, html);
        Assert.Contains("£15.75", html);

        var suspend = $"{page}/members/{f.Members[1].MemberId}/suspend";
        var blank = await officer.PostFormAsync(suspend, new() { ["Reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        await blank.AssertErrorSummaryAsync("Reason");
        var done = await officer.PostFormAsync(suspend, new() { ["Reason"] = "Safeguarding investigation open" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        html = WebUtility.HtmlDecode(await officer.GetStringAsync(page));
        Assert.Contains("Safeguarding investigation open", html);
        var reinstate = await officer.PostFormAsync($"{page}/members/{f.Members[1].MemberId}/reinstate", new(), page);
        Assert.Equal(HttpStatusCode.Redirect, reinstate.StatusCode);
        await using var db = fixture.SuperuserDb(f.Tender.Tenant.Id);
        Assert.Equal(MemberStatus.Active, (await db.FrameworkMembers.SingleAsync(m => m.Id == f.Members[1].MemberId)).Status);
    }

    [Fact]
    public async Task An_officer_posts_a_package_on_the_page_a_provider_offers_from_its_dashboard_and_a_late_offer_shows_its_time()
    {
        var f = await fixture.AwardedFrameworkAsync(2);
        var officer = await fixture.PageClientAsync(await fixture.OfficerEmailAsync(f));
        var form = $"/{f.Tender.Slug}/procurements/{f.Tender.Id}/package-requests/new";
        var start = DateTime.UtcNow.AddDays(10);
        var fields = new Dictionary<string, string>
        {
            ["LotId"] = f.LotId.ToString(), ["BandCode"] = "B2", ["PostcodeDistrict"] = "BB11", ["HoursPerWeek"] = "12.5",
            ["StartsOnDay"] = start.Day.ToString(), ["StartsOnMonth"] = start.Month.ToString(), ["StartsOnYear"] = start.Year.ToString(),
            ["Requirements"] = "Two calls a day", ["CaseReference"] = "ASC-77", ["ResponseWindowHours"] = "24",
        };
        var wrong = await officer.PostFormAsync(form, new(fields) { ["PostcodeDistrict"] = "BB11 1AA" });
        await wrong.AssertErrorSummaryAsync("PostcodeDistrict");
        var posted = await officer.PostFormAsync(form, fields);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var show = posted.Headers.Location!.OriginalString;
        Assert.Contains("Offers are sealed until the window closes", await officer.GetStringAsync(show));
        var id = Guid.Parse(show[(show.LastIndexOf('/') + 1)..]);

        var provider = f.Members[0].Provider;
        var attention = await OkJsonAsync(await provider.Client.GetAsync($"/api/v1/providers/{provider.Organisation.Id}/attention"));
        var item = Assert.Single(attention.EnumerateArray(), i => i.GetProperty("kind").GetString() == "package-request");
        var respond = item.GetProperty("href").GetString()!;
        var providerPages = await fixture.PageClientAsync(provider.User.Email!);
        var html = WebUtility.HtmlDecode(await providerPages.GetStringAsync(respond));
        Assert.Contains("£15.75 an hour", html);
        Assert.DoesNotContain("ASC-77", html);

        var offer = $"/{f.Tender.Slug}/package-requests/{id}/offer";
        var offerFields = new Dictionary<string, string>
        {
            ["ProviderId"] = provider.Organisation.Id.ToString(),
            ["CanStartOnDay"] = start.Day.ToString(), ["CanStartOnMonth"] = start.Month.ToString(), ["CanStartOnYear"] = start.Year.ToString(), ["HourlyRate"] = "16.00",
        };
        var tooDear = await providerPages.PostFormAsync(offer, offerFields, respond);
        await tooDear.AssertErrorSummaryAsync("HourlyRate");

        await fixture.CloseWindowAsync(id);
        var lateProvider = f.Members[1].Provider;
        var latePages = await fixture.PageClientAsync(lateProvider.User.Email!);
        var lateRespond = $"/{f.Tender.Slug}/package-requests/{id}/response?providerId={lateProvider.Organisation.Id}";
        await fixture.SqlAsync("update package_requests set closes_at = now() + interval '1 hour' where id = @id", ("id", id));
        var lateForm = await latePages.GetStringAsync(lateRespond);
        Assert.Contains("Make the offer", lateForm);
        await fixture.CloseWindowAsync(id);
        var token = System.Text.RegularExpressions.Regex.Match(lateForm, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var late = await latePages.PostAsync(offer, new FormUrlEncodedContent(new Dictionary<string, string>(offerFields)
        {
            ["ProviderId"] = lateProvider.Organisation.Id.ToString(), ["HourlyRate"] = "15.00", ["__RequestVerificationToken"] = token,
        }));
        // The page was read while open; the post arrives after the close and is refused with both times.
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var lateHtml = WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync());
        Assert.Contains("Your response was not accepted", lateHtml);
        Assert.Contains("after it closed", lateHtml);
        Assert.Equal(0, await fixture.CountAsync($"select count(*) from package_responses where package_request_id = '{id}'"));
    }
}
