using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProcurementPortal.BrowserTests.Support;
using ProcurementPortal.IntegrationTests.Framework;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.BrowserTests;

/// <summary>
/// The officer's other pages for working a framework, reached from the framework page as an officer would: recording a
/// member's capacity (with a typing mistake first), the direct award, a new mini-competition, the mini-competitions and
/// the scheme; axe checks every page on the way.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class FrameworkWorkTests(BrowserFixture browser)
{
    [Fact]
    public async Task Officer_records_a_members_capacity_and_opens_the_direct_award_mini_competition_and_scheme_pages()
    {
        var f = await browser.Portal.AwardedFrameworkAsync(2);
        var framework = $"/{f.Tender.Slug}/procurements/{f.Tender.Id}/framework";

        await using var officer = await PortalPage.OpenAsync(browser);
        var page = officer.Page;
        await officer.SignInAsync(await browser.Portal.OfficerEmailAsync(f), PortalFixture.Password);
        await officer.GotoAsync(framework);
        await page.GetByRole(AriaRole.Link, new() { NameRegex = RecordCapacity() }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Capacity of");
        await officer.CheckAsync("framework work: capacity form");
        await page.GetByLabel("Hours a week").FillAsync("twenty");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the capacity" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the hours a week as a number");
        await officer.CheckAsync("framework work: capacity refused");
        await page.GetByLabel("Hours a week").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the capacity" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("capacity is 20 hours a week");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Capacity 20 hours a week");
        await officer.CheckAsync("framework work: capacity recorded");

        foreach (var (link, heading) in new[]
                 {
                     ("Award a call-off directly", "Award a call-off directly"),
                     ("Start a mini-competition", "Start a mini-competition"),
                     ("Mini-competitions", "Mini-competitions"),
                     ("Open framework scheme or dynamic market", "Make the framework a scheme"),
                 })
        {
            await officer.GotoAsync(framework);
            await page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
            await officer.CheckAsync($"framework work: {heading}");
        }
        await officer.AssertEveryPageAccessibleAsync("framework work");
    }

    [GeneratedRegex("^Record capacity")]
    private static partial Regex RecordCapacity();
}
