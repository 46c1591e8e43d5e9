using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.MarketIntent;

/// <summary>Arranging statements, events and providers through the API, as officers and providers would.</summary>
public static class MarketIntentTestSupport
{
    /// <summary>Northamptonshire's timetable (Equality impact assessment "Partnerships", Cabinet 14 February 2017).</summary>
    public static object[] NorthamptonshireTimetable =>
    [
        new { label = "Statement issued", year = 2016, month = 11, day = (int?)null },
        new { label = "Provider engagement events", year = 2016, month = 12, day = (int?)null },
        new { label = "Tender published", year = 2017, month = 12, day = (int?)null },
        new { label = "Contract award", year = 2018, month = 1, day = (int?)null },
        new { label = "Contracts start", year = 2018, month = 4, day = (int?)1 },
    ];

    public static object Statement(string title = "Mental health care and support framework") => new
    {
        title,
        body = "<p>We intend to buy <strong>care and support</strong> through a framework.</p><script>alert(1)</script>",
        indicativeValueMin = 1_200_000m,
        indicativeValueMax = 1_500_000.50m,
        milestones = NorthamptonshireTimetable,
    };

    public static async Task<(Organisation Tenant, PortalUser Officer, HttpClient Api)> OfficerAsync(this PortalFixture fixture, string name = "Northamptonshire County Council")
    {
        var tenant = await fixture.CreateTenantAsync(name);
        var officer = await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer);
        return (tenant, officer, await fixture.BearerClientAsync(officer.Email!));
    }

    public static async Task<(Organisation Provider, PortalUser User)> CreateProviderAsync(this PortalFixture fixture, string name, Role role = Role.ProviderAdmin)
    {
        await using var db = fixture.SuperuserDb();
        var provider = new Organisation { Kind = OrganisationKind.Provider, Name = name };
        db.Organisations.Add(provider);
        await db.SaveChangesAsync();
        return (provider, await fixture.CreateUserAsync(provider, role));
    }

    public static async Task<Guid> CreateStatementAsync(this HttpClient api, string slug, bool publish, object? statement = null)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/t/{slug}/market-intent-statements", statement ?? Statement());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        if (publish)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/t/{slug}/market-intent-statements/{id}/publish", null)).StatusCode);
        }
        return id;
    }

    public static async Task<Guid> AddEventAsync(this HttpClient api, string slug, Guid statementId, DateTimeOffset startsAt, int capacity = 2)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/t/{slug}/market-intent-statements/{statementId}/events",
            Event(startsAt, capacity));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static object Event(DateTimeOffset startsAt, int capacity) => new
    {
        title = "Provider event, Northampton",
        startsAt,
        endsAt = startsAt.AddHours(2),
        venue = "One Angel Square, Angel Street, Northampton NN1 1ED",
        onlineLink = (string?)null,
        capacity,
    };

    /// <summary>A provider person's API client, registering its organisation for an event.</summary>
    public static async Task<JsonElement> RegisterAsync(this HttpClient provider, string slug, Guid statementId, Guid eventId, Guid? providerId = null)
    {
        var response = await provider.PostAsJsonAsync($"/api/v1/t/{slug}/notices/{statementId}/events/{eventId}/registrations", new { providerId, attendeeName = (string?)null });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
