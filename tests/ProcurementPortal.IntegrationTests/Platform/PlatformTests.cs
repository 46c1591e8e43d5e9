using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Jobs;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Platform;

[Collection(PortalCollection.Name)]
public sealed partial class PlatformTests(PortalFixture fixture)
{
    /// <summary>Signs in through the Identity API's cookie mode, as the UI's cookie would be.</summary>
    private async Task<HttpClient> CookieViaApiAsync(string email)
    {
        var client = fixture.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/identity/login?useCookies=true", new { email, password = PortalFixture.Password });
        response.EnsureSuccessStatusCode();
        return client;
    }

    [Fact]
    public async Task Hangfire_dashboard_answers_401_when_signed_out()
    {
        var response = await fixture.CreateClient().GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Hangfire_dashboard_answers_403_to_a_tenant_admin()
    {
        var tenant = await fixture.CreateTenantAsync();
        var admin = await fixture.CreateUserAsync(tenant, Role.TenantAdmin);
        var client = await CookieViaApiAsync(admin.Email!);

        var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Hangfire_dashboard_opens_for_the_platform_admin()
    {
        var client = await CookieViaApiAsync(PortalFixture.PlatformAdminEmail);

        var response = await client.GetAsync("/hangfire");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Contains("Hangfire", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_lists_every_api_endpoint()
    {
        var documented = await ApiRoutes.DocumentedAsync(fixture.CreateClient());

        var endpoints = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => ("/" + e.RoutePattern.RawText!.TrimStart('/')).StartsWith("/api/v1/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} {ApiRoutes.Normalise(e.RoutePattern.RawText!)}"))
            .ToList();

        Assert.NotEmpty(endpoints);
        Assert.Contains("GET /api/v1/me", endpoints);
        Assert.Contains("POST /api/v1/identity/login", endpoints);
        var undocumented = endpoints.Where(e => !documented.Contains(e)).ToList();
        Assert.True(undocumented.Count == 0, "Not in the OpenAPI document: " + string.Join(", ", undocumented));
    }

    [Fact]
    public async Task A_page_form_post_without_its_antiforgery_token_is_refused()
    {
        var client = fixture.CreateClient();

        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = PortalFixture.PlatformAdminEmail,
            ["Password"] = PortalFixture.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("portal.auth")));
    }

    [Fact]
    public async Task Api_errors_are_problem_details()
    {
        var client = fixture.CreateClient();

        var unauthorised = await client.GetAsync("/api/v1/me");
        var missing = await client.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
        Assert.Equal("application/problem+json", unauthorised.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        var problem = await missing.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Me_lists_the_callers_organisations_and_roles()
    {
        var tenant = await fixture.CreateTenantAsync("Lancashire County Council");
        var officer = await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer, Role.Evaluator);
        var client = await fixture.BearerClientAsync(officer.Email!);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");

        Assert.Equal(officer.Email, me.GetProperty("email").GetString());
        var organisation = Assert.Single(me.GetProperty("organisations").EnumerateArray());
        Assert.Equal(tenant.Slug, organisation.GetProperty("slug").GetString());
        Assert.Equal(["ProcurementOfficer", "Evaluator"], organisation.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Pages_carry_security_headers_and_a_nonce_csp()
    {
        var response = await fixture.CreateClient().GetAsync("/");

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Matches("script-src 'self' 'nonce-[0-9a-f]{32}'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var html = await response.Content.ReadAsStringAsync();
        var nonce = Regex.Match(csp, "nonce-([^']+)").Groups[1].Value;
        Assert.Contains($"<script nonce=\"{nonce}\">", html);
    }

    [Fact]
    public async Task Not_found_page_is_a_gov_uk_page_that_leaks_nothing()
    {
        var response = await fixture.CreateClient().GetAsync("/no-such-tenant/anything");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", html);
        Assert.DoesNotContain("Exception", html);
        Assert.DoesNotContain("at ProcurementPortal", html);
    }

    [Fact]
    public async Task A_member_of_tenant_A_gets_404_for_tenant_B_pages()
    {
        var a = await fixture.CreateTenantAsync();
        var b = await fixture.CreateTenantAsync();
        var officer = await fixture.CreateUserAsync(a, Role.ProcurementOfficer);
        var client = await CookieViaApiAsync(officer.Email!);

        var own = await client.GetAsync($"/{a.Slug}");
        var other = await client.GetAsync($"/{b.Slug}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task A_job_given_a_tenant_id_sees_only_that_tenants_rows()
    {
        var a = await fixture.CreateTenantAsync();
        var b = await fixture.CreateTenantAsync();
        foreach (var (tenant, email) in new[] { (a, "job-a@example.test"), (b, "job-b@example.test") })
        {
            await using var db = fixture.SuperuserDb(tenant.Id);
            db.Invitations.Add(new Invitation { Email = email, TokenHash = Invitation.HashToken(Invitation.NewToken()), ExpiresAt = DateTime.UtcNow.AddDays(1) });
            await db.SaveChangesAsync();
        }

        await using var scope = fixture.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TenantJobScope>().EnterAsync(b.Id, CancellationToken.None);
        var seen = await scope.ServiceProvider.GetRequiredService<ProcurementPortal.Core.Data.PortalDbContext>()
            .Invitations.Select(i => i.Email).ToListAsync();

        Assert.Equal(["job-b@example.test"], seen);
        Assert.Equal(b.Id, scope.ServiceProvider.GetRequiredService<ITenantContext>().TenantId);
    }
}
