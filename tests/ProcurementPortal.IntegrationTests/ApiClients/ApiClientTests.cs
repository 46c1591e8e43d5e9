using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.IntegrationTests.Bids;
using ProcurementPortal.IntegrationTests.Procurements;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.ApiClients;

/// <summary>API client tokens: one tenant each, roles of their own, revocable, expiring, stored as a hash (issue 9.3).</summary>
[Collection(PortalCollection.Name)]
public sealed class ApiClientTests(PortalFixture fixture)
{
    [Fact]
    public async Task Api_client_of_one_tenant_reads_its_procurements_and_another_tenants_routes_answer_404()
    {
        var a = await fixture.AdminTeamAsync("Tenant A");
        var b = await fixture.AdminTeamAsync("Tenant B");
        var procurementOfA = await LancashireViaApi.BuildAsync(a.Officer, a.Slug);
        var procurementOfB = await LancashireViaApi.BuildAsync(b.Officer, b.Slug);
        var (_, token) = await a.CreateApiClientAsync();
        var client = fixture.TokenClient(token);

        var list = await client.GetAsync($"{a.Api}/procurements");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains((await list.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray(), p => p.GetProperty("id").GetGuid() == procurementOfA);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{a.Api}/procurements/{procurementOfA}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{b.Api}/procurements")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{b.Api}/procurements/{procurementOfB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{a.Api}/procurements/{procurementOfB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{b.Api}/members")).StatusCode);

        // Open data is for anyone: the client gets what an anonymous caller gets, not a refusal.
        foreach (var tenant in new[] { a, b })
        {
            var anonymous = await fixture.CreateClient().GetAsync($"{tenant.Api}/ocds/releases");
            var asClient = await client.GetAsync($"{tenant.Api}/ocds/releases");
            Assert.NotEqual(HttpStatusCode.Forbidden, asClient.StatusCode);
            Assert.Equal(anonymous.StatusCode, asClient.StatusCode);
        }
    }

    [Fact]
    public async Task Api_client_token_reaches_no_account_provider_or_platform_route_and_no_admin_or_person_only_route_of_its_tenant()
    {
        var a = await fixture.AdminTeamAsync();
        var (_, token) = await a.CreateApiClientAsync(["ProcurementOfficer"]);
        var client = fixture.TokenClient(token);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/admin/tenants")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/opportunities")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/providers", new { name = "Shell Ltd" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{a.Api}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{a.Api}/api-clients")).StatusCode);
        // Actions that record which person took them: recording a contract (its owner), awards and evaluation.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"{a.Api}/contracts", new { reference = "C-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"{a.Api}/procurements/{Guid.NewGuid()}/award/recommendation", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{a.Api}/procurements/{Guid.NewGuid()}/evaluation")).StatusCode);
    }

    [Fact]
    public async Task Read_only_client_cannot_change_anything_and_an_officer_client_creates_a_procurement_in_its_own_name()
    {
        var a = await fixture.AdminTeamAsync();
        var (_, readOnly) = await a.CreateApiClientAsync();
        var (_, officer) = await a.CreateApiClientAsync(["ProcurementOfficer"]);
        var fields = new { title = "Supported living framework", description = "Care and support at home.", procedureType = "OpenFramework" };

        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.TokenClient(readOnly).PostAsJsonAsync($"{a.Api}/procurements", fields)).StatusCode);
        var created = await fixture.TokenClient(officer).PostAsJsonAsync($"{a.Api}/procurements", fields);

        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await using var db = fixture.AppDb(a.Tenant.Id);
        var audit = await db.AuditEvents.SingleAsync(e => e.EntityId == id && e.Action == "procurement.created");
        Assert.Equal("API client Finance system", audit.ActorName);
        Assert.Null(audit.ActorUserId);
    }

    [Fact]
    public async Task Revoked_client_token_stops_working_at_once_and_creating_and_revoking_are_audited()
    {
        var a = await fixture.AdminTeamAsync();
        var (id, token) = await a.CreateApiClientAsync();
        var client = fixture.TokenClient(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{a.Api}/procurements")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await a.Admin.DeleteAsync($"{a.Api}/api-clients/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"{a.Api}/procurements")).StatusCode);
        var shown = await a.Admin.GetFromJsonAsync<JsonElement>($"{a.Api}/api-clients/{id}");
        Assert.Equal("Revoked", shown.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, shown.GetProperty("lastUsedAt").ValueKind);
        await using var db = fixture.AppDb(a.Tenant.Id);
        var actions = await db.AuditEvents.Where(e => e.EntityId == id.ToString()).OrderBy(e => e.Seq).Select(e => e.Action).ToListAsync();
        Assert.Equal(["api_client.created", "api_client.revoked"], actions);
    }

    [Fact]
    public async Task Expired_client_token_is_refused()
    {
        var a = await fixture.AdminTeamAsync();
        var (id, token) = await a.CreateApiClientAsync(expiresInDays: 1);
        var client = fixture.TokenClient(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{a.Api}/procurements")).StatusCode);

        await fixture.SqlAsync("update api_clients set expires_at = now() - interval '1 second' where id = @id", ("id", id));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"{a.Api}/procurements")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.TokenClient(token + "x").GetAsync($"{a.Api}/procurements")).StatusCode);
    }

    [Fact]
    public async Task The_token_is_stored_only_as_its_sha256_hash_and_the_app_role_sees_no_other_tenants_clients()
    {
        var a = await fixture.AdminTeamAsync();
        var b = await fixture.AdminTeamAsync();
        var (id, token) = await a.CreateApiClientAsync();

        Assert.StartsWith("ppat_", token);
        Assert.True(token.Length >= 5 + 43);
        await using (var db = fixture.SuperuserDb(a.Tenant.Id))
        {
            var row = await db.ApiClients.SingleAsync(c => c.Id == id);
            Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(token)), row.TokenHash);
            Assert.Equal(token[..9], row.TokenHint);
        }
        Assert.Equal(0, await fixture.CountAsync($"select count(*) from api_clients where row_to_json(api_clients)::text like '%{token[9..]}%'"));
        await using (var other = fixture.AppDb(b.Tenant.Id))
        {
            Assert.False(await other.ApiClients.IgnoreQueryFilters().AnyAsync(c => c.Id == id));
        }
    }

    [Fact]
    public async Task A_tenant_admin_creates_a_client_on_the_page_sees_its_token_once_and_revokes_it()
    {
        var (tenant, admin) = await fixture.CreateTenantWithAdminAsync();
        var page = await fixture.PageClientAsync(admin.Email!);

        var created = await page.PostFormAsync($"/{tenant.Slug}/admin/api-clients/new", new()
        {
            ["Name"] = "Contracts register", ["Roles"] = "ProcurementOfficer", ["ExpiresInDays"] = "30",
        });

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var html = await created.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "id=\"api-client-token\">(ppat_[A-Za-z0-9_-]+)<").Groups[1].Value;
        Assert.NotEmpty(token);
        Assert.Equal(HttpStatusCode.OK, (await fixture.TokenClient(token).GetAsync($"/api/v1/t/{tenant.Slug}/procurements")).StatusCode);
        var index = await page.GetStringAsync($"/{tenant.Slug}/admin/api-clients");
        Assert.Contains("Contracts register", index);
        Assert.DoesNotContain(token, index);
        await using var db = fixture.SuperuserDb(tenant.Id);
        var id = (await db.ApiClients.SingleAsync(c => c.TenantId == tenant.Id)).Id;
        Assert.DoesNotContain(token, await page.GetStringAsync($"/{tenant.Slug}/admin/api-clients/{id}"));

        var revoked = await page.PostFormAsync($"/{tenant.Slug}/admin/api-clients/{id}/revoke", [], formPage: $"/{tenant.Slug}/admin/api-clients/{id}");

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.TokenClient(token).GetAsync($"/api/v1/t/{tenant.Slug}/procurements")).StatusCode);
    }

    [Fact]
    public async Task A_client_may_not_be_given_a_person_s_roles_and_needs_a_name()
    {
        var (tenant, admin) = await fixture.CreateTenantWithAdminAsync();
        var page = await fixture.PageClientAsync(admin.Email!);
        var api = await fixture.BearerClientAsync(admin.Email!);

        var refused = await api.PostAsJsonAsync($"/api/v1/t/{tenant.Slug}/api-clients", new { name = "Scoring robot", roles = new[] { "Approver" } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("roles", (await refused.FieldErrorsAsync()).Keys, StringComparer.OrdinalIgnoreCase);

        var blank = await page.PostFormAsync($"/{tenant.Slug}/admin/api-clients/new", new() { ["Name"] = "" });
        await blank.AssertErrorSummaryAsync("Name");
    }
}
