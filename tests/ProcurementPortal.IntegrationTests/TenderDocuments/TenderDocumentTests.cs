using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.TenderDocuments;

[Collection(PortalCollection.Name)]
public sealed class TenderDocumentTests(PortalFixture fixture)
{
    [Fact]
    public async Task An_uploaded_document_is_stored_by_a_random_name_with_its_sha256_and_size()
    {
        var tender = await fixture.DraftTenderAsync();

        var uploaded = await tender.UploadOkAsync("Service specification.pdf", TenderTestSupport.Pdf, title: "Service specification");

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(TenderTestSupport.Pdf)), uploaded.GetProperty("sha256").GetString());
        Assert.Equal(TenderTestSupport.Pdf.Length, uploaded.GetProperty("sizeBytes").GetInt64());
        Assert.Equal("application/pdf", uploaded.GetProperty("contentType").GetString());
        await using var db = fixture.SuperuserDb(tender.Tenant.Id);
        var version = await db.TenderDocumentVersions.SingleAsync(v => v.DocumentId == uploaded.GetProperty("documentId").GetGuid());
        Assert.Matches("^[0-9a-f]{32}$", version.StorageName);
        var onDisk = Path.Combine(fixture.StorageRoot, version.StorageName[..2], version.StorageName);
        Assert.Equal(TenderTestSupport.Pdf, await File.ReadAllBytesAsync(onDisk));
        Assert.Equal(version.Sha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(onDisk))));
        Assert.Equal(tender.Tenant.Id, version.TenantId);
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == "tender-document.uploaded" && a.EntityId == version.DocumentId.ToString() && a.Summary!.Contains(version.Sha256)));
    }

    public static TheoryData<string, int, string> Refusals => new()
    {
        { "big.pdf", 25 * 1024 * 1024 + 1, "The file must be smaller than 25 MB" },
        { "contract.pdf", -1, "is named as a PDF but its content is a PNG image" },
        { "care-plan.pdf.exe", 0, "has more than one extension (.pdf.exe)" },
        { "x.php.pdf", 0, "has more than one extension (.php.pdf)" },
        { "../../etc/passwd.pdf", 0, "contains a folder or a path" },
        { "..\\..\\web.config.pdf", 0, "contains a folder or a path" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_upload_answers_problem_details_naming_the_reason_and_stores_nothing(string fileName, int size, string reason)
    {
        var tender = await fixture.DraftTenderAsync();
        var bytes = size switch
        {
            -1 => TenderTestSupport.Png,
            0 => TenderTestSupport.Pdf,
            _ => [.. TenderTestSupport.Pdf, .. new byte[size - TenderTestSupport.Pdf.Length]],
        };

        var errors = await (await tender.UploadAsync(fileName, bytes)).FieldErrorsAsync();

        Assert.Contains(reason, Assert.Single(errors["File"]));
        await using var db = fixture.SuperuserDb(tender.Tenant.Id);
        Assert.False(await db.TenderDocuments.AnyAsync(d => d.ProcurementId == tender.Id));
    }

    [Fact]
    public async Task The_upload_page_lists_a_refusal_in_the_error_summary_linked_to_the_file_field()
    {
        var tender = await fixture.DraftTenderAsync();
        var browser = await fixture.CookieClientAsync(tender.OfficerEmail);
        var documents = $"/{tender.Slug}/procurements/{tender.Id}/documents";

        var response = await browser.PostMultipartFormAsync($"{documents}/upload", $"{documents}/upload",
            TenderTestSupport.Multipart("care-plan.pdf.exe", TenderTestSupport.Pdf));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html);
        Assert.Contains("<a href=\"#File\">The file name &quot;care-plan.pdf.exe&quot; has more than one extension", html);
        Assert.Contains("id=\"File\"", html);

        var ok = await browser.PostMultipartFormAsync($"{documents}/upload", $"{documents}/upload",
            TenderTestSupport.Multipart("specification.pdf", TenderTestSupport.Pdf, title: "Service specification"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var list = await browser.GetStringAsync(documents);
        Assert.Contains("Service specification", list);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(TenderTestSupport.Pdf)), list);
    }

    [Fact]
    public async Task A_new_version_keeps_the_earlier_ones_and_is_marked_latest()
    {
        var tender = await fixture.DraftTenderAsync();
        var first = await tender.UploadOkAsync("pricing.pdf", TenderTestSupport.Pdf, title: "Pricing schedule");
        var documentId = first.GetProperty("documentId").GetGuid();
        byte[] second = [.. TenderTestSupport.Pdf, .. "% revised\n"u8.ToArray()];

        var next = await tender.UploadOkAsync("pricing-v2.pdf", second, documentId);

        Assert.Equal(2, next.GetProperty("number").GetInt32());
        var listed = Assert.Single((await tender.Officer.GetFromJsonAsync<List<JsonElement>>($"{tender.Api}/documents"))!);
        var versions = listed.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([2, 1], versions.Select(v => v.GetProperty("number").GetInt32()));
        Assert.Equal([true, false], versions.Select(v => v.GetProperty("isLatest").GetBoolean()));
        Assert.Equal(TenderTestSupport.Pdf, await tender.Officer.GetByteArrayAsync($"{tender.Api}/documents/{documentId}/versions/1/download"));
        Assert.Equal(second, await tender.Officer.GetByteArrayAsync($"{tender.Api}/documents/{documentId}/versions/2/download"));
    }

    [Fact]
    public async Task After_publishing_a_document_changes_only_with_a_draft_addendum()
    {
        var tender = await fixture.DraftTenderAsync();
        var documentId = (await tender.UploadOkAsync("specification.pdf", TenderTestSupport.Pdf)).GetProperty("documentId").GetGuid();
        await tender.PublishAsync();

        var withoutAddendum = await (await tender.UploadAsync("specification.pdf", TenderTestSupport.Pdf, documentId)).FieldErrorsAsync();
        var addendum = await tender.Officer.PostAsJsonAsync($"{tender.Api}/addenda", new { title = "Revised specification", text = "Section 4 now names the referral routes." });
        var addendumId = (await addendum.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var withAddendum = await tender.UploadAsync("specification.pdf", TenderTestSupport.Pdf, documentId, addendumId);

        Assert.Contains("documents change only through an addendum", Assert.Single(withoutAddendum["AddendumId"]));
        Assert.Equal(HttpStatusCode.Created, withAddendum.StatusCode);
    }

    [Fact]
    public async Task Another_tenants_officer_cannot_list_or_download_the_documents()
    {
        var tender = await fixture.DraftTenderAsync();
        var documentId = (await tender.UploadOkAsync("specification.pdf", TenderTestSupport.Pdf)).GetProperty("documentId").GetGuid();
        var other = await fixture.CreateTenantAsync();
        var intruder = await fixture.BearerClientAsync((await fixture.CreateUserAsync(other, Core.Domain.Role.ProcurementOfficer)).Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/api/v1/t/{other.Slug}/procurements/{tender.Id}/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/api/v1/t/{other.Slug}/procurements/{tender.Id}/documents/{documentId}/versions/1/download")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"{tender.Api}/documents")).StatusCode);
    }
}
