using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ProcurementPortal.Core.Domain.Procurements;
using SpreadCheetah;
using OpenXmlCell = DocumentFormat.OpenXml.Spreadsheet.Cell;

namespace ProcurementPortal.Web.Features.Procurements;

/// <summary>A fee schedule file as the pages and the API send it.</summary>
public sealed record FeeScheduleFile(byte[] Content, string ContentType, string Name)
{
    public static FeeScheduleFile Csv(Procurement p) =>
        new(System.Text.Encoding.UTF8.GetBytes(FeeScheduleCsv.Write(p)), "text/csv", $"{p.Reference}-fee-schedule.csv");

    public static async Task<FeeScheduleFile> XlsxAsync(Procurement p, CancellationToken ct) =>
        new(await FeeScheduleXlsx.WriteAsync(p, ct), FeeScheduleXlsx.ContentType, $"{p.Reference}-fee-schedule.xlsx");
}

/// <summary>
/// The fee schedule as an Excel workbook beside the CSV: the same columns (<see cref="FeeScheduleCsv.Header"/>), one
/// row per band of each lot. Written with SpreadCheetah (streaming), read back with the Open XML SDK; the import
/// itself, with its rules, is the CSV's (<see cref="ImportFeeScheduleHandler"/>).
/// </summary>
public static class FeeScheduleXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Larger than any fee schedule; a bigger upload is refused before it is read.</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    public static async Task<byte[]> WriteAsync(Procurement procurement, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(stream, cancellationToken: ct))
        {
            await spreadsheet.StartWorksheetAsync("Fee schedule", token: ct);
            await spreadsheet.AddRowAsync(FeeScheduleCsv.Header.Select(h => new DataCell(h)).ToArray(), ct);
            foreach (var lot in procurement.Lots.OrderBy(l => l.Number))
            {
                foreach (var band in lot.Bands.OrderBy(b => b.Code))
                {
                    await spreadsheet.AddRowAsync(
                    [
                        new DataCell(lot.Number), new DataCell(lot.Name), new DataCell(band.Code), new DataCell(band.Name),
                        new DataCell(band.NeedDescription), new DataCell(band.Unit.ToString()), new DataCell(band.CeilingRate),
                        new DataCell(band.ExpectedAnnualVolume),
                    ], ct);
                }
            }
            await spreadsheet.FinishAsync(ct);
        }
        return stream.ToArray();
    }

    /// <summary>
    /// The rows of the first worksheet as text, numbered as the workbook numbers them; null when the file is not a
    /// workbook. Numbers come back in their shortest form (a spreadsheet's 17.960000000000001 reads as 17.96).
    /// </summary>
    public static List<FeeScheduleRow>? Read(Stream xlsx)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(xlsx, false);
            var workbook = document.WorkbookPart;
            var sheet = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || sheet?.Id?.Value is not { } partId || workbook.GetPartById(partId) is not WorksheetPart worksheet)
            {
                return null;
            }
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            return worksheet.Worksheet.Descendants<Row>()
                .Select((row, i) => new FeeScheduleRow((int)(row.RowIndex?.Value ?? (uint)i + 1), Fields(row, shared)))
                .Where(row => row.Fields.Any(f => f.Length > 0))
                .ToList();
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            return null;
        }
    }

    /// <summary>A row's cells by column (A, B, …), gaps kept; empty trailing cells count up to the header's width.</summary>
    private static List<string> Fields(Row row, List<string> shared)
    {
        var fields = new List<string>();
        foreach (var cell in row.Elements<OpenXmlCell>())
        {
            var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : fields.Count;
            while (fields.Count < column)
            {
                fields.Add("");
            }
            fields.Add(Text(cell, shared));
        }
        while (fields.Count > 0 && fields.Count > FeeScheduleCsv.Header.Length && fields[^1].Length == 0)
        {
            fields.RemoveAt(fields.Count - 1);
        }
        while (fields.Count < FeeScheduleCsv.Header.Length)
        {
            fields.Add("");
        }
        return fields;
    }

    private static string Text(OpenXmlCell cell, List<string> shared)
    {
        var value = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count ? shared[index] : "";
        }
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }
        if (cell.DataType is null || cell.DataType.Value == CellValues.Number)
        {
            return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && Math.Abs(number) < 1e15
                ? ((decimal)number).ToString(CultureInfo.InvariantCulture)
                : value;
        }
        return value;
    }

    /// <summary>"C7" → 2.</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return index - 1;
    }
}
