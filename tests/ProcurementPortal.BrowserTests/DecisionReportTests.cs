using Microsoft.Playwright;
using ProcurementPortal.BrowserTests.Support;
using ProcurementPortal.Core.Domain.DecisionReports;
using UglyToad.PdfPig;

namespace ProcurementPortal.BrowserTests;

/// <summary>
/// A Leeds officer drafts a decision report for the demo procurement through the pages, sends it for review; the
/// approver approves it and downloads the PDF; axe checks every page on the way.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DecisionReportTests(BrowserFixture browser)
{
    [Fact]
    public async Task Officer_drafts_a_decision_report_an_approver_approves_it_and_the_pdf_downloads()
    {
        await using var officer = await PortalPage.OpenAsync(browser);
        var page = officer.Page;
        await officer.SignInAsync("officer1@leeds.demo", "Demo-portal-2026");
        await page.GetByRole(AriaRole.Link, new() { Name = "Decision reports", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Community Based Mental Health Service: approval to procure");
        await officer.CheckAsync("decision reports list");

        await page.GetByRole(AriaRole.Button, new() { Name = "Draft a decision report" }).ClickAsync();
        await officer.CheckAsync("draft a decision report");
        await page.GetByLabel("Community Based Mental Health Service").CheckAsync();
        await page.GetByLabel("Title of the report").FillAsync("CBMHS: contract award route");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the report" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Decision report started");
        await officer.CheckAsync("change the decision report");

        await FillSectionsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the report" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("£1,201,227");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("£133,470");
        await officer.CheckAsync("decision report preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send for review" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("sent for review");
        var reportUrl = page.Url;

        await using var approver = await PortalPage.OpenAsync(browser);
        await approver.SignInAsync("approver@leeds.demo", "Demo-portal-2026");
        await approver.GotoAsync(new Uri(reportUrl).PathAndQuery);
        await approver.CheckAsync("decision report in review");
        await approver.Page.GetByLabel("Comment (needed to reject)").FillAsync("Agreed at the panel.");
        await approver.Page.GetByRole(AriaRole.Button, new() { Name = "Approve the report" }).ClickAsync();
        await Assertions.Expect(approver.Page.Locator(".govuk-notification-banner")).ToContainTextAsync("approved");
        await approver.CheckAsync("decision report approved");

        var download = await approver.Page.RunAndWaitForDownloadAsync(() =>
            approver.Page.GetByRole(AriaRole.Button, new() { Name = "Download the PDF" }).ClickAsync());
        Assert.EndsWith("-decision-report-v1.pdf", download.SuggestedFilename);
        using var pdf = PdfDocument.Open(await File.ReadAllBytesAsync((await download.PathAsync())!));
        var text = string.Concat(string.Concat(pdf.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("Equalityimpactassessment", text);
        Assert.Contains("Approved", text);
    }

    /// <summary>The sections every decision report has, filled as an officer would.</summary>
    internal static async Task FillSectionsAsync(IPage page)
    {
        await page.GetByLabel("Summary of main issues").FillAsync("Three services are to be procured as one community based mental health service.");
        await page.GetByLabel("Recommendations").FillAsync("Agree the procurement and a 10 percent budget reduction.");
        await page.GetByLabel("Background", new() { Exact = true }).FillAsync("The contracts date from the old mental health support grant.");
        await page.GetByLabel("Option 1: what it is").FillAsync("One procurement for a single service");
        await page.GetByLabel("Option 1: benefits").FillAsync("Savings; easier to navigate.");
        await page.GetByLabel("Option 1: risks").FillAsync("Destabilises the status quo.");
        await page.GetByLabel("Option 2: what it is").FillAsync("Three separate procurements");
        await page.GetByLabel("Option 2: benefits").FillAsync("Nothing changes for users.");
        await page.GetByLabel("Option 2: risks").FillAsync("Poor value for money.");
        await page.Locator("[id='PreferredOption']").CheckAsync();
        await page.GetByLabel("Budget reduction, in percent (optional)").FillAsync("10");
        for (var i = 0; i < ProtectedCharacteristics.All.Count; i++)
        {
            await page.Locator($"[id='Equality[{i}]_Impact-3']").CheckAsync(); // Neutral
            await page.Locator($"[id='Equality[{i}]_Evidence']").FillAsync("No differential impact found.");
        }
        await page.GetByLabel("Legal implications").FillAsync("The contract procedure rules apply.");
        await page.GetByLabel("Financial implications").FillAsync("The saving counts towards the savings target.");
        await page.GetByLabel("Decision-maker").FillAsync("Director of Adults and Health");
        await page.Locator("#DecisionDateDay").FillAsync("8");
        await page.Locator("#DecisionDateMonth").FillAsync("2");
        await page.Locator("#DecisionDateYear").FillAsync("2027");
    }

    [Fact]
    public async Task Officer_drafts_a_waiver_for_two_contracts_an_approver_approves_it_and_the_pdf_downloads()
    {
        await using var officer = await PortalPage.OpenAsync(browser);
        var page = officer.Page;
        await officer.SignInAsync("officer1@leeds.demo", "Demo-portal-2026");
        await page.GetByRole(AriaRole.Link, new() { Name = "Decision reports", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Draft a waiver report" }).ClickAsync();
        await officer.CheckAsync("draft a waiver report");
        await page.GetByLabel("Title of the report").FillAsync("Mental health third sector contracts: waiver to extend");
        await page.GetByLabel("ASC-MH-0101 Leeds Mind").CheckAsync();
        await page.GetByLabel("ASC-MH-0104 Women's Counselling and Therapy Service").CheckAsync();
        await page.GetByLabel("Extend each contract by how many months?").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the report" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Waiver report started");
        await officer.CheckAsync("change the waiver report");

        await page.Locator("[id='ExemptionCode']").CheckAsync();
        await page.GetByLabel("Reasons for the waiver").FillAsync("The community based mental health service is being procured; these services continue until it starts.");
        await page.GetByLabel("Risks", new() { Exact = true }).FillAsync("Services are stretched after two rounds of reductions.");
        await page.GetByLabel("Plan to re-procure").FillAsync("Procure the new service in early 2027/28, to start on 1 April 2028.");
        await FillSectionsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the report" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("£495,293"); // 351,953 + 143,340 for a year
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("31 Mar 2028");
        await officer.CheckAsync("waiver report preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send for review" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("sent for review");
        var reportUrl = page.Url;

        await using var approver = await PortalPage.OpenAsync(browser);
        await approver.SignInAsync("approver@leeds.demo", "Demo-portal-2026");
        await approver.GotoAsync(new Uri(reportUrl).PathAndQuery);
        await approver.CheckAsync("waiver report in review");
        await approver.Page.GetByRole(AriaRole.Button, new() { Name = "Approve the report" }).ClickAsync();
        await Assertions.Expect(approver.Page.Locator(".govuk-notification-banner")).ToContainTextAsync("approved");
        await approver.CheckAsync("waiver report approved");

        var download = await approver.Page.RunAndWaitForDownloadAsync(() =>
            approver.Page.GetByRole(AriaRole.Button, new() { Name = "Download the PDF" }).ClickAsync());
        Assert.Equal("Waiver-decision-report-v1.pdf", download.SuggestedFilename);
        using var pdf = PdfDocument.Open(await File.ReadAllBytesAsync((await download.PathAsync())!));
        var text = string.Concat(string.Concat(pdf.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("Contractstobeextended", text);
        Assert.Contains("Reasonsforthewaiver", text);
        Assert.Contains("£495,293", text);
        Assert.Contains("Approved", text);
    }
}
