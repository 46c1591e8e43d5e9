using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProcurementPortal.BrowserTests.Support;
using ProcurementPortal.IntegrationTests.Bids;

namespace ProcurementPortal.BrowserTests;

/// <summary>
/// A provider's bid writer bids for two lots of a published tender through the pages only: lots, answers and prices,
/// the missing items on check your answers, then the rest, submission and the receipt; axe checks every page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BidTests(BrowserFixture browser)
{
    [Fact]
    public async Task Provider_bids_for_two_lots_checks_what_is_missing_completes_it_and_gets_a_receipt()
    {
        var tender = await browser.Portal.PublishedTenderAsync();
        await using var tab = await PortalPage.OpenAsync(browser);
        var page = tab.Page;
        await tab.SignInAsync("bidwriter@ribble-valley.demo", "Demo-portal-2026");

        await tab.GotoAsync($"/{tender.Slug}/opportunities/{tender.Id}/bid");
        await tab.CheckAsync("bid: start");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start your bid" }).ClickAsync();
        await tab.CheckAsync("bid: task list");

        await page.GetByRole(AriaRole.Link, new() { Name = "Choose the lots you are bidding for" }).ClickAsync();
        await tab.CheckAsync("bid: lots");
        await page.GetByLabel("Lot 1: East").CheckAsync();
        await page.GetByLabel("Lot 2: North").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("saved");

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Question 1\\.1") }).ClickAsync();
        await tab.CheckAsync("bid: pass/fail question");
        await page.GetByLabel("Yes").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Question 2\\.1") }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox).FillAsync("Every person has a recovery plan written with them and reviewed each month with their care coordinator.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await tab.CheckAsync("bid: scored question saved");

        await page.GetByRole(AriaRole.Link, new() { Name = "Price schedule" }).ClickAsync();
        var rates = page.Locator("input[data-lot]");
        await Assertions.Expect(rates).ToHaveCountAsync(8);
        for (var i = 0; i < 8; i++)
        {
            await rates.Nth(i).FillAsync("14.00");
        }
        // The evaluated price follows the rates as they are typed (the external script), before any save.
        await Assertions.Expect(page.Locator("[data-bid-total]")).Not.ToHaveTextAsync("£0.00");
        await tab.CheckAsync("bid: price schedule");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Check your answers and submit" }).ClickAsync();
        var missing = page.Locator("#missing");
        await Assertions.Expect(missing).ToContainTextAsync("Answer question 2.2");
        await Assertions.Expect(missing).ToContainTextAsync("Answer question 2.3");
        await Assertions.Expect(missing).ToContainTextAsync("Enter your CQC registration number");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Submit your bid" })).ToHaveCountAsync(0);
        await tab.CheckAsync("bid: check your answers with missing items");

        foreach (var label in new[] { "Answer question 2.2", "Answer question 2.3" })
        {
            await missing.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(label)) }).ClickAsync();
            await page.GetByRole(AriaRole.Textbox).FillAsync("Staff are recruited locally in each lot and paid the real living wage.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Check your answers and submit" }).ClickAsync();
        }
        await missing.GetByRole(AriaRole.Link, new() { Name = "Enter your CQC registration number" }).ClickAsync();
        await tab.CheckAsync("bid: declarations");
        await BidPageSteps.FillDeclarationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Check your answers and submit" }).ClickAsync();
        await Assertions.Expect(page.Locator("#missing")).ToHaveCountAsync(0);
        await tab.CheckAsync("bid: check your answers complete");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit your bid" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync("Bid received");
        await Assertions.Expect(page.Locator("#receipt-number")).ToHaveTextAsync(new Regex(@"-R[2-9A-HJKMNP-Z]{8}$"));
        await Assertions.Expect(page.Locator("#receipt-hash")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));
        await Assertions.Expect(page.Locator("#received-uk")).ToHaveTextAsync(new Regex(@"^\d{2}:\d{2}:\d{2} on .* \((GMT|BST)\)$"));
        await tab.CheckAsync("bid: receipt");
    }
}
