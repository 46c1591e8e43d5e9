using Microsoft.Playwright;
using ProcurementPortal.BrowserTests.Support;
using ProcurementPortal.IntegrationTests.Framework;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.BrowserTests;

/// <summary>An officer opens the framework's spend and capacity page (its chart and tables) from the framework page; axe checks both.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FrameworkSpendTests(BrowserFixture browser)
{
    [Fact]
    public async Task Officer_sees_committed_spend_against_the_plan_from_the_framework_page()
    {
        var f = await browser.Portal.AwardedFrameworkAsync(2);
        Assert.Equal(System.Net.HttpStatusCode.Created, (await f.DirectAwardAsync("B2", 14m)).StatusCode);

        await using var officer = await PortalPage.OpenAsync(browser);
        await officer.SignInAsync(await browser.Portal.OfficerEmailAsync(f), PortalFixture.Password);
        await officer.GotoAsync($"/{f.Tender.Slug}/procurements/{f.Tender.Id}/framework");
        await officer.CheckAsync("framework");
        await officer.Page.GetByRole(AriaRole.Link, new() { Name = "Spend and capacity against the plan" }).ClickAsync();
        await Assertions.Expect(officer.Page.Locator("h1")).ToHaveTextAsync("Spend and capacity against the plan");
        // £15.75 × 14 hours × 52 weeks.
        await Assertions.Expect(officer.Page.Locator("[data-lot-spend='1']")).ToContainTextAsync("£11,466.00 a year");
        await Assertions.Expect(officer.Page.Locator("svg[role='img']")).ToHaveCountAsync(1);
        await officer.CheckAsync("framework spend");
        await officer.AssertEveryPageAccessibleAsync("framework spend");
    }
}
