using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.IntegrationTests.Bids;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Evaluation;

/// <summary>Issue 5.6: the opening after the deadline needs two different procurement officers, and is audited with both.</summary>
[Collection(PortalCollection.Name)]
public sealed class OpeningTests(PortalFixture fixture)
{
    private async Task<string> StateAsync(ClosedTender closed) =>
        (await closed.Tender.Officer.GetFromJsonAsync<JsonElement>(closed.Api)).GetProperty("state").GetString()!;

    [Fact]
    public async Task One_officer_alone_cannot_open_the_bids_the_confirmation_waits_for_a_second()
    {
        var closed = await fixture.ClosedTenderAsync(("Ribble Care", 0.95m));
        var evaluator = await fixture.PanelistAsync(closed);

        var first = await closed.Tender.Officer.PostAsync($"{closed.Api}/open", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var opening = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(opening.GetProperty("complete").GetBoolean());
        Assert.Equal(JsonValueKind.Null, opening.GetProperty("secondOfficer").ValueKind);
        Assert.Equal("SubmissionsClosed", await StateAsync(closed));
        // The reader of bid content refuses until the second confirmation, so no route built on it can show a bid.
        await using var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(closed.Tender.Tenant);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var procurement = await db.Procurements.SingleAsync(p => p.Id == closed.Tender.Id);
        await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<OpenedBids>().LoadAsync(procurement, CancellationToken.None));
        var panel = await closed.Tender.Officer.PutAsJsonAsync($"{closed.Api}/evaluation/panel", new { evaluators = new[] { new { userId = evaluator.User.Id } } });
        Assert.Equal(HttpStatusCode.BadRequest, panel.StatusCode);
    }

    [Fact]
    public async Task The_same_officer_confirming_twice_does_not_open_the_bids()
    {
        var closed = await fixture.ClosedTenderAsync(("Ribble Care", 0.95m));
        Assert.Equal(HttpStatusCode.OK, (await closed.Tender.Officer.PostAsync($"{closed.Api}/open", null)).StatusCode);

        var again = await closed.Tender.Officer.PostAsync($"{closed.Api}/open", null);

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("second procurement officer", await again.Content.ReadAsStringAsync());
        Assert.Equal("SubmissionsClosed", await StateAsync(closed));
    }

    [Fact]
    public async Task A_second_officer_opens_the_bids_and_the_audit_names_both_officers_with_times()
    {
        var closed = await fixture.ClosedTenderAsync(("Ribble Care", 0.95m), ("Pendle Support", 0.9m));

        await closed.OpenAsync();

        Assert.Equal("Opened", await StateAsync(closed));
        var opening = await closed.Tender.Officer.GetFromJsonAsync<JsonElement>($"{closed.Api}/opening");
        Assert.True(opening.GetProperty("complete").GetBoolean());
        Assert.Equal(2, opening.GetProperty("bidsOpened").GetInt32());
        var first = opening.GetProperty("firstOfficer").GetString()!;
        var second = opening.GetProperty("secondOfficer").GetString()!;
        Assert.NotEqual(first, second);
        var audit = await fixture.AuditChainAsync(closed.Tender.Tenant.Id);
        var opened = Assert.Single(audit, e => e.Action == "procurement.opened");
        Assert.Contains(first, opened.Summary);
        Assert.Contains(second, opened.Summary);
        Assert.Contains("2 bid(s) opened", opened.Summary);
        Assert.Matches(@"at \d{1,2}:\d{2}(am|pm) on .* and by .* at \d{1,2}:\d{2}(am|pm) on", opened.Summary);
        Assert.Single(audit, e => e.Action == "procurement.opening_confirmed" && e.Summary!.Contains(first));
    }

    [Fact]
    public async Task Bids_cannot_be_opened_before_submissions_close()
    {
        var tender = await fixture.PublishedTenderAsync();

        var response = await tender.Officer.PostAsync($"/api/v1/t/{tender.Slug}/procurements/{tender.Id}/open", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_procurement_page_shows_who_opened_the_bids_when_and_how_many()
    {
        var closed = await fixture.ClosedTenderAsync(("Ribble Care", 0.95m));
        await closed.OpenAsync();
        var officer = await fixture.CreateUserAsync(closed.Tender.Tenant, Role.ProcurementOfficer);

        var page = await (await fixture.PageClientAsync(officer.Email!)).GetStringAsync(closed.Pages);

        Assert.Contains("id=\"bid-opening\"", page);
        Assert.Contains("1 bid opened", page);
        var opening = await closed.Tender.Officer.GetFromJsonAsync<JsonElement>($"{closed.Api}/opening");
        Assert.Contains(opening.GetProperty("firstOfficer").GetString()!, page);
        Assert.Contains(opening.GetProperty("secondOfficer").GetString()!, page);
    }
}
