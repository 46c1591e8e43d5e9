using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.Web.Features.Award;
using UglyToad.PdfPig;
using Xunit.Abstractions;
using static ProcurementPortal.IntegrationTests.Award.AwardTestSupport;

namespace ProcurementPortal.IntegrationTests.Award;

/// <summary>Issue 7.5 at the scale of a big framework: 500 bidders' letters in one job, with progress, idempotent on rerun.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class AwardLettersAtScaleTests(PortalFixture fixture, ITestOutputHelper output)
{
    private const int ExtraBidders = 498;

    [Fact]
    public async Task Five_hundred_bidders_letters_are_written_by_one_job_with_progress_and_a_rerun_sends_nothing_twice()
    {
        var (closed, _, _) = await fixture.RankedAsync();
        await fixture.RecommendAndApproveAsync(closed);
        var pendle = closed.Providers["Pendle Support"];
        var emails = await AddUnsuccessfulBiddersAsync(closed.Tender.Id, pendle);
        var officer = await fixture.CookieClientAsync((await fixture.CreateUserAsync(closed.Tender.Tenant, Role.ProcurementOfficer)).Email!);
        var page = $"{closed.Pages}/award";
        var response = await officer.PostFormAsync($"{page}/letters", new(), page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        const int total = ExtraBidders + 4; // the two real bidders have a letter for each of their two lots
        Assert.Contains($"0 of {total} written and sent", WebUtility.HtmlDecode(await officer.GetStringAsync(page)));

        var clock = Stopwatch.StartNew();
        var job = Task.Run(() => fixture.RunJobAsync<AwardLettersJob>(j => j.RunAsync(closed.Tender.Tenant.Id, closed.Tender.Id, CancellationToken.None)));
        var seen = new List<int>();
        while (!job.IsCompleted)
        {
            var match = Progress().Match(WebUtility.HtmlDecode(await officer.GetStringAsync(page)));
            Assert.True(match.Success);
            seen.Add(int.Parse(match.Groups[1].Value));
            await Task.Delay(250);
        }
        await job;
        var elapsed = clock.Elapsed;
        output.WriteLine($"{total} letters in {elapsed.TotalSeconds:0.0} s ({total / elapsed.TotalSeconds:0.0} letters/s); progress seen: {string.Join(", ", seen)}");
        Assert.Contains(seen, n => n is > 0 and < total);
        Assert.Equal(seen.Order(), seen);
        Assert.Contains($"{total} of {total} written and sent", WebUtility.HtmlDecode(await officer.GetStringAsync(page)));

        async Task<(int Letters, int Queued)> CountAsync()
        {
            await using var db = fixture.SuperuserDb(closed.Tender.Tenant.Id);
            return (await db.AwardLetters.CountAsync(l => l.ProcurementId == closed.Tender.Id),
                await db.OutboxMessages.CountAsync(m => m.TenantId == closed.Tender.Tenant.Id && m.Subject.Contains("the outcome of your bid")));
        }
        var first = await CountAsync();
        Assert.Equal(total, first.Letters);
        await fixture.RunJobAsync<AwardLettersJob>(j => j.RunAsync(closed.Tender.Tenant.Id, closed.Tender.Id, CancellationToken.None));
        Assert.Equal(first, await CountAsync());

        await fixture.DeliverMailAsync();
        var delivered = ReadSink(emails.ToHashSet(StringComparer.OrdinalIgnoreCase));
        output.WriteLine($"{delivered.Count} letter emails to the added bidders in the sink");
        Assert.Equal(ExtraBidders, delivered.Count);
        Assert.All(emails, e => Assert.Single(delivered, m => m.To.Mailboxes.Single().Address.Equals(e, StringComparison.OrdinalIgnoreCase)));
        Assert.All(delivered, m => Assert.Contains("the outcome of your bid", m.Subject));
        foreach (var sample in new[] { delivered[0], delivered[delivered.Count / 2], delivered[^1] })
        {
            var attachment = Assert.IsType<MimePart>(Assert.Single(sample.Attachments));
            using var stream = new MemoryStream();
            await attachment.Content!.DecodeToAsync(stream);
            using var pdf = PdfDocument.Open(stream.ToArray());
            var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains("Assessment summary", text);
            Assert.Contains("unsuccessful", text);
            Assert.Contains("Lancashire County Council", text);
        }
    }

    /// <summary>
    /// 498 more provider organisations, each with one bid writer and an unsuccessful bid for lot 1, copied (as the
    /// superuser) from Pendle Support's rows; returns the bid writers' email addresses.
    /// </summary>
    private async Task<List<string>> AddUnsuccessfulBiddersAsync(Guid procurementId, Bids.BidProvider template)
    {
        Guid templateBid, lotId;
        await using (var db = fixture.SuperuserDb())
        {
            var awarded = await db.AwardedBids.IgnoreQueryFilters().Where(a => a.ProcurementId == procurementId && a.ProviderId == template.Organisation.Id)
                .Join(db.Lots.IgnoreQueryFilters(), a => a.LotId, l => l.Id, (a, l) => new { a.BidId, a.LotId, l.Number }).OrderBy(x => x.Number).FirstAsync();
            (templateBid, lotId) = (awarded.BidId, awarded.LotId);
        }
        var run = Guid.NewGuid().ToString("N")[..8];
        var orgs = Enumerable.Range(0, ExtraBidders).Select(_ => Guid.NewGuid()).ToArray();
        var users = Enumerable.Range(0, ExtraBidders).Select(_ => Guid.NewGuid()).ToArray();
        var bids = Enumerable.Range(0, ExtraBidders).Select(_ => Guid.CreateVersion7()).ToArray();
        var emails = Enumerable.Range(1, ExtraBidders).Select(n => $"bidder{n}-{run}@example.test").ToArray();
        static string Copy(string table, string key, string with, string from) =>
            $"insert into {table} select (jsonb_populate_record(null::{table}, to_jsonb(t) || {with})).* from {table} t, {from} where t.{key}";
        await fixture.SqlAsync(Copy("organisations", "id", "jsonb_build_object('id', x.id, 'name', 'Bidder ' || x.n)",
            "unnest(@orgs::uuid[]) with ordinality as x(id, n)") + " = @org", ("orgs", orgs), ("org", template.Organisation.Id));
        await fixture.SqlAsync(Copy("\"AspNetUsers\"", "id", "jsonb_build_object('id', x.id, 'email', x.email, 'normalized_email', upper(x.email), 'user_name', x.email, " +
            "'normalized_user_name', upper(x.email), 'security_stamp', gen_random_uuid()::text, 'concurrency_stamp', gen_random_uuid()::text)",
            "unnest(@users::uuid[], @emails::text[]) as x(id, email)") + " = @user", ("users", users), ("emails", emails), ("user", template.User.Id));
        await fixture.SqlAsync(Copy("memberships", "user_id", "jsonb_build_object('id', gen_random_uuid(), 'user_id', x.user_id, 'organisation_id', x.org_id)",
            "unnest(@users::uuid[], @orgs::uuid[]) as x(user_id, org_id)") + " = @user and t.organisation_id = @org",
            ("users", users), ("orgs", orgs), ("user", template.User.Id), ("org", template.Organisation.Id));
        await fixture.SqlAsync(Copy("bids", "id", "jsonb_build_object('id', x.bid_id, 'provider_id', x.org_id, 'current_version_id', null)",
            "unnest(@bids::uuid[], @orgs::uuid[]) as x(bid_id, org_id)") + " = @bid", ("bids", bids), ("orgs", orgs), ("bid", templateBid));
        await fixture.SqlAsync(Copy("awarded_bids", "bid_id", "jsonb_build_object('id', gen_random_uuid(), 'bid_id', x.bid_id, 'provider_id', x.org_id, " +
            "'provider_name', 'Bidder ' || x.n, 'rank', x.n + 2, 'ranking_recommends', false, 'appointed', false)",
            "unnest(@bids::uuid[], @orgs::uuid[]) with ordinality as x(bid_id, org_id, n)") + " = @bid and t.lot_id = @lot",
            ("bids", bids), ("orgs", orgs), ("bid", templateBid), ("lot", lotId));
        return emails.ToList();
    }

    /// <summary>The letter emails in the sink to the given addresses, each file read once.</summary>
    private List<MimeMessage> ReadSink(HashSet<string> addresses) =>
        new[] { "new", "cur" }.Select(f => Path.Combine(fixture.Mail.Directory, f)).Where(Directory.Exists)
            .SelectMany(Directory.EnumerateFiles)
            .Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(a => addresses.Contains(a.Address)) && (m.Subject ?? "").Contains("the outcome of your bid"))
            .OrderBy(m => m.To.Mailboxes.First().Address, StringComparer.Ordinal)
            .ToList();

    [GeneratedRegex(@"(\d+) of 502 written and sent")]
    private static partial Regex Progress();
}
