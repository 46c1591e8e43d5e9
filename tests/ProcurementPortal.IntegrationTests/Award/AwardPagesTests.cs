using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Calendar;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Jobs;
using ProcurementPortal.IntegrationTests.Bids;
using ProcurementPortal.IntegrationTests.Evaluation;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.Web.Features.Award;
using static ProcurementPortal.IntegrationTests.Award.AwardTestSupport;

namespace ProcurementPortal.IntegrationTests.Award;

/// <summary>The award pages over the award handlers, the contract register pages, the provider's letters and the tenant's non-working days.</summary>
[Collection(PortalCollection.Name)]
public sealed class AwardPagesTests(PortalFixture fixture)
{
    private async Task<HttpClient> CookieUserAsync(Organisation organisation, params Role[] roles) =>
        await fixture.CookieClientAsync((await fixture.CreateUserAsync(organisation, roles)).Email!);

    private static string Award(ClosedTender closed) => $"{closed.Pages}/award";

    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        return WebUtility.HtmlDecode(html);
    }

    private static void Redirected(HttpResponseMessage response, string to)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(to, response.Headers.Location?.OriginalString);
    }

    /// <summary>Awarded at the end of the standstill: the contracts exist.</summary>
    private async Task<ClosedTender> AwardedAsync()
    {
        var (closed, _, _) = await fixture.RankedAsync();
        await fixture.LettersSentAsync(closed);
        await OkJsonAsync(await closed.Tender.Officer.PostAsync($"{closed.Api}/award/notice", null));
        await fixture.SqlAsync("update awards set standstill_ends_at = now() - interval '1 second' where procurement_id = @id", ("id", closed.Tender.Id));
        await fixture.RunJobAsync<StandstillJob>(j => j.RunAsync(closed.Tender.Tenant.Id, closed.Tender.Id, CancellationToken.None));
        return closed;
    }

    [Fact]
    public async Task Officer_recommends_approver_approves_and_the_officer_sends_letters_publishes_the_notice_and_records_a_challenge_in_the_pages()
    {
        var (closed, scoringApprover, _) = await fixture.RankedAsync();
        var officer = await CookieUserAsync(closed.Tender.Tenant, Role.ProcurementOfficer);
        var award = await closed.Tender.Officer.GetFromJsonAsync<JsonElement>($"{closed.Api}/award");
        var lots = award.GetProperty("lots").EnumerateArray().ToList();
        Guid BidOf(JsonElement lot, string provider) =>
            lot.GetProperty("bids").EnumerateArray().Single(b => b.GetProperty("providerName").GetString() == provider).GetProperty("bidId").GetGuid();
        Dictionary<string, string> Form(string provider, string reason) => new()
        {
            ["Lots[0].LotId"] = lots[0].GetProperty("lotId").GetGuid().ToString(), ["Lots[0].AppointedBidIds"] = BidOf(lots[0], provider).ToString(), ["Lots[0].Reason"] = reason,
            ["Lots[1].LotId"] = lots[1].GetProperty("lotId").GetGuid().ToString(), ["Lots[1].AppointedBidIds"] = BidOf(lots[1], "Ribble Care").ToString(), ["Lots[1].Reason"] = "",
            ["Regime"] = "ProcurementAct2023",
        };

        var overview = await PageAsync(officer, Award(closed));
        Assert.Contains("Not recorded yet: the ranking's recommendation is shown", overview);
        var refused = await officer.PostFormAsync($"{Award(closed)}/recommendation", Form("Pendle Support", ""));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("govuk-error-summary", refusedPage);
        Assert.Contains("href=\"#Lots[0]_Reason\"", refusedPage);
        Assert.Contains("Lot 1: give your reasons", refusedPage);
        Redirected(await officer.PostFormAsync($"{Award(closed)}/recommendation", Form("Ribble Care", "")), Award(closed));

        var scorer = await fixture.CookieClientAsync(scoringApprover.User.Email!);
        var refusal = await PageAsync(scorer, $"{Award(closed)}/decision");
        Assert.Contains("You evaluated bids in this procurement, so you cannot approve or reject its award", refusal);
        Assert.DoesNotContain("Record the decision", refusal);
        var approver = await CookieUserAsync(closed.Tender.Tenant, Role.Approver);
        var noComment = await approver.PostFormAsync($"{Award(closed)}/decision", new() { ["Decision"] = "Rejected", ["Comments"] = "" });
        Assert.Contains("Say why you reject the award recommendation", await noComment.Content.ReadAsStringAsync());
        Redirected(await approver.PostFormAsync($"{Award(closed)}/decision", new() { ["Decision"] = "Approved", ["Comments"] = "Agreed at the panel." }), Award(closed));
        Assert.Contains("Agreed at the panel.", await PageAsync(officer, Award(closed)));

        var yesterday = DateTime.UtcNow.AddDays(-1);
        var past = await officer.PostFormAsync($"{Award(closed)}/letters",
            new() { ["NoticeOnDay"] = $"{yesterday.Day}", ["NoticeOnMonth"] = $"{yesterday.Month}", ["NoticeOnYear"] = $"{yesterday.Year}" }, Award(closed));
        await past.AssertErrorSummaryAsync("NoticeOnDay");
        Assert.Contains("cannot be published before today", await past.Content.ReadAsStringAsync());
        Assert.Equal(0L, await fixture.CountAsync($"select count(*) from awards where procurement_id = '{closed.Tender.Id}' and letters_total > 0"));
        var planned = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20));
        Redirected(await officer.PostFormAsync($"{Award(closed)}/letters",
            new() { ["NoticeOnDay"] = $"{planned.Day}", ["NoticeOnMonth"] = $"{planned.Month}", ["NoticeOnYear"] = $"{planned.Year}" }, Award(closed)), Award(closed));
        Assert.Equal(1L, await fixture.CountAsync($"select count(*) from awards where procurement_id = '{closed.Tender.Id}' and planned_notice_on = '{planned:yyyy-MM-dd}'"));
        Assert.Matches(@"\d of 4 written and sent", await PageAsync(officer, Award(closed)));
        await fixture.RunJobAsync<AwardLettersJob>(j => j.RunAsync(closed.Tender.Tenant.Id, closed.Tender.Id, CancellationToken.None));
        var sent = await PageAsync(officer, Award(closed));
        Assert.Contains("4 of 4 written and sent", sent);

        Redirected(await officer.PostFormAsync($"{Award(closed)}/notice", new(), Award(closed)), Award(closed));
        var standstill = await PageAsync(officer, Award(closed));
        var ends = (await closed.Tender.Officer.GetFromJsonAsync<JsonElement>($"{closed.Api}/award")).GetProperty("standstillEndsLondon").GetString()!;
        Assert.StartsWith("midnight at the end of ", ends);
        Assert.Contains($"At {ends} (UK time)", standstill);

        var empty = await officer.PostFormAsync($"{Award(closed)}/challenge", new() { ["Details"] = "" });
        Assert.Contains("Describe the challenge", await empty.Content.ReadAsStringAsync());
        Redirected(await officer.PostFormAsync($"{Award(closed)}/challenge", new() { ["Details"] = "Pendle Support issued a claim in the High Court." }), Award(closed));
        Assert.Contains("Pendle Support issued a claim in the High Court.", await PageAsync(officer, Award(closed)));
        var audit = await fixture.AuditChainAsync(closed.Tender.Tenant.Id);
        Assert.Contains(audit, e => e.Action == "award.approved");
        Assert.Contains(audit, e => e.Action == "award.challenge_recorded");
    }

    [Fact]
    public async Task The_contract_register_page_filters_sorts_exports_and_shows_each_contract()
    {
        var closed = await AwardedAsync();
        var officer = await CookieUserAsync(closed.Tender.Tenant, Role.ProcurementOfficer);
        var contracts = await closed.Tender.Officer.GetFromJsonAsync<JsonElement>($"/api/v1/t/{closed.Tender.Slug}/contracts?sort=reference");
        var references = contracts.EnumerateArray().Select(c => c.GetProperty("reference").GetString()!).ToList();
        Assert.Equal(2, references.Count);

        var register = await PageAsync(officer, $"/{closed.Tender.Slug}/contracts?sort=reference");
        Assert.True(register.IndexOf(references[0], StringComparison.Ordinal) < register.IndexOf(references[1], StringComparison.Ordinal));
        var lot2 = await PageAsync(officer, $"/{closed.Tender.Slug}/contracts?lot=Lot+2");
        Assert.Contains("1 contract(s)", lot2);
        Assert.Contains("contracts.csv?provider=&lot=Lot%202&sort=ends", lot2);
        var csv = await officer.GetStringAsync($"/{closed.Tender.Slug}/contracts/contracts.csv?lot=Lot%202");
        Assert.Equal(2, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("Ribble Care", csv);

        var id = contracts[0].GetProperty("id").GetGuid();
        var detail = await PageAsync(officer, $"/{closed.Tender.Slug}/contracts/{id}");
        Assert.Contains(references[0], detail);
        Assert.Contains("Agreed band rates", detail);
        Assert.Contains("Ribble Care", detail);
        var api = await OkJsonAsync(await closed.Tender.Officer.GetAsync($"/api/v1/t/{closed.Tender.Slug}/contracts/{id}"));
        Assert.Equal(references[0], api.GetProperty("contract").GetProperty("reference").GetString());

        var other = await fixture.CreateTenantAsync("Leeds City Council");
        var stranger = await CookieUserAsync(other, Role.ProcurementOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/{other.Slug}/contracts/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_provider_reads_its_letters_in_its_inbox_and_cannot_reach_another_providers_letter()
    {
        var (closed, _, _) = await fixture.RankedAsync();
        await fixture.LettersSentAsync(closed);
        var pendle = closed.Providers["Pendle Support"];
        var ribble = closed.Providers["Ribble Care"];
        var pendlePages = await fixture.CookieClientAsync(pendle.User.Email!);

        var inbox = await PageAsync(pendlePages, $"/providers/{pendle.Organisation.Id}/letters");
        Assert.Contains("2 letter(s)", inbox);
        Assert.Contains("Lancashire County Council", inbox);
        Assert.Contains("Unsuccessful", inbox);
        var api = await OkJsonAsync(await pendle.Client.GetAsync($"/api/v1/providers/{pendle.Organisation.Id}/letters"));
        Assert.Equal(2, api.GetArrayLength());
        var download = api[0].GetProperty("downloadUrl").GetString()!;
        Assert.Contains(download, inbox);
        var pdf = await pendlePages.GetByteArrayAsync(download);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var perOpportunity = await PageAsync(pendlePages, $"/{closed.Tender.Slug}/opportunities/{closed.Tender.Id}/letters");
        Assert.Contains(download, perOpportunity);

        // The provider lock: Ribble's letter through Pendle's session, and Ribble's inbox, are not found.
        var ribbleLetters = await OkJsonAsync(await ribble.Client.GetAsync($"/api/v1/providers/{ribble.Organisation.Id}/letters"));
        var ribbleDownload = ribbleLetters[0].GetProperty("downloadUrl").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await (await fixture.CookieClientAsync(ribble.User.Email!)).GetAsync(ribbleDownload)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pendlePages.GetAsync(ribbleDownload)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pendlePages.GetAsync($"/providers/{ribble.Organisation.Id}/letters")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pendle.Client.GetAsync($"/api/v1/providers/{ribble.Organisation.Id}/letters")).StatusCode);
    }

    [Fact]
    public async Task A_non_working_day_the_tenant_admin_adds_moves_the_standstill_end_and_is_audited()
    {
        var (closed, _, _) = await fixture.RankedAsync();
        await fixture.LettersSentAsync(closed);
        var adminUser = await fixture.CreateUserAsync(closed.Tender.Tenant, Role.TenantAdmin);
        var admin = await fixture.BearerClientAsync(adminUser.Email!);
        var now = DateTime.UtcNow;
        var extra = WorkingCalendar.Shipped.NextWorkingDayOnOrAfter(Standstill.LondonDay(now).AddDays(1));
        var shipped = Standstill.EndOf(StandstillRegime.ProcurementAct2023, now, now, WorkingCalendar.Shipped);
        var moved = Standstill.EndOf(StandstillRegime.ProcurementAct2023, now, now, new WorkingCalendar([extra]));
        Assert.True(moved.EndsAtUtc > shipped.EndsAtUtc);

        var added = await OkJsonAsync(await admin.PostAsJsonAsync($"/api/v1/t/{closed.Tender.Slug}/non-working-days", new { day = extra, name = "Royal occasion" }), HttpStatusCode.Created);
        var again = await admin.PostAsJsonAsync($"/api/v1/t/{closed.Tender.Slug}/non-working-days", new { day = extra, name = "Royal occasion" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.False((await closed.Tender.Officer.PostAsJsonAsync($"/api/v1/t/{closed.Tender.Slug}/non-working-days", new { day = extra, name = "Not an admin" })).IsSuccessStatusCode);
        var standstill = await OkJsonAsync(await closed.Tender.Officer.PostAsync($"{closed.Api}/award/notice", null));

        Assert.Equal(moved.EndsAtUtc, standstill.GetProperty("standstillEndsAtUtc").GetDateTimeOffset().UtcDateTime);
        var audit = await fixture.AuditChainAsync(closed.Tender.Tenant.Id);
        Assert.Contains(audit, e => e.Action == "calendar.non_working_day_added" && e.Summary!.Contains("Royal occasion"));

        // The page: the day is listed; a date that is not real is refused with the error on the date; removing is audited.
        var page = await fixture.CookieClientAsync(adminUser.Email!);
        var here = $"/{closed.Tender.Slug}/admin/non-working-days";
        Assert.Contains("Royal occasion", await PageAsync(page, here));
        var wrong = await page.PostFormAsync(here, new() { ["DateDay"] = "31", ["DateMonth"] = "2", ["DateYear"] = "2027", ["Name"] = "No such day" });
        Assert.Contains("href=\"#DateDay\"", await wrong.Content.ReadAsStringAsync());
        Redirected(await page.PostFormAsync($"{here}/{added.GetProperty("id").GetGuid()}/remove", new(), here), here);
        Assert.DoesNotContain("Royal occasion", await PageAsync(page, here));
        Assert.Contains(await fixture.AuditChainAsync(closed.Tender.Tenant.Id), e => e.Action == "calendar.non_working_day_removed");
    }

    [Fact]
    public async Task The_contract_owner_is_reminded_once_before_each_extension_options_decision_date()
    {
        var closed = await AwardedAsync();
        await fixture.SqlAsync("update contracts set extension_options = '2 + 1 years' where procurement_id = @id", ("id", closed.Tender.Id));
        var contracts = await closed.Tender.Officer.GetFromJsonAsync<JsonElement>($"/api/v1/t/{closed.Tender.Slug}/contracts");
        var endsOn = DateOnly.Parse(contracts[0].GetProperty("endsOn").GetString()!);
        var secondDecision = endsOn.AddDays(1).AddMonths(24).AddDays(-1);
        async Task<int> RemindersAsync(DateOnly today)
        {
            await using (var scope = fixture.App.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<ContractExpiryReminders.TenantReminders>().RunAsync(closed.Tender.Tenant.Id, today, CancellationToken.None);
            }
            await using var db = fixture.SuperuserDb(closed.Tender.Tenant.Id);
            return await db.OutboxMessages.CountAsync(m => m.TenantId == closed.Tender.Tenant.Id && m.Subject.Contains("decide extension option"));
        }

        Assert.Equal(0, await RemindersAsync(endsOn.AddMonths(-3).AddDays(-1)));
        Assert.Equal(2, await RemindersAsync(endsOn.AddMonths(-3)));
        Assert.Equal(2, await RemindersAsync(endsOn.AddMonths(-2)));
        Assert.Equal(2, await RemindersAsync(endsOn));
        Assert.Equal(2, await RemindersAsync(secondDecision.AddMonths(-3).AddDays(-1)));
        Assert.Equal(4, await RemindersAsync(secondDecision.AddMonths(-3)));
        Assert.Equal(4, await RemindersAsync(secondDecision));
        await using (var db = fixture.SuperuserDb(closed.Tender.Tenant.Id))
        {
            var subjects = await db.OutboxMessages.Where(m => m.TenantId == closed.Tender.Tenant.Id && m.Subject.Contains("decide extension option")).Select(m => m.Subject).ToListAsync();
            Assert.Equal(2, subjects.Count(s => s.Contains($"option 1 by {endsOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}")));
            Assert.Equal(2, subjects.Count(s => s.Contains("option 2 by")));
        }
        var detail = await PageAsync(await CookieUserAsync(closed.Tender.Tenant, Role.ProcurementOfficer), $"/{closed.Tender.Slug}/contracts/{contracts[0].GetProperty("id").GetGuid()}");
        Assert.Contains($"Option 2 to be decided by {secondDecision.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}", detail);
    }
}
