using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Jobs;
using ProcurementPortal.IntegrationTests.Evaluation;
using ProcurementPortal.IntegrationTests.Support;
using static ProcurementPortal.IntegrationTests.Award.AwardTestSupport;
using ProcurementPortal.Web.Features.Award;
using UglyToad.PdfPig;

namespace ProcurementPortal.IntegrationTests.Award;

/// <summary>Issue 7: recommendation, segregated approval, letters, standstill, contracts and expiry reminders, through the API.</summary>
[Collection(PortalCollection.Name)]
public sealed class AwardTests(PortalFixture fixture)
{
    [Fact]
    public async Task The_approver_who_scored_a_bid_cannot_approve_its_award_and_another_approver_can()
    {
        var (closed, scoringApprover, moderator) = await fixture.RankedAsync();
        var recommended = await OkJsonAsync(await closed.Tender.Officer.PutAsJsonAsync($"{closed.Api}/award/recommendation", new { }));
        Assert.All(recommended.GetProperty("lots").EnumerateArray().Where(l => l.GetProperty("bids").GetArrayLength() > 0), lot => Assert.Equal(["Ribble Care"],
            lot.GetProperty("bids").EnumerateArray().Where(b => b.GetProperty("appointed").GetBoolean()).Select(b => b.GetProperty("providerName").GetString())));

        var refused = await scoringApprover.Client.PostAsJsonAsync($"{closed.Api}/award/decision", new { decision = "Approved" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("You evaluated bids in this procurement", await refused.Content.ReadAsStringAsync());
        await using (var db = fixture.SuperuserDb())
        {
            db.Memberships.Add(new Membership { UserId = moderator.User.Id, OrganisationId = closed.Tender.Tenant.Id, Role = Role.Approver });
            await db.SaveChangesAsync();
        }
        var moderatorRefused = await moderator.Client.PostAsJsonAsync($"{closed.Api}/award/decision", new { decision = "Approved" });
        Assert.Equal(HttpStatusCode.BadRequest, moderatorRefused.StatusCode);
        Assert.Contains("You moderated this procurement", await moderatorRefused.Content.ReadAsStringAsync());

        var approver = await fixture.PanelistAsync(closed, Role.Approver);
        var approved = await OkJsonAsync(await approver.Client.PostAsJsonAsync($"{closed.Api}/award/decision", new { decision = "Approved", comments = "Agreed." }));
        Assert.Equal("AwardApproved", approved.GetProperty("state").GetString());
        Assert.Equal("Approved", approved.GetProperty("decision").GetString());
        var audit = await fixture.AuditChainAsync(closed.Tender.Tenant.Id);
        Assert.Contains(audit, e => e.Action == "award.approved" && e.Summary!.Contains("Agreed."));
    }

    [Fact]
    public async Task Departing_from_the_ranking_needs_reasons()
    {
        var (closed, _, _) = await fixture.RankedAsync();
        var award = await closed.Tender.Officer.GetFromJsonAsync<JsonElement>($"{closed.Api}/award");
        var lot = award.GetProperty("lots")[0];
        var pendle = lot.GetProperty("bids").EnumerateArray().Single(b => b.GetProperty("providerName").GetString() == "Pendle Support").GetProperty("bidId").GetGuid();
        var command = new { lots = new[] { new { lotId = lot.GetProperty("lotId").GetGuid(), appointedBidIds = new[] { pendle }, reason = "" } } };

        var refused = await closed.Tender.Officer.PutAsJsonAsync($"{closed.Api}/award/recommendation", command);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("give your reasons", await refused.Content.ReadAsStringAsync());
        var reasoned = new { lots = new[] { new { lotId = lot.GetProperty("lotId").GetGuid(), appointedBidIds = new[] { pendle }, reason = "Ribble Care has withdrawn from the East Lancashire area." } } };
        var saved = await OkJsonAsync(await closed.Tender.Officer.PutAsJsonAsync($"{closed.Api}/award/recommendation", reasoned));
        Assert.Contains("withdrawn", saved.GetProperty("lots")[0].GetProperty("bids")[0].GetProperty("departureReason").GetString());
    }

    [Fact]
    public async Task Letters_are_stored_emailed_once_with_the_pdf_and_an_unsuccessful_bidder_reads_its_scores_beside_the_winners()
    {
        var (closed, _, _) = await fixture.RankedAsync();
        await fixture.RecommendAndApproveAsync(closed);
        // The contract award notice is planned a week ahead; the letters date the standstill from that day.
        var noticeOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        var lastDay = Core.Calendar.Standstill.EndOf(Core.Domain.Award.StandstillRegime.ProcurementAct2023, noticeOn.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
            DateTime.UtcNow, Core.Calendar.WorkingCalendar.Shipped).LastDay.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
        await OkJsonAsync(await closed.Tender.Officer.PostAsJsonAsync($"{closed.Api}/award/letters", new { noticeOn }), HttpStatusCode.Accepted);

        await fixture.RunJobAsync<AwardLettersJob>(j => j.RunAsync(closed.Tender.Tenant.Id, closed.Tender.Id, CancellationToken.None));
        await fixture.RunJobAsync<AwardLettersJob>(j => j.RunAsync(closed.Tender.Tenant.Id, closed.Tender.Id, CancellationToken.None));

        var award = await closed.Tender.Officer.GetFromJsonAsync<JsonElement>($"{closed.Api}/award");
        Assert.Equal(4, award.GetProperty("lettersTotal").GetInt32());
        Assert.Equal(4, award.GetProperty("lettersDone").GetInt32());
        await using (var db = fixture.SuperuserDb(closed.Tender.Tenant.Id))
        {
            Assert.Equal(4, await db.AwardLetters.CountAsync(l => l.ProcurementId == closed.Tender.Id));
        }
        var pendle = closed.Providers["Pendle Support"];
        var letters = await pendle.Client.GetFromJsonAsync<JsonElement>($"/api/v1/t/{closed.Tender.Slug}/opportunities/{closed.Tender.Id}/letters");
        Assert.Equal(2, letters.GetArrayLength());
        Assert.All(letters.EnumerateArray(), l => Assert.False(l.GetProperty("successful").GetBoolean()));
        var pdf = await pendle.Client.GetByteArrayAsync($"/api/v1/t/{closed.Tender.Slug}/opportunities/{closed.Tender.Id}/letters/{letters[0].GetProperty("id").GetGuid()}");
        Assert.True(pdf.Length < 100 * 1024, $"{pdf.Length} bytes");

        using (var document = PdfDocument.Open(pdf))
        {
            var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            foreach (var expected in new[] { "Lancashire County Council", "unsuccessful", "Question Weight Yours Winner", "2.1 How will you promote recovery and 30 2 4", "Section 2 Quality: weighted score 60", "cost 40 £1,469,728 £1,551,472", "the winning bid scored 4 against your 2", lastDay })
            {
                Assert.True(text.Contains(expected, StringComparison.Ordinal), $"'{expected}' is not in: {text}");
            }
            var fonts = document.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
            Assert.All(fonts, f => Assert.Matches("^[A-Z]{6}\\+", f));
        }
        var ribbleLetters = await closed.Providers["Ribble Care"].Client.GetFromJsonAsync<JsonElement>($"/api/v1/t/{closed.Tender.Slug}/opportunities/{closed.Tender.Id}/letters");
        Assert.All(ribbleLetters.EnumerateArray(), l => Assert.True(l.GetProperty("successful").GetBoolean()));
        Assert.Equal(HttpStatusCode.NotFound, (await closed.Providers["Ribble Care"].Client.GetAsync(
            $"/api/v1/t/{closed.Tender.Slug}/opportunities/{closed.Tender.Id}/letters/{letters[0].GetProperty("id").GetGuid()}")).StatusCode);

        await fixture.DeliverMailAsync();
        // One email per letter (the bid receipt went to the same address before): the rerun of the job sent none.
        var mail = (await fixture.Mail.WaitForAsync(pendle.User.Email!, 3)).Where(m => (m.Subject ?? "").Contains("the outcome of your bid")).ToList();
        Assert.Equal(2, mail.Count);
        var attachment = Assert.IsType<MimePart>(Assert.Single(mail[0].Attachments));
        using var stream = new MemoryStream();
        await attachment.Content!.DecodeToAsync(stream);
        using (var attached = PdfDocument.Open(stream.ToArray()))
        {
            Assert.Contains("Assessment summary", string.Join("\n", attached.GetPages().Select(p => p.Text)));
        }
    }

    [Fact]
    public async Task The_standstill_ends_by_the_job_and_makes_framework_agreements_contracts_and_reminders_once_each()
    {
        var (closed, _, _) = await fixture.RankedAsync();
        await fixture.RecommendAndApproveAsync(closed);
        Assert.Equal(HttpStatusCode.BadRequest, (await closed.Tender.Officer.PostAsync($"{closed.Api}/award/notice", null)).StatusCode);
        await OkJsonAsync(await closed.Tender.Officer.PostAsJsonAsync($"{closed.Api}/award/letters", new { }), HttpStatusCode.Accepted);
        await fixture.RunJobAsync<AwardLettersJob>(j => j.RunAsync(closed.Tender.Tenant.Id, closed.Tender.Id, CancellationToken.None));

        var standstill = await OkJsonAsync(await closed.Tender.Officer.PostAsync($"{closed.Api}/award/notice", null));
        Assert.Equal("Standstill", standstill.GetProperty("state").GetString());
        Assert.StartsWith("midnight at the end of ", standstill.GetProperty("standstillEndsLondon").GetString());
        Assert.True(await fixture.JobScheduledAsync(nameof(StandstillJob), closed.Tender.Id));

        await fixture.RunJobAsync<StandstillJob>(j => j.RunAsync(closed.Tender.Tenant.Id, closed.Tender.Id, CancellationToken.None));
        Assert.Equal("Standstill", (await closed.Tender.Officer.GetFromJsonAsync<JsonElement>($"{closed.Api}/award")).GetProperty("state").GetString());
        await fixture.SqlAsync("update awards set standstill_ends_at = now() - interval '1 second' where procurement_id = @id", ("id", closed.Tender.Id));
        await fixture.RunJobAsync<StandstillJob>(j => j.RunAsync(closed.Tender.Tenant.Id, closed.Tender.Id, CancellationToken.None));
        await fixture.RunJobAsync<StandstillJob>(j => j.RunAsync(closed.Tender.Tenant.Id, closed.Tender.Id, CancellationToken.None));

        Assert.Equal("Awarded", (await closed.Tender.Officer.GetFromJsonAsync<JsonElement>($"{closed.Api}/award")).GetProperty("state").GetString());
        var contracts = await closed.Tender.Officer.GetFromJsonAsync<JsonElement>($"/api/v1/t/{closed.Tender.Slug}/contracts?sort=reference");
        Assert.Equal(2, contracts.GetArrayLength());
        Assert.All(contracts.EnumerateArray(), c =>
        {
            Assert.Equal("Ribble Care", c.GetProperty("providerName").GetString());
            Assert.Equal(4, c.GetProperty("rates").GetArrayLength());
            Assert.True(c.GetProperty("value").GetDecimal() > 0);
        });
        var filtered = await closed.Tender.Officer.GetFromJsonAsync<JsonElement>($"/api/v1/t/{closed.Tender.Slug}/contracts?lot=Lot 2");
        Assert.Single(filtered.EnumerateArray());
        var csv = await closed.Tender.Officer.GetStringAsync($"/api/v1/t/{closed.Tender.Slug}/contracts/csv");
        Assert.Contains("Ribble Care", csv);
        var open = await fixture.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/t/{closed.Tender.Slug}/public/contracts");
        Assert.Equal(2, open.GetArrayLength());
        Assert.False(open[0].TryGetProperty("rates", out _));

        var endsOn = DateOnly.Parse(contracts[0].GetProperty("endsOn").GetString()!);
        async Task<int> RemindersAsync(DateOnly today)
        {
            await using var scope = fixture.App.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ContractExpiryReminders.TenantReminders>().RunAsync(closed.Tender.Tenant.Id, today, CancellationToken.None);
            await using var db = fixture.SuperuserDb(closed.Tender.Tenant.Id);
            return await db.OutboxMessages.CountAsync(m => m.TenantId == closed.Tender.Tenant.Id && m.Subject.Contains("ends"));
        }
        Assert.Equal(0, await RemindersAsync(endsOn.AddMonths(-6).AddDays(-1)));
        Assert.Equal(2, await RemindersAsync(endsOn.AddMonths(-6)));
        Assert.Equal(2, await RemindersAsync(endsOn.AddMonths(-6).AddDays(1)));
        Assert.Equal(4, await RemindersAsync(endsOn.AddMonths(-3)));
        Assert.Equal(4, await RemindersAsync(endsOn.AddMonths(-2)));
        Assert.Equal(6, await RemindersAsync(endsOn.AddMonths(-1)));
        Assert.Equal(6, await RemindersAsync(endsOn.AddDays(-1)));
    }

    [Fact]
    public async Task A_recorded_challenge_keeps_the_procurement_in_standstill()
    {
        var (closed, _, _) = await fixture.RankedAsync();
        await fixture.RecommendAndApproveAsync(closed);
        await OkJsonAsync(await closed.Tender.Officer.PostAsJsonAsync($"{closed.Api}/award/letters", new { }), HttpStatusCode.Accepted);
        await fixture.RunJobAsync<AwardLettersJob>(j => j.RunAsync(closed.Tender.Tenant.Id, closed.Tender.Id, CancellationToken.None));
        await OkJsonAsync(await closed.Tender.Officer.PostAsync($"{closed.Api}/award/notice", null));

        await OkJsonAsync(await closed.Tender.Officer.PostAsJsonAsync($"{closed.Api}/award/challenge", new { details = "Pendle Support issued a claim in the High Court." }));
        await fixture.SqlAsync("update awards set standstill_ends_at = now() - interval '1 second' where procurement_id = @id", ("id", closed.Tender.Id));
        await fixture.RunJobAsync<StandstillJob>(j => j.RunAsync(closed.Tender.Tenant.Id, closed.Tender.Id, CancellationToken.None));

        Assert.Equal("Standstill", (await closed.Tender.Officer.GetFromJsonAsync<JsonElement>($"{closed.Api}/award")).GetProperty("state").GetString());
        Assert.Empty((await closed.Tender.Officer.GetFromJsonAsync<JsonElement>($"/api/v1/t/{closed.Tender.Slug}/contracts")).EnumerateArray());
    }
}
