using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Audit;

[Collection(PortalCollection.Name)]
public sealed class AuditLogScreensTests(PortalFixture fixture)
{
    /// <summary>A tenant whose admin has invited <paramref name="count"/> people, so its chain has that many events.</summary>
    private async Task<(Organisation Tenant, PortalUser Admin, HttpClient Api)> TenantWithEventsAsync(int count)
    {
        var (tenant, admin) = await fixture.CreateTenantWithAdminAsync();
        var api = await fixture.BearerClientAsync(admin.Email!);
        for (var i = 0; i < count; i++)
        {
            var response = await api.PostAsJsonAsync($"/api/v1/t/{tenant.Slug}/invitations", new { email = $"person{i}@tenant.test", role = "Evaluator" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        return (tenant, admin, api);
    }

    [Fact]
    public async Task Audit_events_are_listed_newest_first_fifty_a_page_and_filtered()
    {
        var (tenant, admin, api) = await TenantWithEventsAsync(52);
        var officer = await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer);
        Assert.Equal(HttpStatusCode.OK,
            (await api.PutAsJsonAsync($"/api/v1/t/{tenant.Slug}/members/{officer.Id}/roles", new { roles = new[] { "Approver" } })).StatusCode);

        var first = await api.GetFromJsonAsync<JsonElement>($"/api/v1/t/{tenant.Slug}/audit-events?pageSize=50");
        Assert.Equal(53, first.GetProperty("total").GetInt32());
        var events = first.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(50, events.Count);
        Assert.Equal("member.roles-changed", events[0].GetProperty("action").GetString());
        Assert.Equal(53, events[0].GetProperty("seq").GetInt64());
        var second = await api.GetFromJsonAsync<JsonElement>($"/api/v1/t/{tenant.Slug}/audit-events?page=2&pageSize=50");
        Assert.Equal([3L, 2L, 1L], second.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()));

        var byAction = await api.GetFromJsonAsync<JsonElement>($"/api/v1/t/{tenant.Slug}/audit-events?action=member.roles-changed");
        Assert.Equal(1, byAction.GetProperty("total").GetInt32());
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")));
        var todays = await api.GetFromJsonAsync<JsonElement>($"/api/v1/t/{tenant.Slug}/audit-events?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        Assert.Equal(53, todays.GetProperty("total").GetInt32());
        var yesterday = await api.GetFromJsonAsync<JsonElement>($"/api/v1/t/{tenant.Slug}/audit-events?to={today.AddDays(-1):yyyy-MM-dd}");
        Assert.Equal(0, yesterday.GetProperty("total").GetInt32());
        var byActor = await api.GetFromJsonAsync<JsonElement>($"/api/v1/t/{tenant.Slug}/audit-events?actor={Uri.EscapeDataString(admin.Email![..10])}");
        Assert.Equal(53, byActor.GetProperty("total").GetInt32());
        var nobody = await api.GetFromJsonAsync<JsonElement>($"/api/v1/t/{tenant.Slug}/audit-events?actor=nobody%25");
        Assert.Equal(0, nobody.GetProperty("total").GetInt32());

        var browser = await fixture.PageClientAsync(admin.Email!);
        var page = await browser.GetStringAsync($"/{tenant.Slug}/admin/audit?action=member.roles-changed");
        Assert.Contains("1 event", page);
        Assert.Contains("Roles of " + officer.Email, page);
        Assert.Contains("Older events", await browser.GetStringAsync($"/{tenant.Slug}/admin/audit"));
    }

    [Fact]
    public async Task A_date_range_that_ends_before_it_starts_is_refused()
    {
        var (tenant, admin, api) = await TenantWithEventsAsync(0);
        var browser = await fixture.PageClientAsync(admin.Email!);

        var errors = await (await api.GetAsync($"/api/v1/t/{tenant.Slug}/audit-events?from=2026-03-27&to=2026-03-01")).FieldErrorsAsync();
        Assert.Equal(["To"], errors.Keys);
        await (await browser.GetAsync($"/{tenant.Slug}/admin/audit?From=31/2/2026")).AssertErrorSummaryAsync("From");
    }

    [Fact]
    public async Task Checking_an_untouched_trail_reports_it_intact_with_the_number_of_events()
    {
        var (tenant, admin, api) = await TenantWithEventsAsync(3);
        var browser = await fixture.PageClientAsync(admin.Email!);

        var verdict = await (await api.PostAsync($"/api/v1/t/{tenant.Slug}/audit-events/verify", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(verdict.GetProperty("intact").GetBoolean());
        Assert.Equal(3, verdict.GetProperty("eventsChecked").GetInt64());
        var page = await browser.PostFormAsync($"/{tenant.Slug}/admin/audit/verify", [], formPage: $"/{tenant.Slug}/admin/audit");
        Assert.Contains("The audit trail is intact: 3 events checked.", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Checking_a_trail_with_an_altered_event_reports_the_first_broken_event()
    {
        var (tenant, admin, api) = await TenantWithEventsAsync(3);
        var chain = await fixture.AuditChainAsync(tenant.Id);
        await using (var connection = new NpgsqlConnection(fixture.SuperuserConnectionString))
        {
            await connection.OpenAsync();
            // Bypass the append-only trigger as an attacker with superuser rights would.
            await using var tamper = new NpgsqlCommand(
                "set session_replication_role = replica; update audit_events set summary = 'nothing to see' where id = @id; set session_replication_role = origin;",
                connection);
            tamper.Parameters.AddWithValue("id", chain[1].Id);
            await tamper.ExecuteNonQueryAsync();
        }
        var browser = await fixture.PageClientAsync(admin.Email!);

        var verdict = await (await api.PostAsync($"/api/v1/t/{tenant.Slug}/audit-events/verify", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(verdict.GetProperty("intact").GetBoolean());
        Assert.Equal(2, verdict.GetProperty("firstBrokenSeq").GetInt64());
        Assert.Equal(chain[1].Id, verdict.GetProperty("firstBrokenId").GetGuid());
        var page = await browser.PostFormAsync($"/{tenant.Slug}/admin/audit/verify", [], formPage: $"/{tenant.Slug}/admin/audit");
        Assert.Contains("The audit trail is broken at event 2", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Platform_admin_checks_the_platform_chain_and_nobody_else_may()
    {
        var admin = await fixture.BearerClientAsync(PortalFixture.PlatformAdminEmail);
        var (_, _, tenantApi) = await TenantWithEventsAsync(0);

        var response = await admin.PostAsync("/api/v1/admin/audit/verify", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var verdict = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(verdict.GetProperty("intact").GetBoolean(), verdict.GetRawText());
        Assert.Equal((await fixture.AuditChainAsync(null)).Count, verdict.GetProperty("eventsChecked").GetInt64());
        Assert.Equal(HttpStatusCode.Forbidden, (await tenantApi.PostAsync("/api/v1/admin/audit/verify", null)).StatusCode);
    }
}
