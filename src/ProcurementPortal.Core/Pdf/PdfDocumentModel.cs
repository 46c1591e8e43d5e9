namespace ProcurementPortal.Core.Pdf;

/// <summary>
/// A document as data: letters, receipts and reports are built from these blocks and drawn by <see cref="PdfRenderer"/>,
/// so no document needs to know about canvases, fonts or page breaks. Lengths are in PDF points (1/72 inch).
/// </summary>
public sealed record PdfDocumentModel
{
    public required string Title { get; init; }
    public string? Author { get; init; }
    public string? Subject { get; init; }

    /// <summary>Stored in the PDF's metadata; leave null to omit it (the same model then renders to the same bytes).</summary>
    public DateTimeOffset? Created { get; init; }

    public PdfPageSize PageSize { get; init; } = PdfPageSize.A4;
    public PdfMargins Margins { get; init; } = PdfMargins.Standard;

    /// <summary>Printed at the foot of every page, left of "Page N of M" (e.g. the procurement reference).</summary>
    public string? RunningFooter { get; init; }

    public IReadOnlyList<PdfBlock> Blocks { get; init; } = [];
}

public sealed record PdfPageSize(float Width, float Height)
{
    public static readonly PdfPageSize A4 = new(595.28f, 841.89f);
}

public sealed record PdfMargins(float Top, float Right, float Bottom, float Left)
{
    /// <summary>20 mm all round.</summary>
    public static readonly PdfMargins Standard = new(56.69f, 56.69f, 56.69f, 56.69f);
}

public enum PdfAlign
{
    Left,
    Right,
    Centre,
}

/// <summary>One piece of the document's flow, laid out top to bottom.</summary>
public abstract record PdfBlock;

/// <summary>A heading, level 1 (largest) to 3; never left alone at the foot of a page.</summary>
public sealed record PdfHeading(string Text, int Level = 1) : PdfBlock;

/// <summary>
/// Wrapped text made of runs, some of which may be bold. A newline in a run starts a new line (an address block is
/// one paragraph with a line per address line).
/// </summary>
public sealed record PdfParagraph(IReadOnlyList<PdfTextRun> Runs) : PdfBlock
{
    public PdfParagraph(string text) : this([new PdfTextRun(text)]) { }
}

public sealed record PdfTextRun(string Text, bool Bold = false);

/// <summary>Labels in bold on the left, values on the right; an item is never split across pages.</summary>
public sealed record PdfKeyValueList(IReadOnlyList<PdfKeyValue> Items) : PdfBlock;

public sealed record PdfKeyValue(string Key, string Value);

/// <summary>
/// A table whose header row is repeated on every page it runs over. Rows are never split across pages; cells wrap.
/// </summary>
public sealed record PdfTable(IReadOnlyList<PdfTableColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : PdfBlock;

/// <summary>A column: its header, its share of the text width (the shares of a table are scaled to sum to 1), and how
/// its cells align (right for numbers and money).</summary>
public sealed record PdfTableColumn(string Header, float Width, PdfAlign Align = PdfAlign.Left);

/// <summary>A PNG or JPEG image, drawn at most <see cref="MaxWidth"/> points wide (and never wider than the text).</summary>
public sealed record PdfImage(byte[] Bytes, float MaxWidth, PdfAlign Align = PdfAlign.Left) : PdfBlock;

/// <summary>
/// A vector drawing (a chart), drawn as PDF paths and text, never as an image: scaled down to the text width if wider,
/// kept on one page.
/// </summary>
public sealed record PdfDrawing(ProcurementPortal.Core.Drawing.VectorDrawing Drawing, PdfAlign Align = PdfAlign.Left) : PdfBlock;

/// <summary>Vertical space, in points.</summary>
public sealed record PdfSpacer(float Height) : PdfBlock;

/// <summary>Starts a new page.</summary>
public sealed record PdfPageBreak : PdfBlock;

/// <summary>A signature block: a line to sign on, then the name, role and date; kept together on one page.</summary>
public sealed record PdfSignature(string Name, string? Role = null, string? Date = null) : PdfBlock;
