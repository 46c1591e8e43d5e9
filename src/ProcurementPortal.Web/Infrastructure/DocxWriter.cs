using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ProcurementPortal.Core.Pdf;

namespace ProcurementPortal.Web.Infrastructure;

/// <summary>
/// The document model written as a Word document (Open XML), for officers who must finish a report in Word: headings
/// as Word's heading styles (so the navigation pane and screen readers see the structure), paragraphs with their bold
/// runs, tables with a repeated header row, label–value lists as two-column tables. Images, spacers and charts are
/// left to the PDF.
/// </summary>
public static class DocxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(PdfDocumentModel model)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            doc.PackageProperties.Title = model.Title;
            doc.PackageProperties.Creator = model.Author;
            doc.PackageProperties.Subject = model.Subject;
            doc.PackageProperties.Language = "en-GB";
            var main = doc.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var body = new Body();
            foreach (var block in model.Blocks)
            {
                switch (block)
                {
                    case PdfHeading h:
                        body.Append(Paragraph(h.Text, $"Heading{Math.Clamp(h.Level, 1, 3)}"));
                        break;
                    case PdfParagraph p:
                        body.Append(new Paragraph(p.Runs.SelectMany(r => Runs(r.Text, r.Bold))));
                        break;
                    case PdfKeyValueList list:
                        body.Append(Table([("", false), ("", false)], list.Items.Select(i => (IReadOnlyList<string>)[i.Key, i.Value]).ToList(), header: false));
                        body.Append(new Paragraph());
                        break;
                    case PdfTable table:
                        body.Append(Table(table.Columns.Select(c => (c.Header, c.Align == PdfAlign.Right)).ToList(), table.Rows, header: true));
                        body.Append(new Paragraph());
                        break;
                    case PdfSignature s:
                        body.Append(new Paragraph(Runs($"{s.Role ?? "Signed"} by ", false).Concat(Runs(s.Name, true)).Concat(Runs(s.Date is { } d ? $" on {d}" : "", false))));
                        break;
                    case PdfPageBreak:
                        body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
                        break;
                }
            }
            if (model.RunningFooter is { } footer)
            {
                var part = main.AddNewPart<FooterPart>();
                part.Footer = new Footer(Paragraph(footer, null));
                body.Append(new SectionProperties(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(part) }));
            }
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, string? style)
    {
        var paragraph = new Paragraph(Runs(text, false));
        if (style is not null)
        {
            paragraph.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }
        return paragraph;
    }

    /// <summary>A run per line: a newline in the model's text is a line break in Word.</summary>
    private static IEnumerable<Run> Runs(string text, bool bold)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var run = new Run();
            if (bold)
            {
                run.Append(new RunProperties(new Bold()));
            }
            if (i > 0)
            {
                run.Append(new Break());
            }
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            yield return run;
        }
    }

    private static Table Table(IReadOnlyList<(string Header, bool Right)> columns, IReadOnlyList<IReadOnlyList<string>> rows, bool header)
    {
        var border = new EnumValue<BorderValues>(BorderValues.Single);
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = border, Size = 4 }, new BottomBorder { Val = border, Size = 4 },
                new LeftBorder { Val = border, Size = 4 }, new RightBorder { Val = border, Size = 4 },
                new InsideHorizontalBorder { Val = border, Size = 4 }, new InsideVerticalBorder { Val = border, Size = 4 })));
        if (header)
        {
            var headerRow = new TableRow(new TableRowProperties(new TableHeader()));
            headerRow.Append(columns.Select(c => Cell(c.Header, bold: true, c.Right)));
            table.Append(headerRow);
        }
        foreach (var row in rows)
        {
            table.Append(new TableRow(row.Select((value, i) => Cell(value, bold: !header && i == 0, i < columns.Count && columns[i].Right))));
        }
        return table;
    }

    private static TableCell Cell(string text, bool bold, bool right)
    {
        var paragraph = new Paragraph(Runs(text, bold));
        if (right)
        {
            paragraph.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Right }));
        }
        return new TableCell(paragraph);
    }

    private static Styles Styles()
    {
        var styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = "Arial", HighAnsi = "Arial" }, new FontSize { Val = "22" }, new Languages { Val = "en-GB" })),
            new ParagraphPropertiesDefault(new SpacingBetweenLines { After = "120" })));
        foreach (var (level, size) in new[] { (1, "36"), (2, "28"), (3, "24") })
        {
            styles.Append(new Style(
                new StyleName { Val = $"heading {level}" },
                new BasedOn { Val = "Normal" },
                new NextParagraphStyle { Val = "Normal" },
                new PrimaryStyle(),
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = level - 1 }),
                new StyleRunProperties(new Bold(), new FontSize { Val = size }))
            { Type = StyleValues.Paragraph, StyleId = $"Heading{level}" });
        }
        styles.Append(new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        return styles;
    }
}
