using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.Web.Features.Procurements;

namespace ProcurementPortal.IntegrationTests.TenderDocuments;

[Collection(PortalCollection.Name)]
public sealed class AddendumTests(PortalFixture fixture)
{
    private static async Task<Guid> DraftAddendumAsync(TenderTestSupport.Tender tender, object body)
    {
        var response = await tender.Officer.PostAsJsonAsync($"{tender.Api}/addenda", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_published_addendum_moves_the_deadline_and_reaches_every_interested_provider_exactly_once()
    {
        var tender = await fixture.DraftTenderAsync();
        var documentId = (await tender.UploadOkAsync("specification.pdf", TenderTestSupport.Pdf, title: "Service specification")).GetProperty("documentId").GetGuid();
        await tender.PublishAsync();
        var first = await fixture.ProviderAsync("Ribble Valley Supported Living Ltd");
        var second = await fixture.ProviderAsync("Aire Valley Recovery Trust");
        var uninterested = await fixture.ProviderAsync("Brixton Wellbeing Partnership CIC");
        await first.RegisterInterestAsync(tender);
        await second.RegisterInterestAsync(tender);
        DateTime before;
        await using (var db = fixture.SuperuserDb(tender.Tenant.Id))
        {
            before = (await db.Procurements.SingleAsync(p => p.Id == tender.Id)).SubmissionDeadline!.Value;
        }
        var later = new DateTimeOffset(DateTime.SpecifyKind(before, DateTimeKind.Utc)).AddDays(7);

        var addendumId = await DraftAddendumAsync(tender, new { title = "More time and a revised specification", text = "Section 4 now names the referral routes.", submissionDeadline = later });
        byte[] revised = [.. TenderTestSupport.Pdf, .. "% revised\n"u8.ToArray()];
        await tender.UploadOkAsync("specification-v2.pdf", revised, documentId, addendumId);

        // A draft addendum changes nothing a provider sees.
        Assert.Empty((await first.Client.GetFromJsonAsync<List<JsonElement>>($"{tender.Opportunity}/addenda"))!);
        Assert.Equal(TenderTestSupport.Pdf, await first.Client.GetByteArrayAsync($"{tender.Opportunity}/documents/{documentId}/download"));

        var published = await tender.Officer.PostAsync($"{tender.Api}/addenda/{addendumId}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var again = await (await tender.Officer.PostAsync($"{tender.Api}/addenda/{addendumId}/publish", null)).FieldErrorsAsync();
        Assert.Contains("already been published", Assert.Single(again["State"]));
        await fixture.DeliverMailAsync();
        await fixture.DeliverMailAsync();

        await using (var db = fixture.SuperuserDb(tender.Tenant.Id))
        {
            var procurement = await db.Procurements.SingleAsync(p => p.Id == tender.Id);
            Assert.Equal(later.UtcDateTime, procurement.SubmissionDeadline);
            Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == "addendum.published" && a.EntityId == addendumId.ToString()));
        }
        foreach (var provider in new[] { first, second })
        {
            await fixture.Mail.WaitForAsync(provider.User.Email!);
        }
        await Task.Delay(300);
        foreach (var provider in new[] { first, second })
        {
            var message = Assert.Single(fixture.Mail.To(provider.User.Email!));
            Assert.Contains("addendum 1", message.Subject);
            Assert.Contains("The submission deadline is now", message.TextBody);
            Assert.Contains("Service specification (version 2, specification-v2.pdf)", message.TextBody);
        }
        Assert.Empty(fixture.Mail.To(uninterested.User.Email!));
        var addendum = Assert.Single((await first.Client.GetFromJsonAsync<List<JsonElement>>($"{tender.Opportunity}/addenda"))!);
        Assert.Equal("More time and a revised specification", addendum.GetProperty("title").GetString());
        Assert.Equal(revised, await first.Client.GetByteArrayAsync($"{tender.Opportunity}/documents/{documentId}/download"));
        Assert.Contains("More time and a revised specification", await (await fixture.CookieClientAsync(first.User.Email!)).GetStringAsync($"/{tender.Slug}/opportunities/{tender.Id}"));

        // The close job scheduled for the old deadline re-reads the deadline: the tender stays open.
        await using var scope = fixture.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CloseSubmissionsJob>().RunAsync(tender.Tenant.Id, tender.Id, CancellationToken.None);
        await using var check = fixture.SuperuserDb(tender.Tenant.Id);
        Assert.Equal(ProcurementState.TenderOpen, (await check.Procurements.SingleAsync(p => p.Id == tender.Id)).State);
    }

    [Fact]
    public async Task New_deadlines_must_be_later_in_the_future_and_in_order_and_nothing_is_saved_otherwise()
    {
        var tender = await fixture.PublishedTenderAsync();
        var procurement = await tender.Officer.GetFromJsonAsync<JsonElement>(tender.Api);
        var submission = procurement.GetProperty("submissionDeadline").GetDateTimeOffset();

        var earlier = await (await tender.Officer.PostAsJsonAsync($"{tender.Api}/addenda",
            new { title = "Less time", text = "Shorter.", submissionDeadline = submission.AddDays(-1), clarificationDeadline = submission.AddDays(1) })).FieldErrorsAsync();
        var past = await (await tender.Officer.PostAsJsonAsync($"{tender.Api}/addenda",
            new { title = "Past", text = "Past.", clarificationDeadline = DateTimeOffset.UtcNow.AddDays(-1) })).FieldErrorsAsync();
        var blank = await (await tender.Officer.PostAsJsonAsync($"{tender.Api}/addenda", new { title = "", text = "" })).FieldErrorsAsync();

        Assert.Contains("must be later than the current one", Assert.Single(earlier["SubmissionDeadline"]));
        Assert.Contains("The clarification deadline must be before the submission deadline", earlier["ClarificationDeadline"]);
        Assert.Contains("The new clarification deadline must be in the future", past["ClarificationDeadline"]);
        Assert.Equal(["Enter a title for the addendum"], blank["Title"]);
        Assert.Equal(["Enter what the addendum changes or explains"], blank["Text"]);
        await using var db = fixture.SuperuserDb(tender.Tenant.Id);
        Assert.False(await db.Addenda.AnyAsync(a => a.ProcurementId == tender.Id));
    }

    [Fact]
    public async Task A_draft_tender_takes_no_addendum()
    {
        var tender = await fixture.DraftTenderAsync();

        var errors = await (await tender.Officer.PostAsJsonAsync($"{tender.Api}/addenda", new { title = "Early", text = "Too early." })).FieldErrorsAsync();

        Assert.Contains("only while the tender is open", Assert.Single(errors["State"]));
    }

    [Fact]
    public async Task An_officer_writes_and_publishes_an_addendum_through_the_pages()
    {
        var tender = await fixture.PublishedTenderAsync();
        var provider = await fixture.ProviderAsync("Pennine Care Partnership Ltd");
        await provider.RegisterInterestAsync(tender);
        var browser = await fixture.CookieClientAsync(tender.OfficerEmail);
        var addenda = $"/{tender.Slug}/procurements/{tender.Id}/addenda";

        var invalid = await browser.PostFormAsync($"{addenda}/new", new() { ["Title"] = "", ["Text"] = "x", ["SubmissionDeadline.Day"] = "31", ["SubmissionDeadline.Month"] = "2", ["SubmissionDeadline.Year"] = "2030", ["SubmissionDeadline.Time"] = "12:00" });
        var invalidHtml = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#SubmissionDeadline\">The new submission deadline must be a real date</a>", invalidHtml);

        var drafted = await browser.PostFormAsync($"{addenda}/new", new() { ["Title"] = "Referral routes", ["Text"] = "Section 4 now names the referral routes." });
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        var page = drafted.Headers.Location!.OriginalString;
        Assert.Contains("Draft", await browser.GetStringAsync(page));
        var published = await browser.PostFormAsync($"{page}/publish", new(), page);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("is published and sent to every interested provider", await browser.GetStringAsync(page));
        await using var db = fixture.SuperuserDb(tender.Tenant.Id);
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.ToAddress == provider.User.Email && m.Subject.Contains("addendum 1")));
    }
}
