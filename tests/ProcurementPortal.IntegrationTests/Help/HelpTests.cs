using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Bids;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.Web.Features.Help;
using UglyToad.PdfPig;

namespace ProcurementPortal.IntegrationTests.Help;

/// <summary>Issue 11, item 5: help text on every page, and a printable guide per role from the same catalogue.</summary>
[Collection(PortalCollection.Name)]
public sealed class HelpTests(PortalFixture fixture)
{
    /// <summary>GET actions of page controllers that answer with a file or a redirect, never a page with the layout.</summary>
    private static readonly HashSet<(string Controller, string Action)> NotPages =
    [
        ("Bids", "ReceiptPdf"), ("Bids", "Attachment"), // a bid's receipt PDF and an attached file
        ("Branding", "LogoImage"), // the logo image
        ("Contracts", "Export"), // the register as CSV or Excel
        ("Spend", "Export"), // the framework's spend as CSV or Excel
        ("Exports", "Procurements"), ("Exports", "Bids"), ("Exports", "Scores"), // exports as CSV or Excel
        ("DecisionReports", "Pdf"), ("DecisionReports", "Docx"), // the report as PDF and Word
        ("Evaluation", "ResultsCsv"), ("Evaluation", "ReportPdf"), // the results as CSV and PDF
        ("Help", "Pdf"), // a guide as PDF
        ("Home", "Switch"), // redirects to the chosen organisation
        ("MarketIntent", "AttendeesCsv"), ("MarketIntent", "InterestCsv"), // lists as CSV
        ("Notices", "Feed"), // the Atom feed
        ("Opportunities", "Download"), ("TenderDocuments", "Download"), // a tender document
        ("Procurements", "FeeScheduleCsvFile"), ("Procurements", "FeeScheduleXlsxFile"), // the fee schedule as CSV and Excel
        ("ProviderLetters", "Download"), // an award letter PDF
    ];

    private IEnumerable<ControllerActionDescriptor> PageControllerActions() =>
        fixture.App.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<ControllerActionDescriptor>()
            .Where(a => typeof(Controller).IsAssignableFrom(a.ControllerTypeInfo)
                && !a.ControllerTypeInfo.IsDefined(typeof(ApiControllerAttribute), true)
                && a.ControllerTypeInfo.Namespace?.StartsWith("ProcurementPortal.Web.Features", StringComparison.Ordinal) == true);

    private static bool AnswersGet(ControllerActionDescriptor action) =>
        action.ActionConstraints?.OfType<HttpMethodActionConstraint>().Any(c => c.HttpMethods.Contains("GET")) == true;

    [Fact]
    public void Every_page_has_help()
    {
        var pages = PageControllerActions().Where(AnswersGet).Select(a => (a.ControllerName, a.ActionName)).Distinct().ToList();

        var missing = pages.Where(p => !NotPages.Contains(p) && HelpCatalogue.For(p.ControllerName, p.ActionName) is null)
            .Select(p => $"{p.ControllerName}.{p.ActionName}").ToList();

        Assert.True(pages.Count > 80, $"only {pages.Count} pages found: is the enumeration right?");
        Assert.True(missing.Count == 0, $"pages without help in HelpCatalogue: {string.Join(", ", missing)}");
        Assert.All(NotPages, p => Assert.Contains(p, pages));
    }

    [Fact]
    public void Every_help_entry_names_a_page_that_exists_once_and_is_in_a_guide()
    {
        var actions = PageControllerActions().Select(a => (a.ControllerName, a.ActionName)).ToHashSet();

        Assert.All(HelpCatalogue.Entries, e => Assert.Contains((e.Controller, e.Action), actions));
        Assert.Equal(HelpCatalogue.Entries.Count, HelpCatalogue.Entries.Select(e => (e.Controller, e.Action)).Distinct().Count());
        Assert.Equal(HelpCatalogue.Entries.Count, HelpCatalogue.Entries.Select(e => e.Text).Distinct().Count());
        Assert.All(HelpCatalogue.Entries, e => Assert.NotEmpty(HelpCatalogue.GuidesWith(e)));
    }

    [Fact]
    public async Task The_dashboard_shows_its_help_with_links_to_the_guides_of_its_roles()
    {
        var tenant = await fixture.CreateTenantAsync();
        var officer = await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer);
        var client = await fixture.PageClientAsync(officer.Email!);

