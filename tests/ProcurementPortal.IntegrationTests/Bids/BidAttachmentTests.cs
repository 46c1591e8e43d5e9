using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcurementPortal.Core.Domain.Bids;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.IntegrationTests.TenderDocuments;
using ProcurementPortal.Web.Features.Procurements;

namespace ProcurementPortal.IntegrationTests.Bids;

/// <summary>Issue 5, item 2: attachments to answers and supporting documents, checked as tender documents are, stored encrypted, sealed by hash.</summary>
[Collection(PortalCollection.Name)]
public sealed class BidAttachmentTests(PortalFixture fixture)
{
    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private async Task<(Tender Tender, BidProvider Provider)> StartedAsync()
    {
        var tender = await fixture.PublishedTenderAsync();
        var provider = await fixture.ProviderAsync();
        await tender.StartAsync(provider.Client);
        return (tender, provider);
    }

    [Fact]
    public async Task An_attached_file_is_stored_encrypted_with_the_sha256_of_the_plain_file_and_reads_back_whole()
    {
        var (tender, provider) = await StartedAsync();

        var attached = await tender.AttachOkAsync(provider.Client, "insurance-certificate.pdf", BidAttachmentSupport.Certificate);

        Assert.Equal(Sha256(BidAttachmentSupport.Certificate), attached.GetProperty("sha256").GetString());
        Assert.Equal(BidAttachmentSupport.Certificate.Length, attached.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(JsonValueKind.Null, attached.GetProperty("questionId").ValueKind);
        await using var db = fixture.SuperuserDb(tender.Tenant.Id);
        var row = await db.BidAttachments.IgnoreQueryFilters().SingleAsync(a => a.ProcurementId == tender.Id);
        Assert.Equal((tender.Tenant.Id, provider.Organisation.Id), (row.TenantId, row.ProviderId));
        var onDisk = await File.ReadAllBytesAsync(Path.Combine(fixture.StorageRoot, row.StorageName[..2], row.StorageName));
        Assert.DoesNotContain(BidAttachmentSupport.CertificateMarker, Encoding.ASCII.GetString(onDisk));
        Assert.False(onDisk.AsSpan().StartsWith("%PDF"u8), "the stored file is the plain PDF");
        var protector = fixture.App.Services.GetRequiredService<BidProtector>();
        Assert.Equal(BidAttachmentSupport.Certificate, protector.Unprotect(tender.Id, onDisk));
        Assert.Equal(BidAttachmentSupport.Certificate, await provider.Client.GetByteArrayAsync($"{tender.BidUrl}/attachments/{row.Id}"));
        Assert.Single((await provider.Client.GetFromJsonAsync<List<JsonElement>>($"{tender.BidUrl}/attachments"))!);
        Assert.Equal(1, await fixture.CountAsync($"select count(*) from audit_events where tenant_id = '{tender.Tenant.Id}' and action = 'bid.attachment_added' and summary like '%{row.Sha256}%' and summary not like '%insurance%'"));
    }

    public static TheoryData<string, int, string> Refusals => new()
    {
        { "big.pdf", 25 * 1024 * 1024 + 1, "The file must be smaller than 25 MB" },
        { "cqc-certificate.pdf", -1, "is named as a PDF but its content is a PNG image" },
        { "method-statement.docx", 0, "is named as a Word document (DOCX) but its content is a PDF" },
        { "care-plan.pdf.exe", 0, "has more than one extension (.pdf.exe)" },
        { "policy.php.pdf", 0, "has more than one extension (.php.pdf)" },
        { "../../etc/passwd.pdf", 0, "contains a folder or a path" },
        { "..\\..\\web.config.pdf", 0, "contains a folder or a path" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_attachment_answers_problem_details_naming_the_reason_and_stores_nothing(string fileName, int size, string reason)
    {
        var (tender, provider) = await StartedAsync();
        var bytes = size switch
        {
            -1 => TenderTestSupport.Png,
            0 => BidAttachmentSupport.Certificate,
            _ => [.. BidAttachmentSupport.Certificate, .. new byte[size - BidAttachmentSupport.Certificate.Length]],
        };
        var files = Directory.Exists(fixture.StorageRoot) ? Directory.GetFiles(fixture.StorageRoot, "*", SearchOption.AllDirectories).Length : 0;

        var response = await tender.AttachAsync(provider.Client, fileName, bytes);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, Assert.Single((await response.FieldErrorsAsync())["File"]));
        Assert.Equal(0, await fixture.CountAsync($"select count(*) from bid_attachments where procurement_id = '{tender.Id}'"));
        Assert.Equal(files, Directory.Exists(fixture.StorageRoot) ? Directory.GetFiles(fixture.StorageRoot, "*", SearchOption.AllDirectories).Length : 0);
    }

    [Fact]
    public async Task The_attachments_page_shows_a_refusal_in_the_error_summary_linked_to_the_file_field()
    {
        var (tender, provider) = await StartedAsync();
        var browser = await fixture.CookieClientAsync(provider.User.Email!);
        var page = $"/{tender.Slug}/opportunities/{tender.Id}/bid/attachments";

        var refused = await browser.PostMultipartFormAsync(page, page, TenderTestSupport.Multipart("../insurance.pdf", BidAttachmentSupport.Certificate));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html);
        Assert.Contains("<a href=\"#File\">The file name &quot;../insurance.pdf&quot; contains a folder or a path", html);

        var ok = await browser.PostMultipartFormAsync(page, page, TenderTestSupport.Multipart("insurance.pdf", BidAttachmentSupport.Certificate));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var listed = await browser.GetStringAsync(page);
        Assert.Contains("insurance.pdf is attached", listed);
        Assert.Contains(Sha256(BidAttachmentSupport.Certificate), listed);
    }

    [Fact]
    public async Task A_question_that_takes_no_attachments_refuses_a_file_for_it()
    {
        var (tender, provider) = await StartedAsync();
        var bid = await tender.GetBidAsync(provider.Client);
        var lots = bid.GetProperty("lots").EnumerateArray().Select(l => l.GetProperty("id").GetGuid()).Take(1).ToList();
        bid = await (await tender.SaveAsync(provider.Client, bid.GetProperty("rowVersion").GetUInt32(), new { lotIds = lots })).Content.ReadFromJsonAsync<JsonElement>();
        var question = bid.GetProperty("answers").EnumerateArray().First().GetProperty("questionId").GetGuid();

        var response = await tender.AttachAsync(provider.Client, "evidence.pdf", BidAttachmentSupport.Certificate, question);

        Assert.Contains("This question does not take attachments", Assert.Single((await response.FieldErrorsAsync())["QuestionId"]));
    }

    [Fact]
    public async Task A_required_attachment_is_missing_on_check_your_answers_and_blocks_submission_until_attached()
    {
        var tender = await fixture.PublishedTenderAsync();
        var question = await fixture.RequireAttachmentOnFirstScoredQuestionAsync(tender);
        var provider = await fixture.ProviderAsync();
        await tender.CompleteDraftAsync(provider.Client);

        var check = await provider.Client.GetFromJsonAsync<JsonElement>($"{tender.BidUrl}/check");
        var problem = Assert.Single(check.GetProperty("problems").EnumerateArray());
        Assert.Equal($"Attachments[{question}]", problem.GetProperty("field").GetString());
        Assert.Equal("Attach at least one file to question 2.1", problem.GetProperty("message").GetString());
        Assert.Contains($"Attachments[{question}]", (await (await tender.SubmitAsync(provider.Client)).FieldErrorsAsync()).Keys);
        var page = await (await fixture.CookieClientAsync(provider.User.Email!)).GetStringAsync($"/{tender.Slug}/opportunities/{tender.Id}/bid/check");
        Assert.Contains($"href=\"/{tender.Slug}/opportunities/{tender.Id}/bid/questions/{question}/attachments\">Attach at least one file to question 2.1</a>", page);

        await tender.AttachOkAsync(provider.Client, "recovery-model.pdf", BidAttachmentSupport.Certificate, question);

        Assert.True((await provider.Client.GetFromJsonAsync<JsonElement>($"{tender.BidUrl}/check")).GetProperty("readyToSubmit").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, (await tender.SubmitAsync(provider.Client)).StatusCode);
    }

    [Fact]
    public async Task The_sealed_bid_lists_each_attachment_by_name_and_sha256_and_the_receipt_hash_covers_them()
    {
        var tender = await fixture.PublishedTenderAsync();
        var question = await fixture.RequireAttachmentOnFirstScoredQuestionAsync(tender);
        var provider = await fixture.ProviderAsync();
        await tender.CompleteDraftAsync(provider.Client);
        byte[] plan = [.. BidAttachmentSupport.Certificate, .. "% recovery plan\n"u8.ToArray()];
        await tender.AttachOkAsync(provider.Client, "recovery-plan.pdf", plan, question);
        await tender.AttachOkAsync(provider.Client, "insurance.pdf", BidAttachmentSupport.Certificate);

        var receipt = await (await tender.SubmitAsync(provider.Client)).Content.ReadFromJsonAsync<JsonElement>();

        await using var db = fixture.SuperuserDb(tender.Tenant.Id);
        var version = await db.BidVersions.IgnoreQueryFilters().SingleAsync(v => v.ProcurementId == tender.Id);
        var sealedJson = fixture.App.Services.GetRequiredService<BidProtector>().Unprotect(tender.Id, version.SealedContent);
        Assert.Equal(receipt.GetProperty("sha256").GetString(), Sha256(sealedJson));
        var attachments = JsonDocument.Parse(sealedJson).RootElement.GetProperty("attachments").EnumerateArray()
            .Select(a => (a.GetProperty("fileName").GetString(), a.GetProperty("sha256").GetString())).ToList();
        Assert.Equal([("insurance.pdf", Sha256(BidAttachmentSupport.Certificate)), ("recovery-plan.pdf", Sha256(plan))], attachments);

        // The hash covers the attachments: the same sealed bid naming another file's hash hashes differently.
        var procurement = (await db.LoadWholeAsync(tender.Id, CancellationToken.None))!;
        var read = SealedBid.Read(sealedJson);
        Assert.Equal(sealedJson, SealedBid.Canonical(procurement, provider.Organisation.Id, read.Content, read.Attachments));
        var altered = read.Attachments.Select(a => a with { Sha256 = a.FileName == "insurance.pdf" ? Sha256([1, 2, 3]) : a.Sha256 }).ToList();
        Assert.NotEqual(receipt.GetProperty("sha256").GetString(), SealedBid.Hash(SealedBid.Canonical(procurement, provider.Organisation.Id, read.Content, altered)));
    }

    [Fact]
    public async Task A_removed_file_leaves_the_draft_but_the_version_that_sealed_it_keeps_it()
    {
        var (tender, provider) = await StartedAsync();
        await tender.CompleteDraftAsync(provider.Client);
        var attachment = (await tender.AttachOkAsync(provider.Client, "insurance.pdf", BidAttachmentSupport.Certificate)).GetProperty("id").GetGuid();
        var first = await (await tender.SubmitAsync(provider.Client)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NoContent, (await provider.Client.DeleteAsync($"{tender.BidUrl}/attachments/{attachment}")).StatusCode);
        var second = await (await tender.SubmitAsync(provider.Client)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Empty((await provider.Client.GetFromJsonAsync<List<JsonElement>>($"{tender.BidUrl}/attachments"))!);
        Assert.Equal(HttpStatusCode.NotFound, (await provider.Client.DeleteAsync($"{tender.BidUrl}/attachments/{attachment}")).StatusCode);
        Assert.NotEqual(first.GetProperty("sha256").GetString(), second.GetProperty("sha256").GetString());
        await using var db = fixture.SuperuserDb(tender.Tenant.Id);
        var row = await db.BidAttachments.IgnoreQueryFilters().SingleAsync(a => a.Id == attachment);
        Assert.NotNull(row.RemovedAt);
        Assert.True(File.Exists(Path.Combine(fixture.StorageRoot, row.StorageName[..2], row.StorageName)));
        var protector = fixture.App.Services.GetRequiredService<BidProtector>();
        var versions = await db.BidVersions.IgnoreQueryFilters().Where(v => v.ProcurementId == tender.Id).OrderBy(v => v.Number).ToListAsync();
        Assert.Equal([1, 0], versions.Select(v => SealedBid.Read(protector.Unprotect(tender.Id, v.SealedContent)).Attachments.Count));
    }

    [Fact]
    public async Task After_the_tender_closes_files_can_be_neither_attached_nor_removed()
    {
        var (tender, provider) = await StartedAsync();
        var attachment = (await tender.AttachOkAsync(provider.Client, "insurance.pdf", BidAttachmentSupport.Certificate)).GetProperty("id").GetGuid();
        await fixture.SqlAsync($"update procurements set state = 'SubmissionsClosed' where id = '{tender.Id}'");

        Assert.Contains("Bid", (await (await tender.AttachAsync(provider.Client, "late.pdf", BidAttachmentSupport.Certificate)).FieldErrorsAsync()).Keys);
        Assert.Contains("Bid", (await (await provider.Client.DeleteAsync($"{tender.BidUrl}/attachments/{attachment}")).FieldErrorsAsync()).Keys);
        Assert.Equal(1, await fixture.CountAsync($"select count(*) from bid_attachments where procurement_id = '{tender.Id}' and removed_at is null"));
    }

    [Fact]
    public async Task Another_provider_cannot_list_download_or_remove_an_attachment_even_with_its_id()
    {
        var (tender, provider) = await StartedAsync();
        var attachment = (await tender.AttachOkAsync(provider.Client, "insurance.pdf", BidAttachmentSupport.Certificate)).GetProperty("id").GetGuid();
        var other = await fixture.ProviderAsync("Aire Valley Recovery Trust");
        await tender.StartAsync(other.Client);

        Assert.Empty((await other.Client.GetFromJsonAsync<List<JsonElement>>($"{tender.BidUrl}/attachments"))!);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"{tender.BidUrl}/attachments/{attachment}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.DeleteAsync($"{tender.BidUrl}/attachments/{attachment}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"{tender.BidUrl}/attachments/{attachment}?providerId={provider.Organisation.Id}")).StatusCode);
        Assert.Equal(1, await fixture.CountAsync($"select count(*) from bid_attachments where id = '{attachment}' and removed_at is null"));
    }
}
