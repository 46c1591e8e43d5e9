using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Pdf;

namespace ProcurementPortal.Web.Features.Help;

/// <summary>The user guides, one per role, built from <see cref="HelpCatalogue"/>: on screen, and as a PDF to print.</summary>
[AllowAnonymous]
[Route("help")]
public sealed class HelpController : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(HelpCatalogue.Guides);

    [HttpGet("{role}")]
    public IActionResult Guide(string role) =>
        HelpCatalogue.Guide(role) is { } guide ? View(new HelpGuidePage(guide, HelpGuideDocument.Sections(guide))) : NotFound();

    [HttpGet("{role}.pdf")]
    public IActionResult Pdf(string role, [FromServices] PdfRenderer pdf) =>
        HelpCatalogue.Guide(role) is { } guide
            ? File(pdf.Render(HelpGuideDocument.Build(guide)), "application/pdf", $"procurementportal-guide-{guide.Slug}.pdf")
            : NotFound();
}
