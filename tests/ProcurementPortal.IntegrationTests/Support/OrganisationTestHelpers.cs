using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Email;

namespace ProcurementPortal.IntegrationTests.Support;

/// <summary>Arranging people and organisations, and reading back what the portal recorded.</summary>
public static class OrganisationTestHelpers
{
    /// <summary>
    /// A client carrying the auth cookie, signed in through the Identity API's cookie mode (the same cookie the
    /// sign-in page issues), so these tests need no particular sign-in page.
    /// </summary>
    public static async Task<HttpClient> PageClientAsync(this PortalFixture fixture, string email)
    {
        var client = fixture.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/identity/login?useCookies=true", new { email, password = PortalFixture.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    /// <summary>A confirmed user with a chosen email address (for invitations, which name the address).</summary>
    public static async Task<PortalUser> CreateUserWithEmailAsync(this PortalFixture fixture, string email)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
        var result = await users.CreateAsync(user, PortalFixture.Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return user;
    }

    /// <summary>A tenant and its tenant admin.</summary>
    public static async Task<(Organisation Tenant, PortalUser Admin)> CreateTenantWithAdminAsync(this PortalFixture fixture, string name = "Test Council")
    {
        var tenant = await fixture.CreateTenantAsync(name);
        return (tenant, await fixture.CreateUserAsync(tenant, Role.TenantAdmin));
    }

    /// <summary>Runs the outbox delivery job once, as Hangfire would.</summary>
    public static async Task DeliverMailAsync(this PortalFixture fixture)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeliverOutbox>().RunAsync(CancellationToken.None);
    }

    /// <summary>The events of one chain (a tenant's, or the platform's when null), oldest first, read as the superuser.</summary>
    public static async Task<List<AuditEvent>> AuditChainAsync(this PortalFixture fixture, Guid? tenantId)
    {
        await using var db = fixture.SuperuserDb(tenantId);
        return await db.AuditEvents.AsNoTracking().OrderBy(e => e.Seq).ToListAsync();
    }

    /// <summary>An invitation written straight into a tenant, with a token the test knows.</summary>
    public static async Task<(Invitation Invitation, string Token)> CreateInvitationAsync(
        this PortalFixture fixture, Guid tenantId, string email, Role role = Role.Evaluator, Action<Invitation>? change = null)
    {
        var token = Invitation.NewToken();
        var invitation = new Invitation
        {
            TenantId = tenantId,
            Email = email,
            Role = role,
            TokenHash = Invitation.HashToken(token),
            CreatedAt = DateTime.UtcNow,
            ExpiresAt = DateTime.UtcNow.AddDays(7),
        };
        change?.Invoke(invitation);
        await using var db = fixture.SuperuserDb(tenantId);
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();
        return (invitation, token);
    }

    /// <summary>The antiforgery token a page's forms carry, for posts that <see cref="HttpHelpers.PostFormAsync"/> cannot build (repeated fields, files).</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string page)
    {
        var match = Regex.Match(await client.GetStringAsync(page), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(match.Success, $"No antiforgery token on {page}");
        return match.Groups[1].Value;
    }

    /// <summary>The field errors of an RFC 9457 validation problem.</summary>
    public static async Task<Dictionary<string, string[]>> FieldErrorsAsync(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Asserts a page shows the GOV.UK error summary with a link to the field.</summary>
    public static async Task AssertErrorSummaryAsync(this HttpResponseMessage response, params string[] fields)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html);
        foreach (var field in fields)
        {
            Assert.Contains($"href=\"#{field}\"", html);
            Assert.Contains($"id=\"{field}\"", html);
        }
    }
}
