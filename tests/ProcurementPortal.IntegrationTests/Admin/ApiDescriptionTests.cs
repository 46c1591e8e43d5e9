using System.Text.Json;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Admin;

[Collection(PortalCollection.Name)]
public sealed class ApiDescriptionTests(PortalFixture fixture)
{
    [Fact]
    public async Task The_openapi_document_lists_the_organisation_routes()
    {
        var document = JsonDocument.Parse(await fixture.CreateClient().GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();

        foreach (var route in new[]
                 {
                     "/api/v1/admin/tenants", "/api/v1/admin/audit/verify", "/api/v1/t/{tenant}/members",
                     "/api/v1/t/{tenant}/members/{userId}/roles", "/api/v1/t/{tenant}/invitations", "/api/v1/t/{tenant}/invitations/{id}",
                     "/api/v1/invitations/{token}/accept", "/api/v1/providers", "/api/v1/providers/{id}", "/api/v1/t/{tenant}/branding",
                     "/api/v1/t/{tenant}/branding/logo", "/api/v1/t/{tenant}/audit-events", "/api/v1/t/{tenant}/audit-events/verify",
                 })
        {
            Assert.Contains(route, paths);
        }
    }
}
