using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProcurementPortal.BrowserTests.Support;
using ProcurementPortal.IntegrationTests.Bids;
using ProcurementPortal.IntegrationTests.Identity;
using UglyToad.PdfPig;

namespace ProcurementPortal.BrowserTests;

/// <summary>
/// Issue 5's whole provider journey through the pages only: a new person creates an account and confirms it,
/// registers their organisation, finds the tender on /opportunities, registers interest, writes a bid for two lots
/// with prices and an attachment, sees what is missing on check your answers, completes it, submits, sees the receipt
/// and downloads it as a PDF. Axe checks every page on the way.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProviderJourneyTests(BrowserFixture browser)
{
    private const string Password = "Recovery-college-2026";

    [Fact]
    public async Task A_new_provider_registers_finds_the_tender_bids_with_an_attachment_and_downloads_its_receipt()
    {
        var tender = await browser.Portal.PublishedTenderAsync();
        await browser.Portal.RequireAttachmentOnFirstScoredQuestionAsync(tender);
        var email = $"bids-{Guid.NewGuid():N}@pendle-recovery.example";
        await using var tab = await PortalPage.OpenAsync(browser);
        var page = tab.Page;

        // An account, confirmed by the emailed link.
        await tab.GotoAsync("/account/register");
        await page.GetByLabel("Full name").FillAsync("Priya Shah");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Create a password").FillAsync(Password);
        await page.GetByLabel("Confirm your password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(email);
        await tab.CheckAsync("journey: check your email");
        var confirm = await browser.Portal.EmailedLinkAsync(email, "/account/confirm-email");
        await tab.GotoAsync(confirm.PathAndQuery);
        await tab.CheckAsync("journey: email confirmed");
        await tab.SignInAsync(email, Password);

        // The organisation.
        await tab.GotoAsync("/providers/register");
        await page.GetByLabel("Name of the organisation").FillAsync("Pendle Recovery Housing CIC");
        await page.GetByLabel("Companies House number").FillAsync($"{Random.Shared.Next(10_000_000, 99_999_999)}");
        await page.GetByLabel("Address line 1").FillAsync("12 Market Street");
        await page.GetByLabel("Town or city").FillAsync("Nelson");
        await page.GetByLabel("Postcode").FillAsync("BB9 7LP");
        await page.GetByLabel("Full name").FillAsync("Priya Shah");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Telephone number").FillAsync("01282 555 010");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register organisation" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-caption-l")).ToContainTextAsync("Pendle Recovery Housing CIC");
        await tab.CheckAsync("journey: organisation registered");

        // Finding the tender and registering interest.
        await tab.GotoAsync("/opportunities");
        await page.Locator("#Tenant").SelectOptionAsync(tender.Slug);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await tab.CheckAsync("journey: opportunities");
        await page.Locator($"a[href='/{tender.Slug}/opportunities/{tender.Id}']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register interest" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Your interest is registered");
        await tab.CheckAsync("journey: tender page");

        // The bid: two lots, answers, prices.
        await page.GetByRole(AriaRole.Button, new() { Name = "Start a bid" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start your bid" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Choose the lots you are bidding for" }).ClickAsync();
        await page.GetByLabel("Lot 1: East").CheckAsync();
        await page.GetByLabel("Lot 2: North").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Question 1\\.1") }).ClickAsync();
        await page.GetByLabel("Yes").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Question 2\\.1") }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox).FillAsync("Each person writes their recovery plan with a peer mentor, and reviews it monthly.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Price schedule" }).ClickAsync();
        var rates = page.Locator("input[data-lot]");
        await Assertions.Expect(rates).ToHaveCountAsync(8);
        for (var i = 0; i < 8; i++)
        {
            await rates.Nth(i).FillAsync("14.25");
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await tab.CheckAsync("journey: task list");

        // What is missing, the attachment among it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Check your answers and submit" }).ClickAsync();
        var missing = page.Locator("#missing");
        await Assertions.Expect(missing).ToContainTextAsync("Attach at least one file to question 2.1");
        await Assertions.Expect(missing).ToContainTextAsync("Answer question 2.2");
        await Assertions.Expect(missing).ToContainTextAsync("Enter your CQC registration number");
        await tab.CheckAsync("journey: check your answers with missing items");

        await missing.GetByRole(AriaRole.Link, new() { Name = "Attach at least one file to question 2.1" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Attach the file" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select a file");
        await tab.CheckAsync("journey: attachment refused");
        await page.GetByLabel("Attach a file").SetInputFilesAsync(new FilePayload
        {
            Name = "recovery-model.pdf", MimeType = "application/pdf", Buffer = BidAttachmentSupport.Certificate,
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Attach the file" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("recovery-model.pdf is attached");
        await tab.CheckAsync("journey: attachment added");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to your bid" }).First.ClickAsync();

        foreach (var label in new[] { "Answer question 2.2", "Answer question 2.3" })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Check your answers and submit" }).ClickAsync();
            await missing.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(label)) }).ClickAsync();
            await page.GetByRole(AriaRole.Textbox).FillAsync("Staff are recruited in each lot, trained in recovery approaches and paid the real living wage.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        }
        await page.GetByRole(AriaRole.Link, new() { Name = "Declarations" }).ClickAsync();
        await BidPageSteps.FillDeclarationsAsync(page);

        // Submitted, the receipt, and its PDF.
        await page.GetByRole(AriaRole.Link, new() { Name = "Check your answers and submit" }).ClickAsync();
        await Assertions.Expect(page.Locator("#missing")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#attachments")).ToContainTextAsync("recovery-model.pdf");
        await tab.CheckAsync("journey: check your answers complete");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit your bid" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync("Bid received");
        var receiptNumber = await page.Locator("#receipt-number").InnerTextAsync();
        await tab.CheckAsync("journey: receipt");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the receipt as a PDF" }).ClickAsync());
        Assert.Equal($"bid-receipt-{receiptNumber}.pdf", download.SuggestedFilename);
        using var pdf = PdfDocument.Open(await File.ReadAllBytesAsync((await download.PathAsync())!));
        var text = string.Concat(pdf.GetPages().Select(p => p.Text)).Replace(" ", "");
        Assert.Contains(receiptNumber, text);
        Assert.Contains("PendleRecoveryHousingCIC", text);
        Assert.Contains("recovery-model.pdf", text);
    }
}
