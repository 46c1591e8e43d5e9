using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.ApiClients;

/// <summary>A tenant with its admin (signed in through the API) and an officer, for API client and webhook tests.</summary>
public sealed record AdminTeam(Organisation Tenant, HttpClient Admin, HttpClient Officer)
{
    public string Slug => Tenant.Slug!;
    public string Api => $"/api/v1/t/{Slug}";
}

public static class ApiClientTestSupport
{
    public static async Task<AdminTeam> AdminTeamAsync(this PortalFixture fixture, string name = "Lancashire County Council")
    {
        var (tenant, admin) = await fixture.CreateTenantWithAdminAsync(name);
        var officer = await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer);
        return new AdminTeam(tenant, await fixture.BearerClientAsync(admin.Email!), await fixture.BearerClientAsync(officer.Email!));
    }

    /// <summary>The admin creates an API client through the API; returns its id and its token (shown this once).</summary>
    public static async Task<(Guid Id, string Token)> CreateApiClientAsync(this AdminTeam team, string[]? roles = null, int? expiresInDays = null)
    {
        var response = await team.Admin.PostAsJsonAsync($"{team.Api}/api-clients", new { name = "Finance system", roles = roles ?? [], expiresInDays });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("client").GetProperty("id").GetGuid(), created.GetProperty("token").GetString()!);
    }

    /// <summary>A client that calls the API with an API client token.</summary>
    public static HttpClient TokenClient(this PortalFixture fixture, string token)
    {
        var client = fixture.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