        var html = WebUtility.HtmlDecode(await (await client.GetAsync($"/{tenant.Slug}")).Content.ReadAsStringAsync());

        var help = HelpCatalogue.For("Dashboard", "Index")!;
        Assert.Contains("Help with this page", html);
        Assert.Contains(help.Title, html);
        Assert.Contains(help.Text, html);
        Assert.Contains("href=\"/help/procurement-officer\"", html);
        Assert.Contains("href=\"/help/tenant-admin\"", html);
        Assert.DoesNotContain("href=\"/help/provider\"", html);
        Assert.Contains("href=\"/help\"", html);
    }

    [Fact]
    public async Task A_bid_page_shows_the_bid_help_and_a_download_shows_none()
    {
        var tender = await fixture.PublishedTenderAsync();
        var provider = await fixture.ProviderAsync();
        var client = await fixture.PageClientAsync(provider.User.Email!);

        var response = await client.GetAsync($"/{tender.Slug}/opportunities/{tender.Id}/bid");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(HelpCatalogue.For("Bids", "Index")!.Text, html);
        Assert.Contains("href=\"/help/provider\"", html);
        Assert.DoesNotContain(HelpCatalogue.For("Dashboard", "Index")!.Text, html);
    }

    [Fact]
    public async Task The_help_pages_list_the_guides_and_show_a_guide_in_lifecycle_order()
    {
        var client = fixture.CreateClient();

        var index = WebUtility.HtmlDecode(await (await client.GetAsync("/help")).Content.ReadAsStringAsync());
        var guide = WebUtility.HtmlDecode(await (await client.GetAsync("/help/approver")).Content.ReadAsStringAsync());

        Assert.All(HelpCatalogue.Guides, g => Assert.Contains($"href=\"/help/{g.Slug}.pdf\"", index));
        var entries = HelpCatalogue.EntriesOf(HelpCatalogue.Guide("approver")!);
        Assert.Contains(entries, e => e.Controller == "Award" && e.Action == "Decision");
        var positions = entries.Select(e => guide.IndexOf(e.Text, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.DoesNotContain(HelpCatalogue.For("Bids", "Check")!.Text, guide);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/help/nobody")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/help/nobody.pdf")).StatusCode);
    }

    private static readonly string GuidesDirectory = Path.Combine(AppContext.BaseDirectory, "TestResults", "guides");

    public static TheoryData<string> GuideSlugs => [.. HelpCatalogue.Guides.Select(g => g.Slug)];

    [Theory]
    [MemberData(nameof(GuideSlugs))]
    public async Task Each_role_guide_pdf_holds_its_pages_help_and_no_other_roles_pages(string slug)
    {
        var guide = HelpCatalogue.Guide(slug)!;

        var response = await fixture.CreateClient().GetAsync($"/help/{slug}.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        // Kept beside the test output for a person to look at (pdftoppm -png -r 60), like the browser tests' screenshots.
        Directory.CreateDirectory(GuidesDirectory);
        await File.WriteAllBytesAsync(Path.Combine(GuidesDirectory, $"{slug}.pdf"), pdf);
        var text = BodyText(pdf);
        Assert.Contains(Squeezed(HelpGuideDocument.Title(guide)), text);
        var (included, excluded) = (HelpCatalogue.EntriesOf(guide), HelpCatalogue.Entries.Where(e => !guide.Includes(e)).ToList());
        Assert.All(included, e => Assert.Contains(Squeezed(e.Title), text));
        Assert.All(included, e => Assert.Contains(Squeezed(e.Text), text));
        Assert.NotEmpty(excluded);
        Assert.All(excluded, e => Assert.DoesNotContain(Squeezed(e.Text), text));
    }

    /// <summary>
    /// The text of every page above the footer (a paragraph may run over a page break), letters in drawing order,
    /// with spaces taken out since wrapping moves them.
    /// </summary>
    private static string BodyText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        const double footerTop = 50; // the footer is drawn in the bottom margin (20 mm)
        return string.Concat(document.GetPages().SelectMany(p => p.Letters).Where(l => l.BoundingBox.Bottom > footerTop).Select(l => l.Value)).Replace(" ", "");
    }

    private static string Squeezed(string text) => text.Replace(" ", "");
}
