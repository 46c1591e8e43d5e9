using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProcurementPortal.BrowserTests.Support;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.BrowserTests;

/// <summary>
/// A Lancashire procurement officer, through the pages only: writes a market intent statement with an engagement
/// event and publishes it; then builds a tender (the procurement, two lots with a fee band each, an evaluation model)
/// and publishes it. Axe checks every page on the way.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TenderBuildingTests(BrowserFixture browser)
{
    [Fact]
    public async Task Officer_publishes_a_statement_with_an_event_then_a_tender_with_two_lots_and_a_model()
    {
        await using var tab = await PortalPage.OpenAsync(browser);
        var page = tab.Page;
        await tab.SignInAsync("officer1@lancashire.demo", DemoData.Password);

        await WriteAndPublishStatementAsync(tab, "lancashire");
        await tab.GotoAsync("/lancashire");
        await BuildAndPublishTenderAsync(tab);
    }

    /// <summary>Writes, fills and publishes a statement with one event; returns the path of its public notice.</summary>
    internal static async Task<string> WriteAndPublishStatementAsync(PortalPage tab, string tenant, string title = "Partnerships: integrated commissioning")
    {
        var page = tab.Page;
        await tab.GotoAsync($"/{tenant}");
        var year = (DateTime.UtcNow.Year + 1).ToString();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Market engagement" }).ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Market engagement");
        await tab.CheckAsync("market engagement list");

        await page.GetByRole(AriaRole.Button, new() { Name = "Write a statement" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save statement" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await tab.CheckAsync("statement form with errors");

        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
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

        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("November 2016");
        await tab.CheckAsync("statement page");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add an event" }).ClickAsync();
        await page.GetByLabel("Name of the event").FillAsync("Provider event, Preston");
        // The event's date (the registration window has date fields of its own).
        var date = page.GetByRole(AriaRole.Group, new() { Name = "Date", Exact = true });
        await date.GetByLabel("Day", new() { Exact = true }).FillAsync("5");
        await date.GetByLabel("Month", new() { Exact = true }).FillAsync("12");
        await date.GetByLabel("Year", new() { Exact = true }).FillAsync(year);
        await page.GetByLabel("Start time (UK time)").FillAsync("10:00");
        await page.GetByLabel("End time (UK time)").FillAsync("12:30");
        await page.GetByLabel("Venue", new() { Exact = true }).FillAsync("County Hall, Fishergate, Preston PR1 8XJ");
        await page.GetByLabel("Number of places").FillAsync("30");
        await tab.CheckAsync("event form filled in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save event" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync($"5 December {year}, 10am to 12:30pm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Statement published");
        await tab.CheckAsync("published statement");

        await page.GetByRole(AriaRole.Link, new() { Name = "See the public notice" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/{tenant}/notices/"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Provider event, Preston");
        await tab.CheckAsync("public notice");
        return new Uri(page.Url).AbsolutePath;
    }

    /// <summary>From the tenant's dashboard: builds a tender with two lots and a model and publishes it; returns its id.</summary>
    internal static async Task<Guid> BuildAndPublishTenderAsync(PortalPage tab, string title = "Mental Health Care and Support Framework")
    {
        var page = tab.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Procurements", Exact = true }).ClickAsync();
        await tab.CheckAsync("procurements list");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create a procurement" }).ClickAsync();
        await tab.CheckAsync("create a procurement");
        var deadline = DateTime.UtcNow.AddDays(60);
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
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
        return Guid.Parse(Regex.Match(page.Url, "/procurements/([0-9a-f-]{36})").Groups[1].Value);
    }

    private static async Task FillDateAsync(IPage page, string field, DateTime day, string time)
    {
        await page.Locator($"#{field}").FillAsync(day.Day.ToString());
        await page.Locator($"#{field}-month").FillAsync(day.Month.ToString());
        await page.Locator($"#{field}-year").FillAsync(day.Year.ToString());
        await page.Locator($"#{field}-time").FillAsync(time);
    }
}
