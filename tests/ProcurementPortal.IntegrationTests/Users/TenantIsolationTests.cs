using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Users;

/// <summary>A user of tenant A asking for any record of tenant B by id, on a page or through the API, gets 404.</summary>
[Collection(PortalCollection.Name)]
public sealed class TenantIsolationTests(PortalFixture fixture)
{
    private async Task<(Organisation A, Organisation B, HttpClient Page, HttpClient Api)> TwoTenantsAsync()
    {
        var (a, adminOfA) = await fixture.CreateTenantWithAdminAsync("Tenant A");
        var b = await fixture.CreateTenantAsync("Tenant B");
        return (a, b, await fixture.PageClientAsync(adminOfA.Email!), await fixture.BearerClientAsync(adminOfA.Email!));
    }

    [Fact]
    public async Task Another_tenants_invitation_is_not_found_on_the_page_or_through_the_api_and_cannot_be_withdrawn()
    {
        var (a, b, page, api) = await TwoTenantsAsync();
        var (invitationOfB, _) = await fixture.CreateInvitationAsync(b.Id, "someone@b.test");

        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/{a.Slug}/admin/invitations/{invitationOfB.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await page.PostWithPageTokenAsync($"/{a.Slug}/admin/invitations/{invitationOfB.Id}/revoke", [], tokenPage: $"/{a.Slug}/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/t/{a.Slug}/invitations/{invitationOfB.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v1/t/{a.Slug}/invitations/{invitationOfB.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/t/{b.Slug}/invitations/{invitationOfB.Id}")).StatusCode);
        var listOfA = await api.GetFromJsonAsync<JsonElement>($"/api/v1/t/{a.Slug}/invitations");
        Assert.DoesNotContain(listOfA.EnumerateArray(), i => i.GetProperty("id").GetGuid() == invitationOfB.Id);

        await using var db = fixture.SuperuserDb(b.Id);
        Assert.Null((await db.Invitations.SingleAsync(i => i.Id == invitationOfB.Id)).RevokedAt);
    }

    [Fact]
    public async Task Another_tenants_member_is_not_found_and_their_roles_cannot_be_changed()
    {
        var (a, b, page, api) = await TwoTenantsAsync();
        var memberOfB = await fixture.CreateUserAsync(b, Role.TenantAdmin);

        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/{a.Slug}/admin/users/{memberOfB.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await page.PostWithPageTokenAsync($"/{a.Slug}/admin/users/{memberOfB.Id}/remove", [], tokenPage: $"/{a.Slug}/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/t/{a.Slug}/members/{memberOfB.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await api.PutAsJsonAsync($"/api/v1/t/{a.Slug}/members/{memberOfB.Id}/roles", new { roles = Array.Empty<string>() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/t/{b.Slug}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/{b.Slug}/admin/users")).StatusCode);

        await using var db = fixture.SuperuserDb();
        Assert.True(await db.Memberships.AnyAsync(m => m.UserId == memberOfB.Id && m.OrganisationId == b.Id));
    }

    [Fact]
    public async Task Another_tenants_branding_and_logo_are_not_found()
    {
        var (_, b, page, api) = await TwoTenantsAsync();
        await using (var db = fixture.SuperuserDb())
        {
            var tenantB = await db.Organisations.SingleAsync(o => o.Id == b.Id);
            tenantB.Logo = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0];
            tenantB.LogoContentType = "image/png";
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/{b.Slug}/branding/logo")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/{b.Slug}/admin/branding")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/t/{b.Slug}/branding/logo")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/t/{b.Slug}/branding")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync($"/api/v1/t/{b.Slug}/branding", new { name = "Taken over" })).StatusCode);
    }

    [Fact]
    public async Task Another_tenants_audit_events_are_not_found_and_not_listed()
    {
        var (a, b, page, api) = await TwoTenantsAsync();
        await fixture.CreateInvitationAsync(a.Id, "someone@a.test");
        var adminOfB = await fixture.CreateUserAsync(b, Role.TenantAdmin);
        var apiOfB = await fixture.BearerClientAsync(adminOfB.Email!);
        Assert.Equal(HttpStatusCode.Created,
            (await apiOfB.PostAsJsonAsync($"/api/v1/t/{b.Slug}/invitations", new { email = "someone@b.test", role = "Approver" })).StatusCode);
        var eventOfB = Assert.Single(await fixture.AuditChainAsync(b.Id));

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/t/{a.Slug}/audit-events/{eventOfB.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/t/{b.Slug}/audit-events/{eventOfB.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await apiOfB.GetAsync($"/api/v1/t/{b.Slug}/audit-events/{eventOfB.Id}")).StatusCode);
        var listOfA = await api.GetFromJsonAsync<JsonElement>($"/api/v1/t/{a.Slug}/audit-events");
        Assert.DoesNotContain(listOfA.GetProperty("events").EnumerateArray(), e => e.GetProperty("id").GetGuid() == eventOfB.Id);
        Assert.DoesNotContain("someone@b.test", await page.GetStringAsync($"/{a.Slug}/admin/audit"));
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/{b.Slug}/admin/audit")).StatusCode);
    }

    [Fact]
    public async Task A_member_without_the_tenant_admin_role_is_refused_the_admin_pages_and_api()
    {
        var tenant = await fixture.CreateTenantAsync();
        var officer = await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer, Role.Evaluator);
        var page = await fixture.PageClientAsync(officer.Email!);
        var api = await fixture.BearerClientAsync(officer.Email!);
        var (invitation, _) = await fixture.CreateInvitationAsync(tenant.Id, "someone@tenant.test");

        foreach (var path in new[] { "admin/users", "admin/users/invite", $"admin/invitations/{invitation.Id}", "admin/branding", "admin/branding/logo", "admin/audit" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await page.GetAsync($"/{tenant.Slug}/{path}")).StatusCode);
        }
        foreach (var path in new[] { "members", "invitations", $"invitations/{invitation.Id}", "branding", "audit-events" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/v1/t/{tenant.Slug}/{path}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await api.DeleteAsync($"/api/v1/t/{tenant.Slug}/invitations/{invitation.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await api.PostAsJsonAsync($"/api/v1/t/{tenant.Slug}/invitations", new { email = "x@tenant.test", role = "TenantAdmin" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync($"/{tenant.Slug}")).StatusCode);
    }
}
