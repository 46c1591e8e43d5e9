using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.TenderDocuments;

[Collection(PortalCollection.Name)]
public sealed class ProviderTenderTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_provider_downloads_documents_only_after_registering_interest_and_gets_the_exact_bytes()
    {
        var tender = await fixture.DraftTenderAsync();
        var documentId = (await tender.UploadOkAsync("specification.pdf", TenderTestSupport.Pdf, title: "Service specification")).GetProperty("documentId").GetGuid();
        await tender.PublishAsync();
        var provider = await fixture.ProviderAsync("Ribble Valley Supported Living Ltd");
        var api = $"{tender.Opportunity}/documents/{documentId}/download";
        var page = $"/{tender.Slug}/opportunities/{tender.Id}/documents/{documentId}/download";
        var browser = await fixture.CookieClientAsync(provider.User.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await provider.Client.GetAsync(api)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(page)).StatusCode);
        var listed = Assert.Single((await provider.Client.GetFromJsonAsync<List<JsonElement>>($"{tender.Opportunity}/documents"))!);
        Assert.Equal("Service specification", listed.GetProperty("title").GetString());

        await provider.RegisterInterestAsync(tender);

        var download = await provider.Client.GetAsync(api);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TenderTestSupport.Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(TenderTestSupport.Pdf, await browser.GetByteArrayAsync(page));
    }

    [Fact]
    public async Task An_unpublished_tender_and_its_documents_are_not_found_by_providers()
    {
        var tender = await fixture.DraftTenderAsync();
        var documentId = (await tender.UploadOkAsync("specification.pdf", TenderTestSupport.Pdf)).GetProperty("documentId").GetGuid();
        var provider = await fixture.ProviderAsync("Draft Reader Ltd");

        Assert.Equal(HttpStatusCode.NotFound, (await provider.Client.GetAsync(tender.Opportunity)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await provider.Client.GetAsync($"{tender.Opportunity}/documents/{documentId}/download")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await fixture.CookieClientAsync(provider.User.Email!)).GetAsync($"/{tender.Slug}/opportunities/{tender.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_tender_page_shows_lots_bands_the_timetable_with_its_utc_offset_and_the_documents()
    {
        var tender = await fixture.DraftTenderAsync();
        await tender.UploadOkAsync("specification.pdf", TenderTestSupport.Pdf, title: "Service specification");
        await tender.PublishAsync();
        var provider = await fixture.ProviderAsync("Aire Valley Recovery Trust");
        var browser = await fixture.CookieClientAsync(provider.User.Email!);
        var here = $"/{tender.Slug}/opportunities/{tender.Id}";

        var html = WebUtility.HtmlDecode(await browser.GetStringAsync(here));

        Assert.Contains("Lot 1: East", html);
        Assert.Contains("B4 Complex needs", html);
        Assert.Contains("£17.96", html);
        Assert.Contains("41,600", html); // East: 2,000 hours a week × 52 × 40% in band B1
        Assert.Matches(@"\((GMT, UTC\+00:00|BST, UTC\+01:00)\)", html);
        Assert.Contains("Service specification", html);
        Assert.Contains("Register interest to download the documents", html);
        Assert.DoesNotContain("/download\" download", html);

        var registered = await browser.PostFormAsync($"{here}/interest", new(), here);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var after = await browser.GetStringAsync(here);
        Assert.Contains("/download\" download", after);

        var empty = await browser.PostFormAsync($"{here}/questions", new() { ["Question"] = "" }, here);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("<a href=\"#Question\">Enter your question</a>", await empty.Content.ReadAsStringAsync());
        var asked = await browser.PostFormAsync($"{here}/questions", new() { ["Question"] = "Does TUPE apply in the North lot?" }, here);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Contains("Does TUPE apply in the North lot?", await browser.GetStringAsync(here));
    }

    [Fact]
    public async Task The_provider_api_gives_the_tender_without_budgets()
    {
        var tender = await fixture.PublishedTenderAsync();
        var provider = await fixture.ProviderAsync("Brixton Wellbeing Partnership CIC");

        var json = await provider.Client.GetFromJsonAsync<JsonElement>(tender.Opportunity);

        Assert.Equal(3, json.GetProperty("lots").GetArrayLength());
        Assert.Equal(4, json.GetProperty("lots")[0].GetProperty("bands").GetArrayLength());
        Assert.False(json.GetProperty("interestRegistered").GetBoolean());
        Assert.DoesNotContain("annualBudget", json.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("currentAnnualSpend", json.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }
}
