using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.IntegrationTests.Bids;
using ProcurementPortal.IntegrationTests.OpenData;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.Web.Features.Procurements;

namespace ProcurementPortal.IntegrationTests.Procurements;

/// <summary>Issue 9: an officer cancels a published procurement before award, with a reason everyone concerned is told.</summary>
[Collection(PortalCollection.Name)]
public sealed class CancellationTests(PortalFixture fixture)
{
    private const string Reason = "The council has decided to bring the service in house from April.";

    [Fact]
    public async Task Cancelling_a_tender_tells_every_bidder_and_interested_provider_and_its_pending_jobs_do_nothing()
    {
        var tender = await fixture.PublishedTenderAsync();
        var bidder = await fixture.ProviderAsync("Ribble Care");
        await tender.StartAsync(bidder.Client);
        var interested = await fixture.ProviderAsync("Pendle Support");
        Assert.Equal(HttpStatusCode.NoContent, (await interested.Client.PostAsJsonAsync($"/api/v1/t/{tender.Slug}/opportunities/{tender.Id}/interest", new { })).StatusCode);
        var bystander = await fixture.ProviderAsync("Aire Valley Recovery Trust");
        var api = $"/api/v1/t/{tender.Slug}/procurements/{tender.Id}";

        var noReason = await (await tender.Officer.PostAsJsonAsync($"{api}/cancel", new { reason = " " })).FieldErrorsAsync();
        Assert.Contains("reason", Assert.Single(noReason["Reason"]));
        var cancelled = await tender.Officer.PostAsJsonAsync($"{api}/cancel", new { reason = Reason });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("Cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("to").GetString());
        var again = await (await tender.Officer.PostAsJsonAsync($"{api}/cancel", new { reason = Reason })).FieldErrorsAsync();
        Assert.Contains("cancelled", Assert.Single(again["State"]));

        await using (var db = fixture.SuperuserDb(tender.Tenant.Id))
        {
            var p = await db.Procurements.SingleAsync(x => x.Id == tender.Id);
            Assert.Equal(ProcurementState.Cancelled, p.State);
            Assert.Equal(Reason, p.CancellationReason);
            Assert.NotNull(p.CancelledAt);
            var audit = await db.AuditEvents.SingleAsync(a => a.Action == "procurement.cancelled" && a.EntityId == tender.Id.ToString());
            Assert.Contains(Reason, audit.Summary);
            foreach (var (user, expected) in new[] { (bidder.User, 1), (interested.User, 1), (bystander.User, 0) })
            {
                Assert.Equal(expected, await db.OutboxMessages.CountAsync(m => m.ToAddress == user.Email && m.Subject.Contains("cancelled")));
            }
            var message = await db.OutboxMessages.FirstAsync(m => m.ToAddress == bidder.User.Email && m.Subject.Contains("cancelled"));
            Assert.Contains(Reason, message.TextBody);
        }

        // The jobs scheduled at publishing find the procurement cancelled when they fire: no transition, no email.
        await fixture.MoveDeadlineAsync(tender, TimeSpan.FromSeconds(-1));
        await fixture.SqlAsync("update procurements set clarification_deadline = now() - interval '1 minute' where id = @id", ("id", tender.Id));
        var outboxBefore = await fixture.CountAsync("select count(*) from outbox_messages");
        await fixture.RunJobAsync<CloseSubmissionsJob>(j => j.RunAsync(tender.Tenant.Id, tender.Id, CancellationToken.None));
        await fixture.RunJobAsync<ClarificationDeadlineJob>(j => j.RunAsync(tender.Tenant.Id, tender.Id, CancellationToken.None));
        Assert.Equal(outboxBefore, await fixture.CountAsync("select count(*) from outbox_messages"));
        Assert.Equal(1, await fixture.CountAsync($"select count(*) from procurements where id = '{tender.Id}' and state = 'Cancelled'"));
    }

    [Fact]
    public async Task The_tender_cancellation_release_validates_and_states_the_reason()
    {
        var tender = await fixture.PublishedTenderAsync();
        Assert.Equal(HttpStatusCode.OK, (await tender.Officer.PostAsJsonAsync($"/api/v1/t/{tender.Slug}/procurements/{tender.Id}/cancel", new { reason = Reason })).StatusCode);

        var record = await OcdsValidation.ValidRecordAsync(fixture.CreateClient(), $"/api/v1/t/{tender.Slug}/ocds/records/ocds-portal-{tender.Id}");

        var releases = record.GetProperty("records")[0].GetProperty("releases").EnumerateArray().ToList();
        Assert.Equal(["tender", "tenderCancellation"], releases.Select(r => r.GetProperty("tag")[0].GetString()));
        var cancellation = releases[1].GetProperty("tender");
        Assert.Equal("cancelled", cancellation.GetProperty("status").GetString());
        Assert.Contains(cancellation.GetProperty("documents").EnumerateArray(),
            d => d.GetProperty("documentType").GetString() == "cancellationDetails" && d.GetProperty("description").GetString() == Reason);
    }

    [Fact]
    public async Task The_officer_cancels_on_the_page_with_a_reason_and_the_page_shows_it()
    {
        var tender = await fixture.PublishedTenderAsync();
        var officer = await fixture.CookieClientAsync((await fixture.CreateUserAsync(tender.Tenant, Role.ProcurementOfficer)).Email!);
        var page = $"/{tender.Slug}/procurements/{tender.Id}";

        var empty = await officer.PostFormAsync($"{page}/cancel", new() { ["Reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var html = await empty.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html);
        Assert.Contains("href=\"#Reason\"", html);

        var done = await officer.PostFormAsync($"{page}/cancel", new() { ["Reason"] = Reason });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var shown = await officer.GetStringAsync(page);
        Assert.Contains("Cancelled", shown);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(Reason), shown);
        Assert.DoesNotContain($"{page}/cancel\"", shown);
    }

    [Fact]
    public async Task The_openapi_document_gives_examples_for_cancelling_the_bulk_download_the_exports_and_the_notices()
    {
        var document = await fixture.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");

        var cancel = paths.GetProperty("/api/v1/t/{tenant}/procurements/{id}/cancel").GetProperty("post");
        Assert.Contains("in house", cancel.GetProperty("requestBody").GetProperty("content").EnumerateObject().First().Value.GetProperty("example").GetProperty("reason").GetString());
        Assert.Equal("Cancelled", cancel.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("example").GetProperty("to").GetString());
        Assert.Equal("1.1", Example(paths, "/api/v1/t/{tenant}/ocds/bulk", "application/json").GetProperty("version").GetString());
        Assert.StartsWith("reference,title", Example(paths, "/api/v1/t/{tenant}/exports/procurements", "text/csv").GetString());
        Assert.StartsWith("receipt_number,", Example(paths, "/api/v1/t/{tenant}/procurements/{id}/exports/bids", "text/csv").GetString());
        Assert.Equal("UK4", Example(paths, "/api/v1/t/{tenant}/procurements/{id}/notices/{kind}", "application/json").GetProperty("code").GetString());
    }

    private static JsonElement Example(JsonElement paths, string path, string contentType) =>
        paths.GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty(contentType).GetProperty("example");
}
