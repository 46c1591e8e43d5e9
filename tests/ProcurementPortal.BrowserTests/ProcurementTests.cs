using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProcurementPortal.BrowserTests.Support;

namespace ProcurementPortal.BrowserTests;

/// <summary>
/// A Lancashire procurement officer builds a tender through the pages only — the procurement, two lots with a fee
/// band each, an evaluation model — and publishes it; axe checks every page on the way.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProcurementTests(BrowserFixture browser)
{
    [Fact]
    public async Task Officer_creates_a_tender_with_two_lots_and_a_model_and_publishes_it()
    {
        await using var tab = await PortalPage.OpenAsync(browser);
        var page = tab.Page;
        await tab.SignInAsync("officer1@lancashire.demo", "Demo-portal-2026");

        await page.GetByRole(AriaRole.Link, new() { Name = "Procurements", Exact = true }).ClickAsync();
        await tab.CheckAsync("procurements list");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create a procurement" }).ClickAsync();
        await tab.CheckAsync("create a procurement");
        var deadline = DateTime.UtcNow.AddDays(60);
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Mental Health Care and Support Framework");
        await page.GetByLabel("Description").FillAsync("Care and support for adults with mental health needs, at home and in supported accommodation.");
        await page.GetByLabel("CPV code").FillAsync("85312000-9");
        await page.GetByLabel("Open framework").CheckAsync();
        await page.GetByLabel("Annual budget, in pounds").FillAsync("6,000,000");
        await page.GetByLabel("What is spent on these services a year today").FillAsync("6,800,000");
        await page.GetByLabel("Contract term, in months").FillAsync("36");
        await FillDateAsync(page, "ClarificationDeadline", deadline.AddDays(-14), "17:00");
        await FillDateAsync(page, "SubmissionDeadline", deadline, "12:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the procurement" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("created");

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the tender" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Add at least one lot");
        await tab.CheckAsync("publishing refused with every reason");

        foreach (var (lot, ceiling) in new[] { ("East", "14.50"), ("North", "15.75") })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Add a lot" }).ClickAsync();
            await tab.CheckAsync("add a lot");
            await page.GetByLabel("Name").FillAsync(lot);
            await page.GetByLabel("Lot budget a year, in pounds (optional)").FillAsync("3,000,000");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the lot" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = $"Add a fee band to lot {(lot == "East" ? 1 : 2)}" }).ClickAsync();
            await tab.CheckAsync("add a fee band");
            await page.GetByLabel("Band code").FillAsync("B1");
            await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Low support");
            await page.GetByLabel("Hour").CheckAsync();
            await page.GetByLabel("Ceiling rate per unit, in pounds").FillAsync(ceiling);
            await page.GetByLabel("Expected annual volume").FillAsync("41,600");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the band" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Band B1 added");
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Change the evaluation model" }).ClickAsync();
        await tab.CheckAsync("evaluation model");
        await page.GetByRole(AriaRole.Link, new() { Name = "Change price weight and formula" }).ClickAsync();
        await tab.CheckAsync("price weight and formula");
        await page.GetByLabel("Price weight, in percent").FillAsync("40");
        await page.GetByLabel("Lowest price ratio").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save price" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a section" }).ClickAsync();
        await tab.CheckAsync("add a section");
        await page.GetByLabel("Section title").FillAsync("Quality");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the section" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a question to section 1" }).ClickAsync();
        await tab.CheckAsync("add a question");
        await page.GetByLabel("Question", new() { Exact = true }).FillAsync("How will you promote recovery and rehabilitation?");
        await page.GetByLabel("Scored from 0 to 5").CheckAsync();
        await page.GetByLabel("Weight, in percent").FillAsync("60");
        await page.GetByLabel("Minimum acceptable score (optional)").FillAsync("2");
        string[] descriptors = ["No response", "Poor", "Weak", "Satisfactory", "Good", "Excellent"];
        for (var score = 0; score < descriptors.Length; score++)
        {
            await page.GetByLabel($"Score {score}", new() { Exact = true }).FillAsync(descriptors[score]);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the question" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Quality 60% + price 40% = 100%");
        await tab.CheckAsync("evaluation model complete");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the procurement" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("£1,258,400.00"); // 41,600 h × (£14.50 + £15.75)
        await tab.CheckAsync("procurement summary");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the tender" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("published");
        await Assertions.Expect(page.Locator("#State")).ToContainTextAsync("Open for tenders");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Change") })).ToHaveCountAsync(0);
        await tab.CheckAsync("published procurement");
    }

    private static async Task FillDateAsync(IPage page, string field, DateTime day, string time)
    {
        await page.Locator($"#{field}").FillAsync(day.Day.ToString());
        await page.Locator($"#{field}-month").FillAsync(day.Month.ToString());
        await page.Locator($"#{field}-year").FillAsync(day.Year.ToString());
        await page.Locator($"#{field}-time").FillAsync(time);
    }
}
