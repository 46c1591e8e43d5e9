using Microsoft.Playwright;
using ProcurementPortal.BrowserTests.Support;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Award;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.Web.Features.Award;
using UglyToad.PdfPig;

namespace ProcurementPortal.BrowserTests;

/// <summary>
/// The award through the pages: the officer records the ranking's recommendation, an approver who took no part in the
/// evaluation approves it, the officer sends the letters and sees their progress, and an unsuccessful bidder downloads
/// its letter from its inbox; axe checks every page on the way.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AwardTests(BrowserFixture browser)
{
    [Fact]
    public async Task Approver_approves_the_award_the_officer_sends_the_letters_and_the_provider_downloads_its_letter()
    {
        var portal = browser.Portal;
        var (closed, _, _) = await portal.RankedAsync();
        var award = $"{closed.Pages}/award";
        var officerUser = await portal.CreateUserAsync(closed.Tender.Tenant, Role.ProcurementOfficer);
        var approverUser = await portal.CreateUserAsync(closed.Tender.Tenant, Role.Approver);

        await using var officer = await PortalPage.OpenAsync(browser);
        await officer.SignInAsync(officerUser.Email!, PortalFixture.Password);
        await officer.GotoAsync(closed.Pages);
        await officer.Page.GetByRole(AriaRole.Link, new() { Name = "Award: recommendation, approval, letters and standstill" }).ClickAsync();
        await officer.CheckAsync("award: overview before the recommendation");
        await officer.Page.GetByRole(AriaRole.Link, new() { Name = "Record the recommendation" }).ClickAsync();
        await officer.CheckAsync("award: recommendation");
        await officer.Page.GetByRole(AriaRole.Button, new() { Name = "Save the recommendation" }).ClickAsync();
        await Assertions.Expect(officer.Page.Locator(".govuk-notification-banner")).ToContainTextAsync("The award recommendation is recorded");

        await using var approver = await PortalPage.OpenAsync(browser);
        await approver.SignInAsync(approverUser.Email!, PortalFixture.Password);
        await approver.GotoAsync($"/{closed.Tender.Slug}");
        await approver.CheckAsync("award: approver's dashboard");
        // The dashboard lists the decision waiting, linked to the decision page itself.
        await approver.Page.Locator($"a[href='{award}/decision']").ClickAsync();
        await approver.CheckAsync("award: approval");
        await approver.Page.GetByLabel("Approve the award").CheckAsync();
        await approver.Page.GetByLabel("Comments").FillAsync("Agreed at the delegated decision panel.");
        await approver.Page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(approver.Page.Locator(".govuk-notification-banner")).ToContainTextAsync("You approved the award");
        await approver.CheckAsync("award: approved");

        await officer.GotoAsync(award);
        await officer.Page.GetByRole(AriaRole.Button, new() { Name = "Send the letters" }).ClickAsync();
        await Assertions.Expect(officer.Page.Locator(".govuk-notification-banner")).ToContainTextAsync("The letters are being written and sent");
        await Assertions.Expect(officer.Page.Locator("#letters-progress")).ToContainTextAsync("of 4 written and sent");
        await officer.CheckAsync("award: letters in progress");
        await portal.RunJobAsync<AwardLettersJob>(j => j.RunAsync(closed.Tender.Tenant.Id, closed.Tender.Id, CancellationToken.None));
        await officer.ReloadAsync();
        await Assertions.Expect(officer.Page.Locator("#letters-progress")).ToContainTextAsync("4 of 4 written and sent");
        await officer.CheckAsync("award: letters sent");

        var pendle = closed.Providers["Pendle Support"];
        await using var provider = await PortalPage.OpenAsync(browser);
        await provider.SignInAsync(pendle.User.Email!, PortalFixture.Password);
        await provider.GotoAsync($"/providers/{pendle.Organisation.Id}");
        await provider.Page.GetByRole(AriaRole.Link, new() { Name = "Award letters" }).ClickAsync();
        await Assertions.Expect(provider.Page.Locator("main")).ToContainTextAsync("2 letter(s)");
        await provider.CheckAsync("award: provider's letters");
        var download = await provider.Page.RunAndWaitForDownloadAsync(() =>
            provider.Page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Download") }).First.ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        using var pdf = PdfDocument.Open(await File.ReadAllBytesAsync((await download.PathAsync())!));
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Assessment summary", text);
        Assert.Contains("unsuccessful", text);
        Assert.Contains("Pendle Support", text);
    }
}
