using ProcurementPortal.Core.Pdf;

namespace ProcurementPortal.Web.Features.Help;

/// <summary>One stage of a guide and its pages' help, in the order the catalogue gives them.</summary>
public sealed record HelpGuideSection(HelpStage Stage, IReadOnlyList<HelpEntry> Entries);

public sealed record HelpGuidePage(HelpGuide Guide, IReadOnlyList<HelpGuideSection> Sections);

/// <summary>A role's guide as sections for the page and as a document model for the PDF: the same entries, the same order.</summary>
public static class HelpGuideDocument
{
    public static IReadOnlyList<HelpGuideSection> Sections(HelpGuide guide) =>
        [.. HelpCatalogue.EntriesOf(guide).GroupBy(e => e.Stage).Select(g => new HelpGuideSection(g.Key, [.. g]))];

    public static string Title(HelpGuide guide) => $"ProcurementPortal user guide: {guide.Name.ToLowerInvariant()}";

    public static PdfDocumentModel Build(HelpGuide guide)
    {
        List<PdfBlock> blocks = [new PdfHeading(Title(guide)), new PdfParagraph(guide.Introduction), new PdfSpacer(8)];
        foreach (var section in Sections(guide))
        {
            blocks.Add(new PdfHeading(section.Stage.Heading(), 2));
            blocks.Add(new PdfParagraph(section.Stage.Summary()));
            foreach (var entry in section.Entries)
            {
                blocks.Add(new PdfHeading(entry.Title, 3));
                blocks.Add(new PdfParagraph(entry.Text));
            }
        }
        return new PdfDocumentModel
        {
            Title = Title(guide),
            Author = "ProcurementPortal",
            Subject = $"Help for the {guide.Name.ToLowerInvariant()} role",
            RunningFooter = $"User guide: {guide.Name}",
            Blocks = blocks,
        };
    }
}
