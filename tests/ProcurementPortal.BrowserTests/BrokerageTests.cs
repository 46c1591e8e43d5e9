using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProcurementPortal.BrowserTests.Support;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Framework;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.BrowserTests;

/// <summary>
/// The daily flow of a framework through the pages: a brokerage officer posts a package of care on lot 1, a member
/// finds it on its dashboard and offers, the window closes, the officer confirms the offer and the provider then sees
/// the placement with the case reference; axe checks every page on the way.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class BrokerageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Officer_posts_a_package_a_member_offers_the_officer_confirms_and_the_provider_sees_the_placement()
    {
        var portal = browser.Portal;
        var f = await portal.AwardedFrameworkAsync(2);
        var member = f.Members[1];
        var officerUser = await portal.CreateUserAsync(f.Tender.Tenant, Role.ProcurementOfficer);
        var start = DateTime.UtcNow.AddDays(10);

        await using var officer = await PortalPage.OpenAsync(browser);
        await officer.SignInAsync(officerUser.Email!, PortalFixture.Password);
        await officer.GotoAsync($"/{f.Tender.Slug}/procurements/{f.Tender.Id}/framework");
        await officer.CheckAsync("brokerage: the framework");
        await officer.Page.GetByRole(AriaRole.Link, new() { Name = "Post a package request" }).ClickAsync();
        await officer.CheckAsync("brokerage: the package request form");
        var page = officer.Page;
        await page.GetByLabel("Need band").SelectOptionAsync(new SelectOptionValue { Value = "B2" });
        await page.GetByLabel("Postcode district").FillAsync("PR1 8XJ");
        await page.GetByLabel("Hours per week").FillAsync("14");
        var date = page.GetByRole(AriaRole.Group, new() { Name = "Start date" });
        await date.GetByLabel("Day", new() { Exact = true }).FillAsync(start.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await date.GetByLabel("Month", new() { Exact = true }).FillAsync(start.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await date.GetByLabel("Year", new() { Exact = true }).FillAsync(start.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("What the package needs").FillAsync("Morning calls, help with medication and meals.");
        await page.GetByLabel("Case reference").FillAsync("ASC-51123");
        await page.GetByLabel("Response window").FillAsync("24");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post the request" }).ClickAsync();
        // A full postcode is more than matching needs: refused with the error summary, the rest of the form kept.
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("postcode district");
        await Assertions.Expect(page.GetByLabel("Case reference")).ToHaveValueAsync("ASC-51123");
        await officer.CheckAsync("brokerage: a full postcode refused");
        await page.GetByLabel("Postcode district").FillAsync("PR1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post the request" }).ClickAsync();
        await page.WaitForURLAsync(RequestPage());
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Offers are sealed until the window closes");
        await officer.CheckAsync("brokerage: the request posted, offers sealed");
        var requestId = Guid.Parse(RequestPage().Match(page.Url).Groups["id"].Value);

        await using var provider = await PortalPage.OpenAsync(browser);
        await provider.SignInAsync(member.Provider.User.Email!, PortalFixture.Password);
        await provider.GotoAsync($"/providers/{member.Provider.Organisation.Id}");
        await provider.CheckAsync("brokerage: the provider's dashboard with the package");
        await provider.Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Package to offer on or decline") }).ClickAsync();
        var offer = provider.Page;
        await Assertions.Expect(offer.Locator("main")).Not.ToContainTextAsync("ASC-51123");
        await provider.CheckAsync("brokerage: the package, before offering");
        var canStart = offer.GetByRole(AriaRole.Group, new() { Name = "When can you start?" });
        await canStart.GetByLabel("Day", new() { Exact = true }).FillAsync(start.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await canStart.GetByLabel("Month", new() { Exact = true }).FillAsync(start.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await canStart.GetByLabel("Year", new() { Exact = true }).FillAsync(start.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await offer.GetByLabel("Your hourly rate, in pounds").FillAsync("16.00");
        await offer.GetByRole(AriaRole.Button, new() { Name = "Make the offer" }).ClickAsync();
        await Assertions.Expect(offer.Locator(".govuk-error-summary")).ToContainTextAsync("£15.75");
        await provider.CheckAsync("brokerage: an offer above the framework rate refused");
        await offer.GetByLabel("Your hourly rate, in pounds").FillAsync("15.25");
        await offer.GetByRole(AriaRole.Button, new() { Name = "Make the offer" }).ClickAsync();
        await Assertions.Expect(offer.Locator("#YourOffer")).ToContainTextAsync("£15.25 an hour");
        await provider.CheckAsync("brokerage: the offer made");

        await officer.ReloadAsync();
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("£15.25");
        await portal.CloseWindowAsync(requestId);
        await officer.ReloadAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(member.Provider.Organisation.Name);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("£15.25");
        await officer.CheckAsync("brokerage: the window closed, the offer ranked");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm the placement" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync($"Placed with {member.Provider.Organisation.Name}");
        await officer.CheckAsync("brokerage: the placement confirmed");

        await provider.ReloadAsync();
        await Assertions.Expect(offer.Locator(".govuk-panel")).ToContainTextAsync("Your offer is chosen");
        await Assertions.Expect(offer.Locator("#CaseReference")).ToHaveTextAsync("ASC-51123");
        await provider.CheckAsync("brokerage: the provider sees the placement");
        await officer.AssertEveryPageAccessibleAsync("brokerage officer");
        await provider.AssertEveryPageAccessibleAsync("brokerage provider");
    }

    [GeneratedRegex(@"/package-requests/(?<id>[0-9a-f-]{36})$")]
    private static partial Regex RequestPage();
}
