using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MimeKit;
using ProcurementPortal.BrowserTests.Support;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.Web.Features.Award;
using ProcurementPortal.Web.Features.Procurements;
using UglyToad.PdfPig;

namespace ProcurementPortal.BrowserTests;

/// <summary>
/// The whole lifecycle of a Lancashire-style framework through the pages, as the people who live it (the demo
/// accounts): an officer publishes a market intent statement with an event, a provider registers for the event and
/// expresses interest; the officer builds and publishes the tender; the provider asks a question and the officer
/// answers it; three providers bid and the third, late, is refused with its receipt time; two officers open the bids;
/// two evaluators declare (one a conflict) and score; the moderator settles the scores and publishes the ranking; the
/// approver approves; the letters go (read in the mail sink); the standstill ends (the clock moved); the contracts
/// are in the register; the officer drafts a DDP report and a waiver, the approver approves both and their PDFs read
/// back. Axe checks every page it stops on, and each step leaves a screenshot. Only the clock and the jobs that
/// Hangfire would run at those moments are driven directly.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LifecycleJourneyTests(BrowserFixture browser)
{
    private const string Password = "Demo-portal-2026";
    private const string Tenant = "lancashire";
    private const string Title = "Mental Health Care and Support Framework 2027";
    private const string Ribble = "Ribble Valley Supported Living Ltd";
    private const string Aire = "Aire Valley Recovery Trust";
    private const string Brixton = "Brixton Wellbeing Partnership CIC";

    private PortalFixture Portal => browser.Portal;

    [Fact]
    public async Task A_framework_goes_from_market_engagement_to_contracts_waiver_and_ddp_report_through_the_pages()
    {
        await using var officer = await SignedInAsync("officer1@lancashire.demo");
        var noticePath = await TenderBuildingTests.WriteAndPublishStatementAsync(officer, Tenant, "Mental health care and support: market engagement 2027");

        await using var ribble = await SignedInAsync("bidwriter@ribble-valley.demo");
        await RegisterForTheEventAndExpressInterestAsync(ribble, noticePath);

        await officer.GotoAsync($"/{Tenant}");
        var id = await TenderBuildingTests.BuildAndPublishTenderAsync(officer, Title);
        var procurement = $"/{Tenant}/procurements/{id}";
        var opportunity = $"/{Tenant}/opportunities/{id}";

        await AskAndAnswerAQuestionAsync(ribble, officer, opportunity, procurement);

        await using var aire = await SignedInAsync("bidwriter@aire-valley.demo");
        await using var brixton = await SignedInAsync("bidwriter@brixton-wellbeing.demo");
        await WriteBidAsync(ribble, opportunity, "14.00", "lifecycle 05 ribble");
        await SubmitAsync(ribble);
        await WriteBidAsync(aire, opportunity, "13.50", "lifecycle 06 aire");
        await SubmitAsync(aire);
        await WriteBidAsync(brixton, opportunity, "13.00", "lifecycle 07 brixton");

        // The clock reaches the deadline: Brixton's submission is refused with the time it arrived, then the close runs.
        await Portal.SqlAsync("update procurements set submission_deadline = now() - interval '1 second' where id = @id", ("id", id));
        await brixton.Page.GetByRole(AriaRole.Button, new() { Name = "Submit your bid" }).ClickAsync();
        var refusal = brixton.Page.Locator(".govuk-error-summary");
        await Assertions.Expect(refusal).ToContainTextAsync("after the deadline, so it was not accepted");
        await Assertions.Expect(refusal).ToContainTextAsync(new Regex(@"reached the portal at \d{2}:\d{2}:\d{2}"));
        await brixton.CheckAsync("lifecycle 08 late bid refused");
        var tenantId = await TenantIdAsync();
        await Portal.RunJobAsync<CloseSubmissionsJob>(j => j.RunAsync(tenantId, id, CancellationToken.None));

        await using var secondOfficer = await SignedInAsync("officer2@lancashire.demo");
        await OpenAsync(officer, procurement, "A second procurement officer must confirm", "lifecycle 09 first opening");
        await OpenAsync(secondOfficer, procurement, "The bids are open: 2 bid(s) opened", "lifecycle 10 bids open");
        await AppointThePanelAsync(officer, procurement);

        await using var evaluator1 = await SignedInAsync("evaluator1@lancashire.demo");
        await using var evaluator2 = await SignedInAsync("evaluator2@lancashire.demo");
        await ScoreAsync(evaluator1, conflictWith: Ribble, score: 4, bids: 1, "lifecycle 12 evaluator with a conflict");
        await ScoreAsync(evaluator2, conflictWith: null, score: 3, bids: 2, "lifecycle 13 evaluator");
        await ModerateAndPublishAsync(secondOfficer, procurement);

        await using var approver = await SignedInAsync("approver@lancashire.demo");
        await RecommendApproveAndSendLettersAsync(officer, approver, procurement, tenantId, id);
        await ReadTheLettersInTheMailSinkAsync();

        // The standstill ends: the clock moves to its end and the job Hangfire scheduled for that moment runs.
        await Portal.SqlAsync("update awards set standstill_ends_at = now() - interval '1 second' where procurement_id = @id", ("id", id));
        await Portal.RunJobAsync<StandstillJob>(j => j.RunAsync(tenantId, id, CancellationToken.None));
        await officer.GotoAsync($"/{Tenant}/contracts");
        var register = officer.Page.Locator("main");
        await Assertions.Expect(register).ToContainTextAsync(Ribble);
        await Assertions.Expect(register).ToContainTextAsync(Aire);
        await officer.CheckAsync("lifecycle 17 contract register");

        await DraftAndApproveDdpReportAsync(officer, approver);
        await DraftAndApproveWaiverAsync(officer, approver);

        // Every page each person saw was checked by axe as it was shown (not only the steps above with a screenshot).
        foreach (var tab in tabs)
        {
            await tab.AssertEveryPageAccessibleAsync(tab.Name);
        }
        var checkedPages = tabs.Sum(t => t.CheckedPages.Count);
        await File.WriteAllTextAsync(Path.Combine(Screenshots.Directory, "lifecycle-pages-checked.txt"),
            string.Join("\n", tabs.SelectMany(t => t.CheckedPages.Select(url => $"{t.Name}: {new Uri(url).PathAndQuery}"))) + "\n");
        Assert.True(checkedPages >= 100, $"axe checked only {checkedPages} pages");
    }

    private readonly List<PortalPage> tabs = [];

    private async Task<PortalPage> SignedInAsync(string email)
    {
        var tab = await PortalPage.OpenAsync(browser, name: email);
        tabs.Add(tab);
        await tab.SignInAsync(email, Password);
        return tab;
    }

    private async Task<Guid> TenantIdAsync()
    {
        await using var db = Portal.SuperuserDb();
        return await db.Organisations.Where(o => o.Slug == Tenant).Select(o => o.Id).SingleAsync();
    }

    private static async Task RegisterForTheEventAndExpressInterestAsync(PortalPage provider, string noticePath)
    {
        var page = provider.Page;
        await provider.GotoAsync(noticePath);
        await provider.CheckAsync("lifecycle 01 notice as a provider sees it");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register for Provider event, Preston" }).ClickAsync();
        await page.GetByLabel("Name of the person coming (optional)").FillAsync("Jo Bailey");
        await provider.CheckAsync("lifecycle 02 register for the event");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("has a place");
        await page.GetByRole(AriaRole.Link, new() { Name = "Express interest and answer a few questions" }).ClickAsync();
        await page.GetByLabel("Which lots or areas are you interested in?").FillAsync("East and North Lancashire, supported living");
        await page.GetByLabel("How many hours of support a week could you take on now?").FillAsync("600");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await provider.CheckAsync("lifecycle 03 interest expressed");
    }

    private static async Task AskAndAnswerAQuestionAsync(PortalPage provider, PortalPage officer, string opportunity, string procurement)
    {
        await provider.GotoAsync(opportunity);
        await provider.Page.GetByRole(AriaRole.Button, new() { Name = "Register interest" }).ClickAsync();
        await provider.Page.GetByLabel("Ask a question").FillAsync("Is travel time between visits paid within the band rate?");
        await provider.Page.GetByRole(AriaRole.Button, new() { Name = "Send the question" }).ClickAsync();
        await Assertions.Expect(provider.Page.Locator(".govuk-notification-banner")).ToBeVisibleAsync();

        await officer.GotoAsync($"/{Tenant}");
        await officer.Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^1 clarification question to answer: .*{Regex.Escape(Title)}") }).ClickAsync();
        await officer.CheckAsync("lifecycle 04 clarification to answer");
        await officer.Page.GetByRole(AriaRole.Link, new() { Name = "Answer question 1" }).ClickAsync();
        await officer.Page.GetByLabel("Your answer").FillAsync("Yes: the band rates include travel time between visits.");
        await officer.Page.GetByRole(AriaRole.Button, new() { Name = "Publish the answer to every interested provider" }).ClickAsync();
        await Assertions.Expect(officer.Page.Locator("main")).ToContainTextAsync("Answered");
        await Assertions.Expect(officer.Page).ToHaveURLAsync(new Regex($"{Regex.Escape(procurement)}/clarifications"));
    }

    /// <summary>Starts a bid for lots 1 and 2, answers the question, prices every band and makes the declarations; stops at check your answers.</summary>
    private static async Task WriteBidAsync(PortalPage provider, string opportunity, string rate, string step)
    {
        var page = provider.Page;
        await provider.GotoAsync($"{opportunity}/bid");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start your bid" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Choose the lots you are bidding for" }).ClickAsync();
        await page.GetByLabel("Lot 1: East").CheckAsync();
        await page.GetByLabel("Lot 2: North").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Question 1\\.1") }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox).FillAsync("Each person writes their recovery plan with a peer mentor and reviews it every month.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Price schedule" }).ClickAsync();
        var rates = page.Locator("input[data-lot]");
        await rates.First.WaitForAsync();
        for (var i = 0; i < await rates.CountAsync(); i++)
        {
            await rates.Nth(i).FillAsync(rate);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Declarations" }).ClickAsync();
        await BidPageSteps.FillDeclarationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Check your answers and submit" }).ClickAsync();
        await Assertions.Expect(page.Locator("#missing")).ToHaveCountAsync(0);
        await provider.CheckAsync($"{step} check your answers");
    }

    private static async Task SubmitAsync(PortalPage provider)
    {
        await provider.Page.GetByRole(AriaRole.Button, new() { Name = "Submit your bid" }).ClickAsync();
        await Assertions.Expect(provider.Page.Locator(".govuk-panel__title")).ToHaveTextAsync("Bid received");
    }

    private static async Task OpenAsync(PortalPage officer, string procurement, string banner, string step)
    {
        await officer.GotoAsync(procurement);
        await officer.Page.GetByRole(AriaRole.Button, new() { Name = "Confirm the opening" }).ClickAsync();
        await Assertions.Expect(officer.Page.Locator(".govuk-notification-banner")).ToContainTextAsync(banner);
        await officer.CheckAsync(step);
    }

    /// <summary>Two evaluators, the second officer moderating, scores due in a fortnight; then the prices are evaluated.</summary>
    private static async Task AppointThePanelAsync(PortalPage officer, string procurement)
    {
        var page = officer.Page;
        await officer.GotoAsync($"{procurement}/evaluation/panel");
        await page.GetByLabel("Sarah Holden").First.CheckAsync();
        await page.GetByLabel("Daniel Okafor").First.CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Moderator" }).GetByLabel("Tom Whittaker").CheckAsync();
        var due = DateTime.UtcNow.AddDays(14);
        await page.Locator("#EvaluationDeadline").FillAsync(due.Day.ToString());
        await page.Locator("#EvaluationDeadline-month").FillAsync(due.Month.ToString());
        await page.Locator("#EvaluationDeadline-year").FillAsync(due.Year.ToString());
        await page.Locator("#EvaluationDeadline-time").FillAsync("17:00");
        await officer.CheckAsync("lifecycle 11 evaluation panel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Appoint the panel" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await officer.GotoAsync($"{procurement}/evaluation/prices");
        await page.GetByRole(AriaRole.Button, new() { Name = "Evaluate the prices" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
    }

    /// <summary>From the evaluator's dashboard: the scores due, the declarations, a score for every question of every bid, submitted.</summary>
    private static async Task ScoreAsync(PortalPage evaluator, string? conflictWith, int score, int bids, string step)
    {
        var page = evaluator.Page;
        await evaluator.GotoAsync($"/{Tenant}");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^Scores due: .*{Regex.Escape(Title)}") }).ClickAsync();
        await EvaluationTests.DeclareAsync(evaluator, conflictWith);
        await Assertions.Expect(page.Locator("#bids-to-score a")).ToHaveCountAsync(bids);
        await evaluator.CheckAsync($"{step}: bids to score");
        for (var b = 0; b < bids; b++)
        {
            await page.Locator("#bids-to-score a").Nth(b).ClickAsync();
            Assert.Equal(1, await EvaluationTests.ScoreEveryQuestionAsync(evaluator, score, b == 0 ? $"{step}: a score" : null));
            await page.GetByRole(AriaRole.Link, new() { Name = "Back", Exact = true }).ClickAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit my scores" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Your scores are submitted");
    }

    private static async Task ModerateAndPublishAsync(PortalPage moderator, string procurement)
    {
        var page = moderator.Page;
        await moderator.GotoAsync($"{procurement}/evaluation");
        await EvaluationTests.DeclareAsync(moderator, conflictWith: null);
        await page.GetByRole(AriaRole.Link, new() { Name = "Moderate the scores" }).ClickAsync();
        await moderator.CheckAsync("lifecycle 14 moderation");
        Assert.Equal(2, await EvaluationTests.ModerateEveryScoreAsync(moderator, checkStep: null)); // 2 bids × 1 question
        await page.GetByRole(AriaRole.Link, new() { Name = "See the results and publish the ranking" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the ranking as the award recommendation" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The ranking is published");
        await Assertions.Expect(page.Locator("#lot-1")).ToContainTextAsync(Aire);
        await moderator.CheckAsync("lifecycle 15 ranking published");
    }

    private async Task RecommendApproveAndSendLettersAsync(PortalPage officer, PortalPage approver, string procurement, Guid tenantId, Guid id)
    {
        await officer.GotoAsync($"{procurement}/award");
        await officer.Page.GetByRole(AriaRole.Link, new() { Name = "Record the recommendation" }).ClickAsync();
        await officer.Page.GetByRole(AriaRole.Button, new() { Name = "Save the recommendation" }).ClickAsync();
        await Assertions.Expect(officer.Page.Locator(".govuk-notification-banner")).ToContainTextAsync("The award recommendation is recorded");

        await approver.GotoAsync($"/{Tenant}");
        await approver.Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^Award recommendation waiting for your decision: .*{Regex.Escape(Title)}") }).ClickAsync();
        await approver.Page.GetByLabel("Approve the award").CheckAsync();
        await approver.Page.GetByLabel("Comments").FillAsync("Agreed at the delegated decision panel.");
        await approver.CheckAsync("lifecycle 16 approval");
        await approver.Page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(approver.Page.Locator(".govuk-notification-banner")).ToContainTextAsync("You approved the award");

        await officer.GotoAsync($"{procurement}/award");
        await officer.Page.GetByRole(AriaRole.Button, new() { Name = "Send the letters" }).ClickAsync();
        await Portal.RunJobAsync<AwardLettersJob>(j => j.RunAsync(tenantId, id, CancellationToken.None));
        await officer.ReloadAsync();
        await Assertions.Expect(officer.Page.Locator("#letters-progress")).ToContainTextAsync("4 of 4 written and sent");
        await officer.Page.GetByRole(AriaRole.Button, new() { Name = "Publish the contract award notice" }).ClickAsync();
        await Assertions.Expect(officer.Page.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await officer.CheckAsync("lifecycle 16 standstill");
    }

    /// <summary>Each bidder's letters arrive by email with the PDF, which names the procurement and reads back.</summary>
    private async Task ReadTheLettersInTheMailSinkAsync()
    {
        await Portal.DeliverMailAsync();
        foreach (var email in new[] { "bidwriter@ribble-valley.demo", "admin@aire-valley.demo" })
        {
            var letters = new List<string>();
            for (var waited = 0; waited < 40 && letters.Count < 2; waited++)
            {
                await Task.Delay(250);
                letters = Portal.Mail.To(email)
                    .Where(m => (m.Subject ?? "").Contains("the outcome of your bid", StringComparison.Ordinal))
                    .SelectMany(m => m.Attachments.OfType<MimePart>())
                    .Select(ReadPdf)
                    .Where(text => text.Contains(Regex.Replace(Title, @"\s", ""), StringComparison.Ordinal))
                    .ToList();
            }
            Assert.True(letters.Count == 2, $"{email}: {letters.Count} letters of the journey's procurement");
            Assert.All(letters, text => Assert.Contains("Assessmentsummary", text));
        }
    }

    private static string ReadPdf(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        using var pdf = PdfDocument.Open(stream.ToArray());
        return string.Concat(string.Concat(pdf.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c)));
    }

    private static async Task DraftAndApproveDdpReportAsync(PortalPage officer, PortalPage approver)
    {
        var page = officer.Page;
        await officer.GotoAsync($"/{Tenant}/decision-reports");
        await page.GetByRole(AriaRole.Button, new() { Name = "Draft a decision report" }).ClickAsync();
        await page.GetByLabel(new Regex(Regex.Escape(Title))).CheckAsync();
        await page.GetByLabel("Title of the report").FillAsync("Mental health framework 2027: contract award");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the report" }).ClickAsync();
        await DecisionReportTests.FillSectionsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the report" }).ClickAsync();
        await officer.CheckAsync("lifecycle 18 ddp report");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send for review" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("sent for review");
        var text = await ApproveAndDownloadAsync(approver, page.Url, "lifecycle 19 ddp report approved");
        Assert.Contains("Mentalhealthframework2027:contractaward", text);
    }

    private static async Task DraftAndApproveWaiverAsync(PortalPage officer, PortalPage approver)
    {
        var page = officer.Page;
        await officer.GotoAsync($"/{Tenant}/decision-reports");
        await page.GetByRole(AriaRole.Button, new() { Name = "Draft a waiver report" }).ClickAsync();
        await page.GetByLabel("Title of the report").FillAsync("Mental health framework 2027: waiver to extend");
        await page.GetByLabel(new Regex($"-L1-C\\d+ {Regex.Escape(Ribble)}")).CheckAsync();
        await page.GetByLabel("Extend each contract by how many months?").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the report" }).ClickAsync();
        await page.Locator("[id='ExemptionCode']").CheckAsync();
        await page.GetByLabel("Reasons for the waiver").FillAsync("The new framework round is delayed; the current placements continue until it starts.");
        await page.GetByLabel("Risks", new() { Exact = true }).FillAsync("People in placements would otherwise lose continuity of care.");
        await page.GetByLabel("Plan to re-procure").FillAsync("Reopen the framework in the next financial year.");
        await DecisionReportTests.FillSectionsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the report" }).ClickAsync();
        await officer.CheckAsync("lifecycle 20 waiver report");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send for review" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("sent for review");
        var text = await ApproveAndDownloadAsync(approver, page.Url, "lifecycle 21 waiver approved");
        Assert.Contains("Contractstobeextended", text);
        Assert.Contains(Regex.Replace(Ribble, @"\s", ""), text);
    }

    /// <summary>The approver opens the report, approves it and downloads the PDF; returns its text without white space.</summary>
    private static async Task<string> ApproveAndDownloadAsync(PortalPage approver, string reportUrl, string step)
    {
        await approver.GotoAsync(new Uri(reportUrl).PathAndQuery);
        await approver.Page.GetByRole(AriaRole.Button, new() { Name = "Approve the report" }).ClickAsync();
        await Assertions.Expect(approver.Page.Locator(".govuk-notification-banner")).ToContainTextAsync("approved");
        await approver.CheckAsync(step);
        var download = await approver.Page.RunAndWaitForDownloadAsync(() =>
            approver.Page.GetByRole(AriaRole.Button, new() { Name = "Download the PDF" }).ClickAsync());
        using var pdf = PdfDocument.Open(await File.ReadAllBytesAsync((await download.PathAsync())!));
        var text = string.Concat(string.Concat(pdf.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("Approved", text);
        return text;
    }
}
