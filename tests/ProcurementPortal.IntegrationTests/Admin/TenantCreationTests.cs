using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Admin;

[Collection(PortalCollection.Name)]
public sealed class TenantCreationTests(PortalFixture fixture)
{
    private static string NewSlug() => $"council-{Guid.NewGuid():N}"[..20];

    private static Dictionary<string, string> Form(string slug, string adminEmail) => new()
    {
        ["Name"] = "Lancashire County Council",
        ["Slug"] = slug,
        ["AddressLine1"] = "County Hall",
        ["Town"] = "Preston",
        ["Postcode"] = "PR1 8XJ",
        ["ContactEmail"] = "procurement@lancashire.test",
        ["AdminEmail"] = adminEmail,
    };

    [Fact]
    public async Task Platform_admin_creates_a_tenant_on_the_page_and_its_first_admin_is_invited_by_email()
    {
        var client = await fixture.PageClientAsync(PortalFixture.PlatformAdminEmail);
        var slug = NewSlug();
        var adminEmail = $"first-admin-{Guid.NewGuid():N}@lancashire.test";

        var response = await client.PostFormAsync("/admin/tenants/new", Form(slug, adminEmail));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/tenants", response.Headers.Location?.OriginalString);
        Assert.Contains($"/{slug}", await client.GetStringAsync("/admin/tenants"));
        Organisation tenant;
        await using (var db = fixture.SuperuserDb())
        {
            tenant = await db.Organisations.SingleAsync(o => o.Slug == slug);
        }
        Assert.Equal(OrganisationKind.CommissioningBody, tenant.Kind);
        await using (var db = fixture.SuperuserDb(tenant.Id))
        {
            var invitation = await db.Invitations.SingleAsync();
            Assert.Equal(adminEmail, invitation.Email);
            Assert.Equal(Role.TenantAdmin, invitation.Role);
        }
        Assert.Contains(await fixture.AuditChainAsync(null), e => e.Action == "tenant.created" && e.EntityId == tenant.Id.ToString());
        Assert.Equal(["invitation.created"], (await fixture.AuditChainAsync(tenant.Id)).Select(e => e.Action));

        await fixture.DeliverMailAsync();
        var mail = Assert.Single(await fixture.Mail.WaitForAsync(adminEmail));
        Assert.Contains("Lancashire County Council", mail.Subject);
        Assert.Contains("http://localhost/invitations/", mail.TextBody);
    }

    [Fact]
    public async Task Platform_admin_creates_a_tenant_through_the_api()
    {
        var client = await fixture.BearerClientAsync(PortalFixture.PlatformAdminEmail);
        var slug = NewSlug();

        var response = await client.PostAsJsonAsync("/api/v1/admin/tenants", Form(slug, "head-of-commissioning@tenant.test"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(slug, created.GetProperty("slug").GetString());
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/admin/tenants");
        Assert.Contains(list.EnumerateArray(), t => t.GetProperty("slug").GetString() == slug);
        var tenantId = created.GetProperty("id").GetGuid();
        Assert.Contains(await fixture.AuditChainAsync(null), e => e.Action == "tenant.created" && e.EntityId == tenantId.ToString());
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("providers")]
    [InlineData("Lancashire")]
    [InlineData("-lancs")]
    public async Task A_reserved_or_malformed_web_address_name_is_refused_with_a_field_error(string slug)
    {
        var client = await fixture.BearerClientAsync(PortalFixture.PlatformAdminEmail);

        var response = await client.PostAsJsonAsync("/api/v1/admin/tenants", Form(slug, "someone@tenant.test"));

        var errors = await response.FieldErrorsAsync();
        Assert.Equal(["Slug"], errors.Keys);
        await using var db = fixture.SuperuserDb();
        Assert.False(await db.Organisations.AnyAsync(o => o.Slug == slug));
    }

    [Fact]
    public async Task A_web_address_name_already_taken_is_refused_and_nothing_is_stored()
    {
        var existing = await fixture.CreateTenantAsync();
        var client = await fixture.PageClientAsync(PortalFixture.PlatformAdminEmail);
        var form = Form(existing.Slug!, "not-a-valid-address");

        var response = await client.PostFormAsync("/admin/tenants/new", form);

        await response.AssertErrorSummaryAsync("Slug", "AdminEmail");
        await using var db = fixture.SuperuserDb();
        Assert.Equal(1, await db.Organisations.CountAsync(o => o.Slug == existing.Slug));
    }

    [Fact]
    public async Task Only_platform_admins_may_list_or_create_tenants()
    {
        var (_, admin) = await fixture.CreateTenantWithAdminAsync();
        var bearer = await fixture.BearerClientAsync(admin.Email!);
        var page = await fixture.PageClientAsync(admin.Email!);
        var anonymous = fixture.CreateClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await bearer.GetAsync("/api/v1/admin/tenants")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bearer.PostAsJsonAsync("/api/v1/admin/tenants", Form(NewSlug(), "x@tenant.test"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/admin/tenants")).StatusCode);
        var denied = await page.GetAsync("/admin/tenants/new");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/error/403", denied.Headers.Location!.OriginalString);
    }
}
