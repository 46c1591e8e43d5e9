using Microsoft.Playwright;
using ProcurementPortal.BrowserTests.Support;
using ProcurementPortal.Web.Features.Help;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.BrowserTests;

/// <summary>The user guides, and a page's help opened, pass axe like every other page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HelpTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_guides_and_a_dashboard_with_its_help_open_are_accessible()
    {
        await using var tab = await PortalPage.OpenAsync(browser);

        await tab.GotoAsync("/help");
        await Assertions.Expect(tab.Page.Locator("main h1")).ToHaveTextAsync("User guides");
        await tab.CheckAsync("help guides");
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Procurement officer", Exact = true }).ClickAsync();
        await Assertions.Expect(tab.Page.Locator("main h1")).ToHaveTextAsync("Procurement officer");
        await tab.CheckAsync("help procurement officer guide");

        await tab.SignInAsync(DemoData.JointOfficerEmail, DemoData.Password);
        await tab.GotoAsync("/lambeth");
        var help = tab.Page.Locator("#page-help");
        await Assertions.Expect(help.Locator(".govuk-details__text")).Not.ToBeVisibleAsync();
        await help.GetByText("Help with this page").ClickAsync();

        await Assertions.Expect(help.Locator(".govuk-details__text")).ToContainTextAsync(HelpCatalogue.For("Dashboard", "Index")!.Text);
        await tab.CheckAsync("help open on the dashboard");
    }
}
