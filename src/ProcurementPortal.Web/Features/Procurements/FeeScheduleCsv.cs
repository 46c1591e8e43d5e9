using System.Globalization;
using System.Text;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Procurements;

/// <summary>
/// A procurement's fee schedule as CSV (RFC 4180): one row per band of each lot. Exported for officers to work on in a
/// spreadsheet, and imported back: the bands of every lot named in the file are replaced, all or nothing.
/// </summary>
public static class FeeScheduleCsv
{
    public static readonly string[] Header =
        ["lot_number", "lot_name", "band_code", "band_name", "need_description", "unit", "ceiling_rate", "expected_annual_volume"];

    public static string Write(Procurement procurement)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Header)).Append("\r\n");
        foreach (var lot in procurement.Lots.OrderBy(l => l.Number))
        {
            foreach (var band in lot.Bands.OrderBy(b => b.Code))
            {
                string[] fields =
                [
                    lot.Number.ToString(CultureInfo.InvariantCulture), lot.Name, band.Code, band.Name, band.NeedDescription,
                    band.Unit.ToString(), band.CeilingRate?.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
                    band.ExpectedAnnualVolume.ToString("0.##", CultureInfo.InvariantCulture),
                ];
                csv.Append(string.Join(',', fields.Select(Quote))).Append("\r\n");
            }
        }
        return csv.ToString();
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 || field.StartsWith('=') || field.StartsWith('+') || field.StartsWith('-') || field.StartsWith('@')
            ? "\"" + (field.StartsWith('=') || field.StartsWith('+') || field.StartsWith('@') ? "'" : "") + field.Replace("\"", "\"\"") + "\""
            : field;

    /// <summary>Splits RFC 4180 text into records of fields (quoted fields may hold commas, quotes and line breaks).</summary>
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': record.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n': record.Add(field.ToString()); field.Clear(); records.Add(record); record = []; break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }
        return records.Where(r => r.Any(f => f.Length > 0)).ToList();
    }
}

/// <summary>One row of a fee schedule file as read, with the number the person sees beside it (line or row).</summary>
public sealed record FeeScheduleRow(int Number, IReadOnlyList<string> Fields);

/// <summary>
/// Imports a fee schedule, from CSV or xlsx alike (the same columns as the export): the bands of every lot named in the
/// file are replaced. Every problem is reported with its line or row number, and on any problem nothing is saved.
/// </summary>
public sealed class ImportFeeScheduleHandler(PortalDbContext db, AuditLog audit)
{
    public Task<Outcome<Procurement>> HandleAsync(Guid procurementId, string csv, CancellationToken ct) =>
        ImportAsync(procurementId, FeeScheduleCsv.Parse(csv).Select((r, i) => new FeeScheduleRow(i + 1, r)).ToList(), "Line", ct);

    /// <summary>An Excel workbook: its first worksheet, numbered by the workbook's own row numbers.</summary>
    public Task<Outcome<Procurement>> HandleXlsxAsync(Guid procurementId, Stream xlsx, CancellationToken ct) =>
        ImportAsync(procurementId, FeeScheduleXlsx.Read(xlsx), "Row", ct);

    /// <param name="rows">The rows, header first; null when the file could not be read as a workbook.</param>
    private async Task<Outcome<Procurement>> ImportAsync(Guid procurementId, List<FeeScheduleRow>? rows, string unit, CancellationToken ct)
    {
        var procurement = await db.LoadWholeAsync(procurementId, ct);
        if (procurement is null)
        {
            return Outcome<Procurement>.NotFound();
        }
        var errors = new Errors();
        if (procurement.IsFrozen)
        {
            errors.Add("State", "The tender has been published: its fee bands can only change by addendum");
        }
        if (rows is null)
        {
            return errors.Add("File", "The file is not an Excel workbook (.xlsx): save it as one, or as CSV, and try again");
        }
        if (rows.Count == 0 || !rows[0].Fields.Select(h => h.Trim().ToLowerInvariant()).SequenceEqual(FeeScheduleCsv.Header))
        {
            errors.Add("File", $"The first {unit.ToLowerInvariant()} must be the header: {string.Join(',', FeeScheduleCsv.Header)}");
            return errors;
        }
        var bandsByLot = new Dictionary<Lot, List<FeeBand>>();
        foreach (var (rowNumber, f) in rows.Skip(1))
        {
            var line = $"{unit} {rowNumber}";
            if (f.Count != FeeScheduleCsv.Header.Length)
            {
                errors.Add("File", $"{line}: expected {FeeScheduleCsv.Header.Length} fields, found {f.Count}");
                continue;
            }
            var lot = int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? procurement.Lots.SingleOrDefault(l => l.Number == number)
                : null;
            var command = new BandFields
            {
                Code = f[2].Trim(),
                Name = f[3].Trim(),
                NeedDescription = f[4].Trim(),
                Unit = f[5].Trim(),
                CeilingRate = f[6].Trim().Length == 0 ? null : ParseMoney(f[6]),
                ExpectedAnnualVolume = ParseMoney(f[7]),
            };
            if (lot is null)
            {
                errors.Add("File", $"{line}: there is no lot {f[0]} in this procurement");
                continue;
            }
            var problems = command.Validate().ToDictionary();
            if (f[6].Trim().Length > 0 && command.CeilingRate is null)
            {
                problems["CeilingRate"] = ["Ceiling rate must be a number like 14.50"];
            }
            foreach (var message in problems.Values.SelectMany(m => m))
            {
                errors.Add("File", $"{line}: {message}");
            }
            var bands = bandsByLot.TryGetValue(lot, out var list) ? list : bandsByLot[lot] = [];
            if (bands.Any(b => string.Equals(b.Code, command.Code, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add("File", $"{line}: lot {lot.Number} already has a band {command.Code} in this file");
            }
            if (problems.Count == 0)
            {
                var band = new FeeBand { Code = "", Name = "", LotId = lot.Id };
                command.ApplyTo(band);
                bands.Add(band);
            }
        }
        if (!errors.IsEmpty)
        {
            return errors;
        }
        foreach (var (lot, bands) in bandsByLot)
        {
            db.FeeBands.RemoveRange(lot.Bands);
            db.FeeBands.AddRange(bands);
        }
        audit.Record("fee_schedule.imported", nameof(Procurement), procurement.Id,
            $"{procurement.Reference}: {bandsByLot.Values.Sum(b => b.Count)} bands in lots {string.Join(", ", bandsByLot.Keys.Select(l => l.Number).Order())}");
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return Outcome<Procurement>.Ok((await db.LoadWholeAsync(procurementId, ct))!);
    }

    private static decimal? ParseMoney(string text) =>
        decimal.TryParse(text.Trim().TrimStart('£').Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
