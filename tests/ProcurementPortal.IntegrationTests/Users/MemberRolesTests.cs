using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Users;

[Collection(PortalCollection.Name)]
public sealed class MemberRolesTests(PortalFixture fixture)
{
    private async Task<List<Role>> RolesAsync(Guid userId, Guid tenantId)
    {
        await using var db = fixture.SuperuserDb();
        var roles = await db.Memberships.Where(m => m.UserId == userId && m.OrganisationId == tenantId).Select(m => m.Role).ToListAsync();
        return roles.Order().ToList();
    }

    [Fact]
    public async Task Tenant_admin_changes_a_members_roles_through_the_api_and_the_change_is_audited()
    {
        var (tenant, admin) = await fixture.CreateTenantWithAdminAsync();
        var officer = await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer);
        var api = await fixture.BearerClientAsync(admin.Email!);

        var response = await api.PutAsJsonAsync($"/api/v1/t/{tenant.Slug}/members/{officer.Id}/roles", new { roles = new[] { "Evaluator", "Approver" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var member = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["Evaluator", "Approver"], member.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal([Role.Evaluator, Role.Approver], await RolesAsync(officer.Id, tenant.Id));
        var members = await api.GetFromJsonAsync<JsonElement>($"/api/v1/t/{tenant.Slug}/members");
        Assert.Equal(2, members.GetArrayLength());
        var audited = Assert.Single(await fixture.AuditChainAsync(tenant.Id));
        Assert.Equal("member.roles-changed", audited.Action);
        Assert.Equal(admin.Id, audited.ActorUserId);
    }

    [Fact]
    public async Task Tenant_admin_changes_roles_and_removes_a_member_on_the_pages()
    {
        var (tenant, admin) = await fixture.CreateTenantWithAdminAsync();
        var officer = await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer);
        var browser = await fixture.PageClientAsync(admin.Email!);
        var memberPage = $"/{tenant.Slug}/admin/users/{officer.Id}";

        Assert.Contains(officer.Email!, await browser.GetStringAsync($"/{tenant.Slug}/admin/users"));
        var changed = await browser.PostAsync(memberPage, new FormUrlEncodedContent(
        [
            new("Roles", "ProcurementOfficer"), new("Roles", "Approver"),
            new("__RequestVerificationToken", await browser.AntiforgeryTokenAsync(memberPage)),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal([Role.ProcurementOfficer, Role.Approver], await RolesAsync(officer.Id, tenant.Id));

        var removed = await browser.PostFormAsync($"{memberPage}/remove", [], formPage: memberPage);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty(await RolesAsync(officer.Id, tenant.Id));
        Assert.Equal(["member.roles-changed", "member.removed"], (await fixture.AuditChainAsync(tenant.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task The_last_tenant_admin_cannot_be_removed_or_demoted()
    {
        var (tenant, admin) = await fixture.CreateTenantWithAdminAsync();
        var api = await fixture.BearerClientAsync(admin.Email!);
        var browser = await fixture.PageClientAsync(admin.Email!);
        var memberPage = $"/{tenant.Slug}/admin/users/{admin.Id}";

        var errors = await (await api.PutAsJsonAsync($"/api/v1/t/{tenant.Slug}/members/{admin.Id}/roles", new { roles = new[] { "Evaluator" } })).FieldErrorsAsync();
        Assert.Equal(["Roles"], errors.Keys);
        var removed = await browser.PostFormAsync($"{memberPage}/remove", [], formPage: memberPage);
        await removed.AssertErrorSummaryAsync("Roles");

        Assert.Equal([Role.TenantAdmin], await RolesAsync(admin.Id, tenant.Id));
        Assert.Empty(await fixture.AuditChainAsync(tenant.Id));
    }

    [Fact]
    public async Task A_tenant_admin_may_step_down_once_another_tenant_admin_exists()
    {
        var (tenant, admin) = await fixture.CreateTenantWithAdminAsync();
        await fixture.CreateUserAsync(tenant, Role.TenantAdmin);
        var api = await fixture.BearerClientAsync(admin.Email!);

        var response = await api.PutAsJsonAsync($"/api/v1/t/{tenant.Slug}/members/{admin.Id}/roles", new { roles = Array.Empty<string>() });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await RolesAsync(admin.Id, tenant.Id));
    }
}
