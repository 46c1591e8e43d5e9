using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using ProcurementPortal.BrowserTests.Support;
using ProcurementPortal.IntegrationTests.Procurements;
using ProcurementPortal.IntegrationTests.TenderDocuments;

namespace ProcurementPortal.BrowserTests;

/// <summary>
/// A provider's bid writer opens a published Lancashire tender, registers interest, downloads its specification and
/// asks a question, through the pages only; axe checks each page on the way.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TenderPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_provider_registers_interest_downloads_a_document_and_asks_a_question()
    {
        using var officer = await OfficerApiAsync();
        var id = await LancashireViaApi.BuildAsync(officer, "lancashire");
        var uploaded = await officer.PostAsync($"/api/v1/t/lancashire/procurements/{id}/documents",
            TenderTestSupport.Multipart("service-specification.pdf", TenderTestSupport.Pdf, title: "Service specification"));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var documentId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documentId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/v1/t/lancashire/procurements/{id}/publish", null)).StatusCode);

        await using var tab = await PortalPage.OpenAsync(browser);
        var page = tab.Page;
        await tab.SignInAsync("bidwriter@ribble-valley.demo", "Demo-portal-2026");
        await tab.GotoAsync($"/lancashire/opportunities/{id}");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Mental Health Care and Support Framework");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Register interest to download the documents");
        await tab.CheckAsync("tender page before interest");

        await page.GetByRole(AriaRole.Button, new() { Name = "Register interest" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Your interest is registered");
        await tab.CheckAsync("tender page after interest");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Service specification" }).ClickAsync());
        Assert.Equal("service-specification.pdf", download.SuggestedFilename);
        Assert.Equal(TenderTestSupport.Pdf, await File.ReadAllBytesAsync((await download.PathAsync())!));
        Assert.EndsWith($"/documents/{documentId}/download", download.Url);

        await page.GetByRole(AriaRole.Button, new() { Name = "Send the question" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter your question");
        await tab.CheckAsync("question refused");
        await page.GetByLabel("Ask a question").FillAsync("Does TUPE apply to staff in the East lot?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the question" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Your question has been sent as Q1");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Your question is waiting for an answer.");
        await tab.CheckAsync("question sent");
    }

    /// <summary>An API client of the demo officer over the portal's real address (the tender is arranged through the API).</summary>
    private async Task<HttpClient> OfficerApiAsync()
    {
        var client = new HttpClient { BaseAddress = browser.Portal.BaseAddress };
        var login = await client.PostAsJsonAsync("/api/v1/identity/login", new { email = "officer1@lancashire.demo", password = "Demo-portal-2026" });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
