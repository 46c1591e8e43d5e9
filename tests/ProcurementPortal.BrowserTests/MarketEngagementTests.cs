using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProcurementPortal.BrowserTests.Support;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.BrowserTests;

/// <summary>An officer writes a statement and adds an engagement event through the pages only; each page passes axe.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MarketEngagementTests(BrowserFixture browser)
{
    [Fact]
    public async Task Officer_writes_a_statement_adds_an_event_and_publishes_it_through_the_pages()
    {
        await using var tab = await PortalPage.OpenAsync(browser);
        var page = tab.Page;
        var year = (DateTime.UtcNow.Year + 1).ToString();

        await tab.SignInAsync("officer1@northamptonshire.demo", DemoData.Password);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Market engagement" }).ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Market engagement");
        await tab.CheckAsync("market engagement list");

        await page.GetByRole(AriaRole.Button, new() { Name = "Write a statement" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save statement" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await tab.CheckAsync("statement form with errors");

        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Partnerships: integrated commissioning");
        await page.GetByLabel("What you intend to buy and why").FillAsync("We intend to commission care and support with the county's CCGs.\n\nProviders are invited to engagement events.");
        await page.GetByLabel("Lowest indicative value, in pounds (optional)").FillAsync("1,200,000");
        await page.GetByLabel("Milestone 1", new() { Exact = true }).FillAsync("Statement issued");
        await page.Locator("#Milestones\\[0\\]_Month").FillAsync("11");
        await page.Locator("#Milestones\\[0\\]_Year").FillAsync("2016");
        await page.GetByLabel("Milestone 2", new() { Exact = true }).FillAsync("Tender published");
        await page.Locator("#Milestones\\[1\\]_Month").FillAsync("12");
        await page.Locator("#Milestones\\[1\\]_Year").FillAsync("2017");
        await tab.CheckAsync("statement form filled in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save statement" }).ClickAsync();

        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Partnerships: integrated commissioning");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("November 2016");
        await tab.CheckAsync("statement page");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add an event" }).ClickAsync();
        await page.GetByLabel("Name of the event").FillAsync("Provider event, Northampton");
        // The event's date (the registration window has date fields of its own).
        var date = page.GetByRole(AriaRole.Group, new() { Name = "Date", Exact = true });
        await date.GetByLabel("Day", new() { Exact = true }).FillAsync("5");
        await date.GetByLabel("Month", new() { Exact = true }).FillAsync("12");
        await date.GetByLabel("Year", new() { Exact = true }).FillAsync(year);
        await page.GetByLabel("Start time (UK time)").FillAsync("10:00");
        await page.GetByLabel("End time (UK time)").FillAsync("12:30");
        await page.GetByLabel("Venue", new() { Exact = true }).FillAsync("One Angel Square, Angel Street, Northampton NN1 1ED");
        await page.GetByLabel("Number of places").FillAsync("30");
        await tab.CheckAsync("event form filled in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save event" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync($"5 December {year}, 10am to 12:30pm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Statement published");
        await tab.CheckAsync("published statement");

        await page.GetByRole(AriaRole.Link, new() { Name = "See the public notice" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/northamptonshire/notices/"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Provider event, Northampton");
        await tab.CheckAsync("public notice");
    }
}
