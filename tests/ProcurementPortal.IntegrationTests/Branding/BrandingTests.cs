using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Branding;

[Collection(PortalCollection.Name)]
public sealed class BrandingTests(PortalFixture fixture)
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static Dictionary<string, string> Letterhead(string name) => new()
    {
        ["Name"] = name,
        ["AddressLine1"] = "Civic Centre",
        ["AddressLine2"] = "Portland Street",
        ["Town"] = "Leeds",
        ["Postcode"] = "ls1 1ur",
        ["ContactName"] = "Adult Social Care Commissioning",
        ["ContactEmail"] = "commissioning@leeds.test",
        ["ContactPhone"] = "0113 222 4444",
    };

    private static MultipartFormDataContent LogoForm(byte[] content, string fileName, string contentType, string? token = null)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var form = new MultipartFormDataContent { { file, "Logo", fileName } };
        if (token is not null)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }
        return form;
    }

    [Fact]
    public async Task Tenant_admin_saves_the_letterhead_on_the_page_and_the_change_is_audited()
    {
        var (tenant, admin) = await fixture.CreateTenantWithAdminAsync();
        var browser = await fixture.PageClientAsync(admin.Email!);

        var response = await browser.PostFormAsync($"/{tenant.Slug}/admin/branding", Letterhead("Leeds City Council"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using (var db = fixture.SuperuserDb())
        {
            var saved = await db.Organisations.SingleAsync(o => o.Id == tenant.Id);
            Assert.Equal("Leeds City Council", saved.Name);
            Assert.Equal("LS1 1UR", saved.Postcode);
            Assert.Equal("0113 222 4444", saved.ContactPhone);
        }
        Assert.Equal("branding.updated", Assert.Single(await fixture.AuditChainAsync(tenant.Id)).Action);
        Assert.Contains("Letterhead saved", await browser.GetStringAsync($"/{tenant.Slug}/admin/branding"));
    }

    [Fact]
    public async Task Letterhead_without_required_fields_is_refused_with_field_errors()
    {
        var (tenant, admin) = await fixture.CreateTenantWithAdminAsync();
        var browser = await fixture.PageClientAsync(admin.Email!);
        var api = await fixture.BearerClientAsync(admin.Email!);
        var incomplete = Letterhead("");
        incomplete["Postcode"] = "not a postcode";

        await (await browser.PostFormAsync($"/{tenant.Slug}/admin/branding", incomplete)).AssertErrorSummaryAsync("Name", "Postcode");
        var errors = await (await api.PutAsJsonAsync($"/api/v1/t/{tenant.Slug}/branding", incomplete)).FieldErrorsAsync();
        Assert.Equal(["Name", "Postcode"], errors.Keys.Order());
        Assert.Empty(await fixture.AuditChainAsync(tenant.Id));
    }

    [Fact]
    public async Task Letterhead_is_read_and_replaced_through_the_api()
    {
        var (tenant, admin) = await fixture.CreateTenantWithAdminAsync();
        var api = await fixture.BearerClientAsync(admin.Email!);

        var put = await api.PutAsJsonAsync($"/api/v1/t/{tenant.Slug}/branding", Letterhead("Lambeth Council"));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var branding = await api.GetFromJsonAsync<JsonElement>($"/api/v1/t/{tenant.Slug}/branding");
        Assert.Equal("Lambeth Council", branding.GetProperty("name").GetString());
        Assert.False(branding.GetProperty("hasLogo").GetBoolean());
    }

    [Fact]
    public async Task An_uploaded_png_logo_is_shown_back_to_members_and_audited()
    {
        var (tenant, admin) = await fixture.CreateTenantWithAdminAsync();
        var browser = await fixture.PageClientAsync(admin.Email!);
        var uploadPage = $"/{tenant.Slug}/admin/branding/logo";

        var response = await browser.PostAsync(uploadPage, LogoForm(Png, "logo.png", "image/png", await browser.AntiforgeryTokenAsync(uploadPage)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var evaluator = await fixture.CreateUserAsync(tenant, Role.Evaluator);
        var logo = await (await fixture.PageClientAsync(evaluator.Email!)).GetAsync($"/{tenant.Slug}/branding/logo");
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await logo.Content.ReadAsByteArrayAsync());
        Assert.Contains($"src=\"/{tenant.Slug}/branding/logo\"", await browser.GetStringAsync($"/{tenant.Slug}/admin/branding"));
        Assert.Equal("branding.logo-replaced", Assert.Single(await fixture.AuditChainAsync(tenant.Id)).Action);
    }

    [Fact]
    public async Task A_logo_that_is_not_png_or_jpeg_by_its_bytes_or_is_too_big_is_refused()
    {
        var (tenant, admin) = await fixture.CreateTenantWithAdminAsync();
        var browser = await fixture.PageClientAsync(admin.Email!);
        var api = await fixture.BearerClientAsync(admin.Email!);
        var uploadPage = $"/{tenant.Slug}/admin/branding/logo";
        var gifPretendingToBePng = "GIF89a\u0001\u0000\u0001\u0000"u8.ToArray();
        var tooBig = new byte[600 * 1024];
        Png.CopyTo(tooBig, 0);

        var page = await browser.PostAsync(uploadPage, LogoForm(gifPretendingToBePng, "logo.png", "image/png", await browser.AntiforgeryTokenAsync(uploadPage)));
        await page.AssertErrorSummaryAsync("Logo");
        Assert.Contains("must be a PNG or JPEG image", await page.Content.ReadAsStringAsync());
        var errors = await (await api.PutAsync($"/api/v1/t/{tenant.Slug}/branding/logo", LogoForm(tooBig, "big.png", "image/png"))).FieldErrorsAsync();
        Assert.Contains("smaller than 512 KB", Assert.Single(errors["Logo"]));

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/{tenant.Slug}/branding/logo")).StatusCode);
        Assert.Empty(await fixture.AuditChainAsync(tenant.Id));
    }

    [Fact]
    public async Task A_jpeg_logo_can_be_uploaded_through_the_api()
    {
        var (tenant, admin) = await fixture.CreateTenantWithAdminAsync();
        var api = await fixture.BearerClientAsync(admin.Email!);
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0xFF, 0xD9];

        var response = await api.PutAsync($"/api/v1/t/{tenant.Slug}/branding/logo", LogoForm(jpeg, "logo.jpg", "application/octet-stream"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var logo = await api.GetAsync($"/api/v1/t/{tenant.Slug}/branding/logo");
        Assert.Equal("image/jpeg", logo.Content.Headers.ContentType?.MediaType);
    }
}
