using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProcurementPortal.BrowserTests.Support;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.BrowserTests;

/// <summary>
/// The check every browser test stands on: axe runs on every page a tab shows, even one a test leaves at once, and a
/// serious violation there fails the test.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityCheckTests(BrowserFixture browser)
{
    /// <summary>No language, no title, an image without a text alternative: serious and critical findings for axe.</summary>
    private const string Inaccessible = "<!DOCTYPE html><html><head></head><body><main><img src=\"/favicon.ico\"><p>Nothing to see</p></main></body></html>";

    [Fact]
    public async Task A_page_left_at_once_is_still_checked_and_its_serious_violations_fail_the_test()
    {
        await using var tab = await PortalPage.OpenAsync(browser);
        await tab.Page.RouteAsync("**/inaccessible-page", route => route.FulfillAsync(new() { ContentType = "text/html", Body = Inaccessible }));

        await tab.GotoAsync("/inaccessible-page");
        await tab.GotoAsync("/accessibility");

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => tab.AssertEveryPageAccessibleAsync("tab"));
        Assert.Equal(["/inaccessible-page", "/accessibility"], tab.CheckedPages.Select(url => new Uri(url).AbsolutePath));
        Assert.Contains("/inaccessible-page", failure.Message);
        Assert.Contains("image-alt", failure.Message);
    }

    [Fact]
    public async Task A_link_followed_and_a_form_sent_before_the_page_has_loaded_wait_for_its_check()
    {
        await using var tab = await PortalPage.OpenAsync(browser);
        // The portal's script arrives late, so each page is still loading when the test acts on it.
        await tab.Page.RouteAsync("**/govuk-frontend.min.js*", async route =>
        {
            await Task.Delay(1500);
            await route.ContinueAsync();
        });

        await tab.Page.GotoAsync("/", new() { WaitUntil = WaitUntilState.Commit });
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First.ClickAsync();
        await tab.Page.WaitForURLAsync(new Regex("/account/sign-in"));
        await tab.Page.Locator("#Email").FillAsync("officer1@lancashire.demo");
        await tab.Page.Locator("#Password").FillAsync(DemoData.Password);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await tab.Page.WaitForURLAsync(new Regex("/lancashire"));

        await tab.AssertEveryPageAccessibleAsync("tab");
        Assert.Equal(["/", "/account/sign-in", "/lancashire"], tab.CheckedPages.Select(url => new Uri(url).AbsolutePath));
    }
}
