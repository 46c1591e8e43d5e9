using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Integrations;
using ProcurementPortal.Core.Jobs;
using ProcurementPortal.IntegrationTests.ApiClients;
using ProcurementPortal.IntegrationTests.Award;
using ProcurementPortal.IntegrationTests.Bids;
using ProcurementPortal.IntegrationTests.Procurements;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.Web.Features.Procurements;

namespace ProcurementPortal.IntegrationTests.Webhooks;

/// <summary>Outbound webhooks per tenant: queued with the change, signed, retried with backoff, never sent twice (issue 9.3).</summary>
[Collection(PortalCollection.Name)]
public sealed class WebhookTests(PortalFixture fixture)
{
    private static async Task<(Guid Id, string Secret)> SubscribeAsync(HttpClient admin, string api, string url, IEnumerable<string> events)
    {
        var response = await admin.PostAsJsonAsync($"{api}/webhooks", new { url, events });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("subscription").GetProperty("id").GetGuid(), created.GetProperty("secret").GetString()!);
    }

    private Task DeliverAsync(Guid tenantId) =>
        fixture.RunJobAsync<DeliverWebhooks.TenantDeliveries>(j => j.RunAsync(tenantId, CancellationToken.None));

    /// <summary>Brings every waiting retry forward to now, instead of waiting for the real backoff.</summary>
    private Task RetriesDueNowAsync(Guid tenantId) =>
        fixture.SqlAsync("update webhook_deliveries set next_attempt_at = now() where tenant_id = @t and delivered_at is null", ("t", tenantId));

    /// <summary>Each event arrived exactly once with 200, after a refused first attempt, signed with the secret.</summary>
    private static void AssertEachEventOnceAfterARetry(WebhookReceiver receiver, string secret, string slug, params string[] types)
    {
        var byEvent = receiver.Received.GroupBy(r => r.EventId).ToList();
        Assert.Equal(types.Length, byEvent.Count);
        foreach (var attempts in byEvent)
        {
            Assert.Equal([500, 200], attempts.Select(a => a.Answer));
            Assert.Single(attempts, a => a.Answer == 200);
            Assert.Single(attempts.Select(a => a.Body).Distinct());
            foreach (var attempt in attempts)
            {
                Assert.Equal(WebhookSignature.Sign(secret, attempt.Timestamp, attempt.Body), attempt.Signature);
                Assert.NotEqual(WebhookSignature.Sign("whsec_wrong", attempt.Timestamp, attempt.Body), attempt.Signature);
                var body = JsonDocument.Parse(attempt.Body).RootElement;
                Assert.Equal(attempt.EventId, body.GetProperty("id").GetString());
                Assert.Equal(slug, body.GetProperty("tenant").GetString());
                Assert.True(body.TryGetProperty("occurredAt", out _));
            }
        }
        Assert.Equal(types.Order(), byEvent.Select(e => JsonDocument.Parse(e.First().Body).RootElement.GetProperty("type").GetString()!).Order());
    }

    [Fact]
    public async Task Published_closed_and_expiring_events_each_arrive_once_signed_after_a_failing_first_attempt()
    {
        await using var receiver = new WebhookReceiver();
        var team = await fixture.AdminTeamAsync();
        var (subscriptionId, secret) = await SubscribeAsync(team.Admin, team.Api, receiver.Url, WebhookEvents.All);
        var id = await LancashireViaApi.BuildAsync(team.Officer, team.Slug);
        Assert.Equal(HttpStatusCode.OK, (await team.Officer.PostAsync($"{team.Api}/procurements/{id}/publish", null)).StatusCode);
        await fixture.MoveDeadlineAsync(new Tender(team.Tenant, id, team.Officer), TimeSpan.FromSeconds(-1));
        await fixture.RunJobAsync<CloseSubmissionsJob>(j => j.RunAsync(team.Tenant.Id, id, CancellationToken.None));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var recorded = await team.Officer.PostAsJsonAsync($"{team.Api}/contracts", new
        {
            reference = "ASC-SL-0042", title = "Supported living in Preston", providerName = "Ribble Care", service = "Supported living",
            startsOn = today.AddYears(-2).ToString("yyyy-MM-dd"), endsOn = today.AddDays(20).ToString("yyyy-MM-dd"), annualValue = 250_000m,
        });
        Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        await fixture.RunJobAsync<ContractExpiryReminders.TenantReminders>(j => j.RunAsync(team.Tenant.Id, today, CancellationToken.None));
        Assert.Empty(receiver.Received); // queued in the outbox, not sent by the change itself

        await DeliverAsync(team.Tenant.Id);
        Assert.Equal(3, receiver.Received.Count);
        await DeliverAsync(team.Tenant.Id); // the retries wait for their backoff
        Assert.Equal(3, receiver.Received.Count);
        await RetriesDueNowAsync(team.Tenant.Id);
        await fixture.RunJobAsync<DeliverWebhooks>(j => j.RunAsync(CancellationToken.None)); // the recurring job, every tenant
        await RetriesDueNowAsync(team.Tenant.Id);
        await DeliverAsync(team.Tenant.Id); // delivered events are never sent again

        Assert.Equal(6, receiver.Received.Count);
        AssertEachEventOnceAfterARetry(receiver, secret, team.Slug,
            WebhookEvents.ProcurementPublished, WebhookEvents.ProcurementClosed, WebhookEvents.ContractExpiring);
        var closed = receiver.Received.Select(r => JsonDocument.Parse(r.Body).RootElement)
            .First(b => b.GetProperty("type").GetString() == WebhookEvents.ProcurementClosed);
        Assert.Equal(0, closed.GetProperty("data").GetProperty("bidsReceived").GetInt32());
        Assert.Equal(id, closed.GetProperty("data").GetProperty("procurementId").GetGuid());

        var shown = await team.Admin.GetFromJsonAsync<JsonElement>($"{team.Api}/webhooks/{subscriptionId}");
        Assert.All(shown.GetProperty("deliveries").EnumerateArray(), d =>
        {
            Assert.Equal("Delivered", d.GetProperty("status").GetString());
            Assert.Equal([500, 200], d.GetProperty("attemptLog").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()));
        });
        var page = await (await fixture.PageClientAsync((await fixture.CreateUserAsync(team.Tenant, Role.TenantAdmin)).Email!))
            .GetStringAsync($"/{team.Slug}/admin/webhooks/{subscriptionId}");
        Assert.Contains("procurement.closed", page);
        Assert.Contains(": 500", page);
        Assert.Contains(": 200", page);
    }

    [Fact]
    public async Task Award_approval_is_sent_to_the_subscribers_of_that_event_only()
    {
        await using var receiver = new WebhookReceiver();
        await using var other = new WebhookReceiver();
        var (closed, _, _) = await fixture.RankedAsync();
        var admin = await fixture.BearerClientAsync((await fixture.CreateUserAsync(closed.Tender.Tenant, Role.TenantAdmin)).Email!);
        var api = $"/api/v1/t/{closed.Tender.Slug}";
        var (_, secret) = await SubscribeAsync(admin, api, receiver.Url, [WebhookEvents.AwardApproved]);
        await SubscribeAsync(admin, api, other.Url, [WebhookEvents.ContractExpiring]);

        await fixture.RecommendAndApproveAsync(closed);
        await DeliverAsync(closed.Tender.Tenant.Id);
        await RetriesDueNowAsync(closed.Tender.Tenant.Id);
        await DeliverAsync(closed.Tender.Tenant.Id);

        AssertEachEventOnceAfterARetry(receiver, secret, closed.Tender.Slug, WebhookEvents.AwardApproved);
        Assert.Empty(other.Received);
    }

    [Fact]
    public async Task A_receiver_that_keeps_failing_is_given_up_after_eight_attempts_each_recorded()
    {
        await using var receiver = new WebhookReceiver(alwaysFail: true);
        var team = await fixture.AdminTeamAsync();
        await SubscribeAsync(team.Admin, team.Api, receiver.Url, [WebhookEvents.ProcurementPublished]);
        var id = await LancashireViaApi.BuildAsync(team.Officer, team.Slug);
        Assert.Equal(HttpStatusCode.OK, (await team.Officer.PostAsync($"{team.Api}/procurements/{id}/publish", null)).StatusCode);

        for (var i = 0; i < WebhookDelivery.MaxAttempts + 2; i++)
        {
            await DeliverAsync(team.Tenant.Id);
            await RetriesDueNowAsync(team.Tenant.Id);
        }

        Assert.Equal(WebhookDelivery.MaxAttempts, receiver.Received.Count);
        await using var db = fixture.AppDb(team.Tenant.Id);
        var delivery = await db.WebhookDeliveries.Include(d => d.AttemptLog).SingleAsync();
        Assert.NotNull(delivery.FailedAt);
        Assert.Null(delivery.DeliveredAt);
        Assert.Equal(Enumerable.Range(1, WebhookDelivery.MaxAttempts), delivery.AttemptLog.OrderBy(a => a.Number).Select(a => a.Number));
        Assert.All(delivery.AttemptLog, a => Assert.Equal(500, a.StatusCode));
    }

    [Fact]
    public async Task A_subscription_needs_https_and_known_events_its_secret_is_not_stored_in_clear_and_another_tenant_cannot_see_it()
    {
        var a = await fixture.AdminTeamAsync("Tenant A");
        var b = await fixture.AdminTeamAsync("Tenant B");

        var plain = await a.Admin.PostAsJsonAsync($"{a.Api}/webhooks", new { url = "http://example.org/hook", events = new[] { "award.approved" } });
        Assert.Contains("url", (await plain.FieldErrorsAsync()).Keys, StringComparer.OrdinalIgnoreCase);
        var unknown = await a.Admin.PostAsJsonAsync($"{a.Api}/webhooks", new { url = "https://example.org/hook", events = new[] { "bid.submitted" } });
        Assert.Contains("events", (await unknown.FieldErrorsAsync()).Keys, StringComparer.OrdinalIgnoreCase);
        var (id, secret) = await SubscribeAsync(a.Admin, a.Api, "https://example.org/hook", [WebhookEvents.AwardApproved]);

        Assert.Equal(0, await fixture.CountAsync($"select count(*) from webhook_subscriptions where row_to_json(webhook_subscriptions)::text like '%{secret[6..]}%'"));
        Assert.Equal(HttpStatusCode.NotFound, (await b.Admin.GetAsync($"{b.Api}/webhooks/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Admin.DeleteAsync($"{b.Api}/webhooks/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Admin.GetAsync($"{a.Api}/webhooks")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.Officer.GetAsync($"{a.Api}/webhooks")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await a.Admin.DeleteAsync($"{a.Api}/webhooks/{id}")).StatusCode);
        await using var db = fixture.AppDb(a.Tenant.Id);
        Assert.Equal(["webhook.subscribed", "webhook.removed"],
            await db.AuditEvents.Where(e => e.EntityId == id.ToString()).OrderBy(e => e.Seq).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task A_tenant_admin_adds_a_webhook_on_the_page_and_sees_its_secret_once()
    {
        var (tenant, admin) = await fixture.CreateTenantWithAdminAsync();
        var page = await fixture.PageClientAsync(admin.Email!);

        var blank = await page.PostFormAsync($"/{tenant.Slug}/admin/webhooks/new", new() { ["Url"] = "" });
        await blank.AssertErrorSummaryAsync("Url", "Events");
        var created = await page.PostFormAsync($"/{tenant.Slug}/admin/webhooks/new", new()
        {
            ["Url"] = "https://finance.example.org/portal-events", ["Events"] = "procurement.published",
        });

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var html = await created.Content.ReadAsStringAsync();
        var secret = System.Text.RegularExpressions.Regex.Match(html, "id=\"webhook-secret\">(whsec_[0-9a-f]+)<").Groups[1].Value;
        Assert.NotEmpty(secret);
        var index = await page.GetStringAsync($"/{tenant.Slug}/admin/webhooks");
        Assert.Contains("https://finance.example.org/portal-events", index);
        Assert.DoesNotContain(secret, index);
    }
}
