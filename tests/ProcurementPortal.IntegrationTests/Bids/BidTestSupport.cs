using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProcurementPortal.Core;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.IntegrationTests.Procurements;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Bids;

public sealed record Tender(Organisation Tenant, Guid Id, HttpClient Officer)
{
    public string Slug => Tenant.Slug!;
    public string BidUrl => $"/api/v1/t/{Slug}/opportunities/{Id}/bid";
}

public sealed record BidProvider(Organisation Organisation, PortalUser User, HttpClient Client);

/// <summary>Arranging published tenders, providers and bids through the API, and moving deadlines by the database clock.</summary>
public static class BidTestSupport
{
    public const string DistinctiveAnswer = "Our recovery college pairs every tenant with a peer mentor (zebra-lantern-7731).";

    public static async Task<Tender> PublishedTenderAsync(this PortalFixture fixture, string? ceilingRule = null)
    {
        var tenant = await fixture.CreateTenantAsync("Lancashire County Council");
        var officer = await fixture.ApiClientAsync((await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer)).Email!);
        var id = await LancashireViaApi.BuildAsync(officer, tenant.Slug!);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/v1/t/{tenant.Slug}/procurements/{id}/publish", null)).StatusCode);
        if (ceilingRule is not null)
        {
            await fixture.SqlAsync($"update procurements set ceiling_breach_rule = '{ceilingRule}' where id = '{id}'");
        }
        return new Tender(tenant, id, officer);
    }

    public static async Task<BidProvider> ProviderAsync(this PortalFixture fixture, string name = "Ribble Valley Supported Living Ltd", Role role = Role.BidWriter)
    {
        var provider = new Organisation { Kind = OrganisationKind.Provider, Name = name, CompaniesHouseNumber = "09900001" };
        await using (var db = fixture.SuperuserDb())
        {
            db.Organisations.Add(provider);
            await db.SaveChangesAsync();
        }
        var user = await fixture.CreateUserAsync(provider, role);
        return new BidProvider(provider, user, await fixture.ApiClientAsync(user.Email!));
    }

    /// <summary>A bearer client, also when the portal is served over Kestrel for a browser (the test server's client cannot reach it).</summary>
    public static async Task<HttpClient> ApiClientAsync(this PortalFixture fixture, string email)
    {
        if (!fixture.UseKestrel)
        {
            return await fixture.BearerClientAsync(email);
        }
        var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        var login = await client.PostAsJsonAsync("/api/v1/identity/login", new { email, password = PortalFixture.Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<JsonElement> StartAsync(this Tender tender, HttpClient client)
    {
        var response = await client.PostAsync(tender.BidUrl, null);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> GetBidAsync(this Tender tender, HttpClient client) =>
        await client.GetFromJsonAsync<JsonElement>(tender.BidUrl);

    public static async Task<HttpResponseMessage> SaveAsync(this Tender tender, HttpClient client, uint rowVersion, object parts)
    {
        var body = JsonSerializer.SerializeToElement(parts, JsonSerializerOptions.Web);
        var merged = new Dictionary<string, object?> { ["rowVersion"] = rowVersion };
        foreach (var property in body.EnumerateObject())
        {
            merged[property.Name] = property.Value;
        }
        return await client.PutAsJsonAsync(tender.BidUrl, merged);
    }

    /// <summary>A complete draft: the first <paramref name="lots"/> lots, every question answered, every band at 50p under its ceiling, declarations made.</summary>
    public static async Task<JsonElement> CompleteDraftAsync(this Tender tender, HttpClient client, int lots = 2, string answer = DistinctiveAnswer)
    {
        var bid = await tender.StartAsync(client);
        var lotIds = bid.GetProperty("lots").EnumerateArray().Take(lots).Select(l => l.GetProperty("id").GetGuid()).ToList();
        var chosen = await tender.SaveAsync(client, bid.GetProperty("rowVersion").GetUInt32(), new { lotIds });
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        bid = await chosen.Content.ReadFromJsonAsync<JsonElement>();
        var answers = bid.GetProperty("answers").EnumerateArray().ToDictionary(
            a => a.GetProperty("questionId").GetGuid(),
            a => a.GetProperty("type").GetString() == "PassFail" ? "Yes" : answer);
        var rates = bid.GetProperty("prices").EnumerateArray().SelectMany(l => l.GetProperty("bands").EnumerateArray())
            .ToDictionary(b => b.GetProperty("bandId").GetGuid(), b => (decimal?)(b.GetProperty("ceilingRate").GetDecimal() - 0.50m));
        var saved = await tender.SaveAsync(client, bid.GetProperty("rowVersion").GetUInt32(), new
        {
            answers,
            rates,
            declarations = new { cqcRegistrationNumber = "1-101234567", employersLiabilityCover = 10_000_000m, publicLiabilityCover = 5_000_000m, conflictsOfInterest = "None" },
        });
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        return await saved.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> SubmitAsync(this Tender tender, HttpClient client, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{tender.BidUrl}/submit");
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }

    /// <summary>Moves the submission deadline to the database clock now plus <paramref name="fromNow"/> (negative: already passed).</summary>
    public static Task MoveDeadlineAsync(this PortalFixture fixture, Tender tender, TimeSpan fromNow) =>
        fixture.SqlAsync($"update procurements set submission_deadline = clock_timestamp() + interval '{fromNow.TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} milliseconds' where id = '{tender.Id}'");

    public static async Task SqlAsync(this PortalFixture fixture, string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.SuperuserConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> CountAsync(this PortalFixture fixture, string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.SuperuserConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>A context with the production tenancy and provider interceptors of your choosing, on a connection of your choosing.</summary>
    public static PortalDbContext Db(string connectionString, Guid? tenantId, Guid? providerId, bool saveGuards = true, bool connectionSettings = false)
    {
        var tenant = new TenantContext();
        if (tenantId is { } t)
        {
            tenant.Set(new Organisation { Id = t, Kind = OrganisationKind.CommissioningBody, Name = "test", Slug = "test" });
        }
        var provider = new ProviderContext();
        if (providerId is { } p)
        {
            provider.Set(p);
        }
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        PortalCore.ConfigureDbContext(options, connectionString);
        if (saveGuards)
        {
            options.AddInterceptors(new SaveLocksInterceptor(new TenantSaveLock(tenant), new ProviderSaveLock(provider)));
        }
        if (connectionSettings)
        {
            options.AddInterceptors(new TenantConnectionInterceptor(tenant, provider));
        }
        return new PortalDbContext(options.Options, tenant, provider);
    }
}
