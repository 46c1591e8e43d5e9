using Microsoft.AspNetCore.Mvc;
using SpreadCheetah;

namespace ProcurementPortal.Web.Infrastructure;

/// <summary>
/// One export (procurements, bids received, scores, contract register): its file name without extension, the column
/// names (documented in docs/exports.md) and the rows of typed cells, written as CSV or as an Excel workbook.
/// </summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The formats an export route accepts: <c>csv</c> (the default) or <c>xlsx</c>.</summary>
    public static bool IsFormat(string? format) => format is null or "csv" or "xlsx";

    public async Task<FileContentResult> FileAsync(string? format, CancellationToken ct) => format == "xlsx"
        ? new FileContentResult(await XlsxAsync(ct), XlsxContentType) { FileDownloadName = $"{Name}.xlsx" }
        : new FileContentResult(CsvFile.Write(this), CsvFile.ContentType) { FileDownloadName = $"{Name}.csv" };

    /// <summary>
    /// The same table as a workbook (SpreadCheetah, streaming): numbers stay numbers, dates are written as the CSV
    /// writes them; text is never a formula in a workbook cell, so it needs no apostrophe.
    /// </summary>
    public async Task<byte[]> XlsxAsync(CancellationToken ct)
    {
        using var stream = new MemoryStream();
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(stream, cancellationToken: ct))
        {
            await spreadsheet.StartWorksheetAsync(Name.Length > 31 ? Name[..31] : Name, token: ct);
            await spreadsheet.AddRowAsync(Header.Select(h => new DataCell(h)).ToArray(), ct);
            foreach (var row in Rows)
            {
                await spreadsheet.AddRowAsync(row.Select(Cell).ToArray(), ct);
            }
            await spreadsheet.FinishAsync(ct);
        }
        return stream.ToArray();
    }

    private static DataCell Cell(object? value) => value switch
    {
        decimal d => new DataCell(d),
        int i => new DataCell(i),
        _ => new DataCell(CsvFile.Text(value)),
    };
}
