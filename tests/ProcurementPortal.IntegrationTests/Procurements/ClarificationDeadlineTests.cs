using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.MarketIntent;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.Web.Features.Procurements;

namespace ProcurementPortal.IntegrationTests.Procurements;

[Collection(PortalCollection.Name)]
public sealed class ClarificationDeadlineTests(PortalFixture fixture)
{
    private Task RunAsync(Guid tenantId, Guid procurementId) =>
        fixture.RunJobAsync<ClarificationDeadlineJob>(j => j.RunAsync(tenantId, procurementId, CancellationToken.None));

    private async Task<(Organisation Tenant, PortalUser Officer, HttpClient Api, Guid Id)> PublishedAsync()
    {
        var tenant = await fixture.CreateTenantAsync("Lancashire County Council");
        var officer = await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer);
        var api = await fixture.BearerClientAsync(officer.Email!);
        var id = await LancashireViaApi.BuildAsync(api, tenant.Slug!);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/t/{tenant.Slug}/procurements/{id}/publish", null)).StatusCode);
        return (tenant, officer, api, id);
    }

    [Fact]
    public async Task At_the_clarification_deadline_each_officer_gets_one_email_listing_the_unanswered_questions()
    {
        var (tenant, officer, api, id) = await PublishedAsync();
        var colleague = await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer);
        var evaluator = await fixture.CreateUserAsync(tenant, Role.Evaluator);
        var (_, user) = await fixture.CreateProviderAsync("Ribble Valley Supported Living Ltd", Role.BidWriter);
        var provider = await fixture.BearerClientAsync(user.Email!);
        var asks = $"/api/v1/t/{tenant.Slug}/opportunities/{id}/clarifications";
        Assert.Equal(HttpStatusCode.Created, (await provider.PostAsJsonAsync(asks, new { question = "Is TUPE expected to apply in the East lot?" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await provider.PostAsJsonAsync(asks, new { question = "Can one provider bid for all three lots?" })).StatusCode);
        var first = (await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/t/{tenant.Slug}/procurements/{id}/clarifications"))!
            .Single(q => q.GetProperty("number").GetInt32() == 2);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync(
            $"/api/v1/t/{tenant.Slug}/procurements/{id}/clarifications/{first.GetProperty("id").GetGuid()}/answer", new { answer = "Yes." })).StatusCode);
        await fixture.SqlAsync("update procurements set clarification_deadline = now() - interval '1 second' where id = @id", ("id", id));

        await RunAsync(tenant.Id, id);
        await RunAsync(tenant.Id, id);
        await fixture.DeliverMailAsync();

        foreach (var to in new[] { officer.Email!, colleague.Email! })
        {
            var message = Assert.Single(await fixture.Mail.WaitForAsync(to));
            Assert.EndsWith(": questions closed, 1 unanswered", message.Subject);
            Assert.Contains("Q1: Is TUPE expected to apply in the East lot?", message.TextBody);
            Assert.DoesNotContain("Can one provider bid for all three lots?", message.TextBody);
        }
        await Task.Delay(300);
        Assert.Single(fixture.Mail.To(officer.Email!));
        Assert.Empty(fixture.Mail.To(evaluator.Email!));
        Assert.Single(await fixture.AuditChainAsync(tenant.Id), e => e.Action == "procurement.clarification_deadline_passed");
        var refused = await provider.PostAsJsonAsync(asks, new { question = "One more?" });
        Assert.Contains("The deadline for questions passed at", Assert.Single((await refused.FieldErrorsAsync())["Question"]));
    }

    [Fact]
    public async Task Clarification_deadline_job_that_fires_before_the_deadline_sends_nothing_and_waits_for_it()
    {
        var (tenant, officer, _, id) = await PublishedAsync();
        Assert.True(await fixture.JobScheduledAsync(nameof(ClarificationDeadlineJob), id));

        await RunAsync(tenant.Id, id);
        await fixture.DeliverMailAsync();

        await using var db = fixture.SuperuserDb(tenant.Id);
        Assert.Null((await db.Procurements.SingleAsync(p => p.Id == id)).ClarificationDeadlineReportedFor);
        Assert.DoesNotContain(await fixture.AuditChainAsync(tenant.Id), e => e.Action == "procurement.clarification_deadline_passed");
        Assert.Empty(await fixture.Mail.WaitForAsync(officer.Email!, timeout: TimeSpan.FromSeconds(1)));
    }
}
