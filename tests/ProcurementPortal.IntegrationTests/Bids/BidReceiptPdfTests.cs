using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProcurementPortal.IntegrationTests.Support;
using UglyToad.PdfPig;

namespace ProcurementPortal.IntegrationTests.Bids;

/// <summary>Issue 5, item 4: the receipt downloadable as a PDF, read back with PdfPig; the emailed receipt says where.</summary>
[Collection(PortalCollection.Name)]
public sealed class BidReceiptPdfTests(PortalFixture fixture)
{
    /// <summary>The text of every page, with the layout's spaces and line breaks taken out (a hash may wrap).</summary>
    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)))).Replace(" ", "");
    }

    private static string Squeezed(string text) => text.Replace(" ", "");

    [Fact]
    public async Task The_receipt_pdf_gives_the_number_tender_provider_times_hash_lots_with_evaluated_prices_and_attachments()
    {
        var tender = await fixture.PublishedTenderAsync();
        var provider = await fixture.ProviderAsync();
        var bid = await tender.CompleteDraftAsync(provider.Client);
        await tender.AttachOkAsync(provider.Client, "insurance-certificate.pdf", BidAttachmentSupport.Certificate);
        var receipt = await (await tender.SubmitAsync(provider.Client)).Content.ReadFromJsonAsync<JsonElement>();
        var versionId = receipt.GetProperty("versionId").GetGuid();

        var response = await provider.Client.GetAsync($"{tender.BidUrl}/receipts/{versionId}.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = Text(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(Squeezed(receipt.GetProperty("receiptNumber").GetString()!), text);
        Assert.Contains(Squeezed("Mental Health Care and Support Framework"), text);
        Assert.Contains(Squeezed(provider.Organisation.Name), text);
        Assert.Contains(Squeezed(receipt.GetProperty("receivedAtUkText").GetString()!), text);
        Assert.Contains(Squeezed(receipt.GetProperty("receivedAtUtc").GetDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss") + " UTC"), text);
        Assert.Contains(receipt.GetProperty("sha256").GetString()!, text);
        foreach (var lot in bid.GetProperty("prices").EnumerateArray())
        {
            Assert.Contains(Squeezed(lot.GetProperty("name").GetString()!), text);
            Assert.Contains(Web.Infrastructure.Money.Format(lot.GetProperty("evaluatedPrice").GetDecimal()), text);
        }
        Assert.Contains("insurance-certificate.pdf", text);
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BidAttachmentSupport.Certificate)), text);
    }

    [Fact]
    public async Task The_receipt_page_links_its_pdf_and_the_email_says_where_to_download_it()
    {
        var tender = await fixture.PublishedTenderAsync();
        var provider = await fixture.ProviderAsync();
        await tender.CompleteDraftAsync(provider.Client);
        var receipt = await (await tender.SubmitAsync(provider.Client)).Content.ReadFromJsonAsync<JsonElement>();
        var versionId = receipt.GetProperty("versionId").GetGuid();
        var page = await fixture.CookieClientAsync(provider.User.Email!);
        var pdfPath = $"/{tender.Slug}/opportunities/{tender.Id}/bid/receipts/{versionId}.pdf";

        Assert.Contains($"href=\"{pdfPath}\"", await page.GetStringAsync($"/{tender.Slug}/opportunities/{tender.Id}/bid/receipts/{versionId}"));
        var pdf = await page.GetAsync(pdfPath);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Contains(receipt.GetProperty("receiptNumber").GetString()!, Text(await pdf.Content.ReadAsByteArrayAsync()));

        await fixture.DeliverMailAsync();
        var mail = Assert.Single(await fixture.Mail.WaitForAsync(provider.User.Email!));
        Assert.Contains($"{pdfPath}?providerId={provider.Organisation.Id}", mail.TextBody);
        Assert.Contains("Download the receipt as a PDF", mail.HtmlBody);
    }

    [Fact]
    public async Task Another_provider_cannot_download_a_receipt_pdf_even_with_its_version_id()
    {
        var tender = await fixture.PublishedTenderAsync();
        var provider = await fixture.ProviderAsync();
        await tender.CompleteDraftAsync(provider.Client);
        var versionId = (await (await tender.SubmitAsync(provider.Client)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("versionId").GetGuid();
        var other = await fixture.ProviderAsync("Aire Valley Recovery Trust");
        await tender.StartAsync(other.Client);

        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"{tender.BidUrl}/receipts/{versionId}.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"{tender.BidUrl}/receipts/{versionId}.pdf?providerId={provider.Organisation.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tender.Officer.GetAsync($"{tender.BidUrl}/receipts/{versionId}.pdf")).StatusCode);
    }
}
