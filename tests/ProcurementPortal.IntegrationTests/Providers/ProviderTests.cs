using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Providers;

[Collection(PortalCollection.Name)]
public sealed class ProviderTests(PortalFixture fixture)
{
    private static string CompanyNumber() => Random.Shared.Next(0, 99_999_999).ToString("D8");

    private static Dictionary<string, string> Form(string? companyNumber, string? charityNumber = null) => new()
    {
        ["Name"] = "Care Partners Ltd",
        ["CompaniesHouseNumber"] = companyNumber ?? "",
        ["CharityNumber"] = charityNumber ?? "",
        ["CqcLocationId"] = "1-123456789",
        ["AddressLine1"] = "1 Mill Lane",
        ["Town"] = "Blackburn",
        ["Postcode"] = "BB1 1AA",
        ["ContactName"] = "Sam Rivers",
        ["ContactEmail"] = "sam@carepartners.test",
        ["ContactPhone"] = "01632 960 001",
    };

    [Fact]
    public async Task Signed_in_user_registers_a_provider_on_the_page_and_becomes_its_provider_admin()
    {
        var user = await fixture.CreateUserAsync();
        var browser = await fixture.PageClientAsync(user.Email!);

        var response = await browser.PostFormAsync("/providers/register", Form(CompanyNumber()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var dashboardPath = response.Headers.Location!.OriginalString;
        var providerId = Guid.Parse(dashboardPath.Split('/').Last());
        var dashboard = await browser.GetStringAsync(dashboardPath);
        Assert.Contains("Care Partners Ltd", dashboard);
        Assert.Contains("Nothing needs your attention now.", dashboard);
        Assert.Contains("1-123456789", dashboard);
        await using (var db = fixture.SuperuserDb())
        {
            var membership = await db.Memberships.Include(m => m.Organisation).SingleAsync(m => m.UserId == user.Id);
            Assert.Equal(Role.ProviderAdmin, membership.Role);
            Assert.Equal(OrganisationKind.Provider, membership.Organisation!.Kind);
            Assert.Null(membership.Organisation.Slug);
        }
        Assert.Contains(await fixture.AuditChainAsync(null), e => e.Action == "provider.registered" && e.EntityId == providerId.ToString());
        Assert.Contains(user.Email!, await browser.GetStringAsync($"/providers/{providerId}/users"));
    }

    [Fact]
    public async Task A_provider_registered_through_the_api_is_visible_to_its_members_only()
    {
        var owner = await fixture.CreateUserAsync();
        var api = await fixture.BearerClientAsync(owner.Email!);

        var response = await api.PostAsJsonAsync("/api/v1/providers", Form(null, "1234567"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var provider = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = provider.GetProperty("id").GetGuid();
        Assert.Equal(["ProviderAdmin"], provider.GetProperty("yourRoles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/providers/{id}")).StatusCode);

        var stranger = await fixture.CreateUserAsync();
        var strangerApi = await fixture.BearerClientAsync(stranger.Email!);
        var strangerPage = await fixture.PageClientAsync(stranger.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerApi.GetAsync($"/api/v1/providers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerPage.GetAsync($"/providers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerPage.GetAsync($"/providers/{id}/users")).StatusCode);
    }

    [Fact]
    public async Task Another_providers_dashboard_is_not_found_for_a_member_of_a_different_provider()
    {
        var mine = await fixture.CreateUserAsync();
        var theirs = await fixture.CreateUserAsync();
        var myApi = await fixture.BearerClientAsync(mine.Email!);
        var theirApi = await fixture.BearerClientAsync(theirs.Email!);
        Assert.Equal(HttpStatusCode.Created, (await myApi.PostAsJsonAsync("/api/v1/providers", Form(CompanyNumber()))).StatusCode);
        var theirProvider = await (await theirApi.PostAsJsonAsync("/api/v1/providers", Form(CompanyNumber()))).Content.ReadFromJsonAsync<JsonElement>();
        var theirId = theirProvider.GetProperty("id").GetGuid();
        var myPage = await fixture.PageClientAsync(mine.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await myPage.GetAsync($"/providers/{theirId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await myApi.GetAsync($"/api/v1/providers/{theirId}")).StatusCode);
        var tenant = await fixture.CreateTenantAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await myApi.GetAsync($"/api/v1/providers/{tenant.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_bid_writer_sees_the_dashboard_but_not_the_users_page()
    {
        var provider = new Organisation { Kind = OrganisationKind.Provider, Name = "Homecare Co-operative" };
        await using (var db = fixture.SuperuserDb())
        {
            db.Organisations.Add(provider);
            await db.SaveChangesAsync();
        }
        var writer = await fixture.CreateUserAsync(provider, Role.BidWriter);
        var page = await fixture.PageClientAsync(writer.Email!);

        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync($"/providers/{provider.Id}")).StatusCode);
        var users = await page.GetAsync($"/providers/{provider.Id}/users");
        Assert.Equal(HttpStatusCode.Redirect, users.StatusCode);
        Assert.Contains("/error/403", users.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Registration_needs_a_company_or_charity_number_in_the_right_format()
    {
        var user = await fixture.CreateUserAsync();
        var api = await fixture.BearerClientAsync(user.Email!);
        var browser = await fixture.PageClientAsync(user.Email!);

        var neither = await (await api.PostAsJsonAsync("/api/v1/providers", Form(null))).FieldErrorsAsync();
        Assert.Equal(["CompaniesHouseNumber"], neither.Keys);
        var malformed = Form("1234", "12");
        malformed["CqcLocationId"] = "123456789";
        malformed["ContactEmail"] = "sam";
        var wrong = await (await api.PostAsJsonAsync("/api/v1/providers", malformed)).FieldErrorsAsync();
        Assert.Equal(["CharityNumber", "CompaniesHouseNumber", "ContactEmail", "CqcLocationId"], wrong.Keys.Order());
        var page = await browser.PostFormAsync("/providers/register", malformed);
        await page.AssertErrorSummaryAsync("CompaniesHouseNumber", "CharityNumber", "CqcLocationId", "ContactEmail");

        await using var db = fixture.SuperuserDb();
        Assert.False(await db.Memberships.AnyAsync(m => m.UserId == user.Id));
    }

    [Fact]
    public async Task Registering_a_provider_needs_a_signed_in_user()
    {
        var anonymous = fixture.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/providers", Form(CompanyNumber()))).StatusCode);
        var page = await anonymous.GetAsync("/providers/register");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/sign-in", page.Headers.Location!.OriginalString);
    }
}
