using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Procurements;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.TenderDocuments;

/// <summary>A tender of a fresh tenant (draft or published), providers who read it, and multipart uploads.</summary>
public static class TenderTestSupport
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% Service specification\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    public sealed record Tender(Organisation Tenant, Guid Id, HttpClient Officer, string OfficerEmail)
    {
        public string Slug => Tenant.Slug!;
        public string Api => $"/api/v1/t/{Slug}/procurements/{Id}";
        public string Opportunity => $"/api/v1/t/{Slug}/opportunities/{Id}";
    }

    public sealed record Provider(Organisation Organisation, PortalUser User, HttpClient Client);

    public static async Task<Tender> DraftTenderAsync(this PortalFixture fixture)
    {
        var tenant = await fixture.CreateTenantAsync("Lancashire County Council");
        var officer = await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer);
        var client = await fixture.BearerClientAsync(officer.Email!);
        return new Tender(tenant, await LancashireViaApi.BuildAsync(client, tenant.Slug!), client, officer.Email!);
    }

    public static async Task PublishAsync(this Tender tender) =>
        Assert.Equal(HttpStatusCode.OK, (await tender.Officer.PostAsync($"{tender.Api}/publish", null)).StatusCode);

    public static async Task<Tender> PublishedTenderAsync(this PortalFixture fixture)
    {
        var tender = await fixture.DraftTenderAsync();
        await tender.PublishAsync();
        return tender;
    }

    public static async Task<Provider> ProviderAsync(this PortalFixture fixture, string name)
    {
        var provider = new Organisation { Kind = OrganisationKind.Provider, Name = name, CompaniesHouseNumber = "09900002" };
        await using (var db = fixture.SuperuserDb())
        {
            db.Organisations.Add(provider);
            await db.SaveChangesAsync();
        }
        var user = await fixture.CreateUserAsync(provider, Role.BidWriter);
        return new Provider(provider, user, await fixture.BearerClientAsync(user.Email!));
    }

    public static async Task RegisterInterestAsync(this Provider provider, Tender tender) =>
        Assert.Equal(HttpStatusCode.NoContent, (await provider.Client.PostAsJsonAsync($"{tender.Opportunity}/interest", new { })).StatusCode);

    public static MultipartFormDataContent Multipart(string fileName, byte[] bytes, string? title = null, Guid? addendumId = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "File", "placeholder");
        // Set the name exactly as given (HttpClient would otherwise quote or encode it), as a hostile client could.
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"File\"", FileName = $"\"{fileName}\"" };
        if (title is not null)
        {
            form.Add(new StringContent(title), "Title");
        }
        if (addendumId is not null)
        {
            form.Add(new StringContent(addendumId.Value.ToString()), "AddendumId");
        }
        return form;
    }

    /// <summary>Uploads through the API and returns the response (201 with the version, or 400 with problem details).</summary>
    public static Task<HttpResponseMessage> UploadAsync(this Tender tender, string fileName, byte[] bytes, Guid? documentId = null, Guid? addendumId = null, string? title = null) =>
        tender.Officer.PostAsync(documentId is null ? $"{tender.Api}/documents" : $"{tender.Api}/documents/{documentId}/versions",
            Multipart(fileName, bytes, title, addendumId));

    public static async Task<JsonElement> UploadOkAsync(this Tender tender, string fileName, byte[] bytes, Guid? documentId = null, Guid? addendumId = null, string? title = null)
    {
        var response = await tender.UploadAsync(fileName, bytes, documentId, addendumId, title);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Posts a multipart form as the page's form would, with the antiforgery token taken from the page.</summary>
    public static async Task<HttpResponseMessage> PostMultipartFormAsync(this HttpClient client, string formPage, string action, MultipartFormDataContent content)
    {
        Assert.Contains($"action=\"{action}\"", await client.GetStringAsync(formPage));
        content.Add(new StringContent(await client.AntiforgeryTokenAsync(formPage)), "__RequestVerificationToken");
        return await client.PostAsync(action, content);
    }



}
