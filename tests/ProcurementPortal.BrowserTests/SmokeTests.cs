using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ProcurementPortal.BrowserTests.Support;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.BrowserTests;

/// <summary>
/// Every role signs in through the real sign-in page of a portal seeded with the demo data, lands where it
/// should, and every page on the way has no serious or critical WCAG 2.2 AA violation (axe).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SmokeTests(BrowserFixture browser)
{
    private const string PlatformAdmin = "PlatformAdmin";

    public static TheoryData<string> EveryRole =>
        [.. Enum.GetNames<Role>(), PlatformAdmin];

    public static TheoryData<string, string, string> PublicPages => new()
    {
        { "landing page", "/", "Care and support procurements" },
        { "sign-in page", "/account/sign-in", "Sign in" },
        { "accessibility statement", "/accessibility", "Accessibility statement for ProcurementPortal" },
        { "not found page", "/no-such-page", "Page not found" },
    };

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Public_page_is_styled_and_accessible(string step, string path, string heading)
    {
        await using var tab = await PortalPage.OpenAsync(browser);

        await tab.GotoAsync(path);

        await Assertions.Expect(tab.Page.Locator("main h1")).ToHaveTextAsync(heading);
        await AssertGovukStylingAsync(tab.Page);
        await tab.CheckAsync(step);
    }

    [Theory]
    [MemberData(nameof(EveryRole))]
    public async Task Each_role_signs_in_and_lands_on_its_accessible_dashboard(string role)
    {
        var (email, password, landing, heading, organisation) = await WhereRoleLandsAsync(role);
        await using var tab = await PortalPage.OpenAsync(browser);

        await tab.SignInAsync(email, password);

        await tab.Page.WaitForURLAsync(new Uri(browser.Portal.BaseAddress, landing).ToString());
        var h1 = tab.Page.Locator("main h1");
        await (heading is null ? Assertions.Expect(h1).ToBeVisibleAsync() : Assertions.Expect(h1).ToHaveTextAsync(heading));
        if (organisation is not null)
        {
            await Assertions.Expect(tab.Page.Locator("main")).ToContainTextAsync(organisation);
        }
        await AssertGovukStylingAsync(tab.Page);
        await tab.CheckAsync($"dashboard {role}");
    }

    [Fact]
    public async Task Joint_officer_switches_between_Lambeth_Council_and_NHS_Lambeth_CCG()
    {
        await using var tab = await PortalPage.OpenAsync(browser);

        await tab.SignInAsync(DemoData.JointOfficerEmail, DemoData.Password);
        await Assertions.Expect(tab.Page.Locator("main h1")).ToHaveTextAsync("Your organisations");
        await tab.CheckAsync("joint officer organisations");
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Lambeth Council", Exact = true }).ClickAsync();
        await tab.Page.WaitForURLAsync(new Regex("/lambeth$"));
        await tab.CheckAsync("joint officer Lambeth Council dashboard");

        await tab.Page.GetByLabel("Organisation", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "NHS Lambeth CCG" });
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Switch" }).ClickAsync();

        await tab.Page.WaitForURLAsync(new Regex("/lambeth-ccg$"));
        await Assertions.Expect(tab.Page.Locator("main h1")).ToHaveTextAsync("What needs your attention");
        await Assertions.Expect(tab.Page.Locator("main")).ToContainTextAsync("NHS Lambeth CCG");
    }

    [Fact]
    public async Task Dashboard_with_the_organisation_switcher_reflows_to_320_pixels_without_scrolling_sideways()
    {
        await using var tab = await PortalPage.OpenAsync(browser, width: 320);

        await tab.SignInAsync(DemoData.JointOfficerEmail, DemoData.Password);
        await tab.GotoAsync("/lambeth");

        // WCAG 2.2 1.4.10 Reflow: content fits 320 CSS pixels (axe cannot see this).
        Assert.True(await tab.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 320);
        await tab.CheckAsync("joint officer dashboard at 320 pixels");
    }

    [Fact]
    public async Task Wrong_password_shows_an_accessible_error_summary()
    {
        await using var tab = await PortalPage.OpenAsync(browser);

        await tab.SignInAsync("officer1@leeds.demo", "not-the-demo-password");

        await Assertions.Expect(tab.Page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await tab.CheckAsync("sign-in page with an error");
    }

    /// <summary>The GOV.UK stylesheet and its fonts came from /govuk and /assets and are in use.</summary>
    private static async Task AssertGovukStylingAsync(IPage page)
    {
        var fontFamily = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('main h1')).fontFamily");
        Assert.Contains("GDS Transport", fontFamily);
        var loadedFonts = await page.EvaluateAsync<string[]>(
            "async () => { await document.fonts.ready; return [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family); }");
        Assert.Contains(loadedFonts, family => family.Contains("GDS Transport"));
        var headerBackground = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.govuk-header')).backgroundColor");
        Assert.NotEqual("rgba(0, 0, 0, 0)", headerBackground);
    }

    /// <summary>
    /// Who signs in for a role, and where they land: a tenant dashboard (its heading), a provider's page (any
    /// heading, the organisation's name on the page) or, for the platform admin, the start page.
    /// </summary>
    private async Task<(string Email, string Password, string Landing, string? Heading, string? Organisation)> WhereRoleLandsAsync(string role)
    {
        if (role == PlatformAdmin)
        {
            return (PortalFixture.PlatformAdminEmail, PortalFixture.Password, "/", "Your organisations", null);
        }
        var login = DemoData.Logins.First(l => l.Role == Enum.Parse<Role>(role) && l.OrganisationKey is "lancashire" or "ribble-valley");
        if (Roles.Tenant.Contains(login.Role))
        {
            return (login.Email, DemoData.Password, $"/{login.OrganisationKey}", "What needs your attention", login.OrganisationName);
        }
        await using var db = browser.Portal.SuperuserDb();
        var provider = await db.Organisations.SingleAsync(o => o.Kind == OrganisationKind.Provider && o.Name == login.OrganisationName);
        return (login.Email, DemoData.Password, $"/providers/{provider.Id}", null, login.OrganisationName);
    }
}
