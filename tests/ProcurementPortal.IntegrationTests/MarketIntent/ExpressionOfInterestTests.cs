using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.MarketIntent;

[Collection(PortalCollection.Name)]
public sealed class ExpressionOfInterestTests(PortalFixture fixture)
{
    [Fact]
    public async Task Provider_expresses_interest_on_the_page_and_the_officer_sees_the_answers_and_exports_them()
    {
        var (tenant, officer, api) = await fixture.OfficerAsync();
        var statement = await api.CreateStatementAsync(tenant.Slug!, publish: true);
        var (provider, user) = await fixture.CreateProviderAsync("Nene Valley Care Ltd");
        var pages = await fixture.CookieClientAsync(user.Email!);

        var response = await pages.PostFormAsync($"/{tenant.Slug}/notices/{statement}/interest", new()
        {
            ["AreasOfInterest"] = "Lot 2: North Northamptonshire",
            ["CapacityHoursPerWeek"] = "1,200",
            ["Comment"] = "We run supported living in Corby and Kettering.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using (var db = fixture.SuperuserDb(tenant.Id))
        {
            var saved = await db.ExpressionsOfInterest.SingleAsync(x => x.StatementId == statement);
            Assert.Equal(provider.Id, saved.ProviderId);
            Assert.Equal("Lot 2: North Northamptonshire", saved.AreasOfInterest);
            Assert.Equal(1200, saved.CapacityHoursPerWeek);
            Assert.Equal("We run supported living in Corby and Kettering.", saved.Comment);
            Assert.Equal(user.Email, saved.ContactEmail);
        }
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/t/{tenant.Slug}/market-intent-statements/{statement}/expressions-of-interest");
        Assert.Equal("Nene Valley Care Ltd", list.GetProperty("expressions")[0].GetProperty("providerName").GetString());
        var csv = await (await fixture.CookieClientAsync(officer.Email!)).GetAsync($"/{tenant.Slug}/market-intent/{statement}/interest.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Provider,Contact email,Lots or areas of interest,Capacity (hours a week),Comment,Submitted (UK time)", lines[0]);
        Assert.StartsWith($"Nene Valley Care Ltd,{user.Email},Lot 2: North Northamptonshire,1200,We run supported living in Corby and Kettering.,", lines[1]);
        Assert.Equal("market-intent.interest-expressed", (await fixture.AuditChainAsync(tenant.Id)).Last().Action);
    }

    [Fact]
    public async Task Sending_again_replaces_the_answers()
    {
        var (tenant, _, api) = await fixture.OfficerAsync();
        var statement = await api.CreateStatementAsync(tenant.Slug!, publish: true);
        var (_, user) = await fixture.CreateProviderAsync("Nene Valley Care Ltd");
        var providerApi = await fixture.BearerClientAsync(user.Email!);
        var url = $"/api/v1/t/{tenant.Slug}/notices/{statement}/expression-of-interest";

        Assert.Equal(HttpStatusCode.OK, (await providerApi.PutAsJsonAsync(url, new { areasOfInterest = "Lot 1", capacityHoursPerWeek = 100 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await providerApi.PutAsJsonAsync(url, new { areasOfInterest = "Lots 1 and 3", capacityHoursPerWeek = 250 })).StatusCode);

        await using var db = fixture.SuperuserDb(tenant.Id);
        var saved = await db.ExpressionsOfInterest.SingleAsync(x => x.StatementId == statement);
        Assert.Equal(("Lots 1 and 3", 250), (saved.AreasOfInterest, saved.CapacityHoursPerWeek));
    }

    [Fact]
    public async Task Interest_without_answers_is_refused_on_the_page_and_in_the_api()
    {
        var (tenant, _, api) = await fixture.OfficerAsync();
        var statement = await api.CreateStatementAsync(tenant.Slug!, publish: true);
        var (_, user) = await fixture.CreateProviderAsync("Nene Valley Care Ltd");

        var page = await (await fixture.CookieClientAsync(user.Email!)).PostFormAsync($"/{tenant.Slug}/notices/{statement}/interest", new()
        {
            ["AreasOfInterest"] = "",
            ["CapacityHoursPerWeek"] = "lots",
        });
        await page.AssertErrorSummaryAsync("AreasOfInterest", "CapacityHoursPerWeek");

        var errors = await (await (await fixture.BearerClientAsync(user.Email!)).PutAsJsonAsync(
            $"/api/v1/t/{tenant.Slug}/notices/{statement}/expression-of-interest", new { areasOfInterest = "", capacityHoursPerWeek = (int?)null })).FieldErrorsAsync();
        Assert.Equal(["AreasOfInterest", "CapacityHoursPerWeek"], errors.Keys.Order());
    }

    [Fact]
    public async Task A_tenant_officer_without_a_provider_organisation_cannot_express_interest()
    {
        var (tenant, officer, api) = await fixture.OfficerAsync();
        var statement = await api.CreateStatementAsync(tenant.Slug!, publish: true);

        var errors = await (await api.PutAsJsonAsync($"/api/v1/t/{tenant.Slug}/notices/{statement}/expression-of-interest",
            new { areasOfInterest = "All", capacityHoursPerWeek = 10 })).FieldErrorsAsync();

        Assert.Contains("provider organisation", Assert.Single(errors["ProviderId"]));
        Assert.Equal(HttpStatusCode.NotFound, (await (await fixture.CookieClientAsync(officer.Email!)).GetAsync($"/{tenant.Slug}/notices/{statement}/interest")).StatusCode);
    }
}
