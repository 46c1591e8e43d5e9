using System.Globalization;
using System.Text;

namespace ProcurementPortal.Web.Infrastructure;

/// <summary>
/// The one CSV writer of the portal's exports. RFC 4180 with a header row: fields with commas, quotes or line breaks
/// are quoted, quotes doubled, lines end CRLF, UTF-8 with a byte order mark (Excel reads the pound sign). A field that
/// a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe (OWASP "CSV injection").
/// </summary>
public static class CsvFile
{
    public const string ContentType = "text/csv";

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder();
        AppendRow(text, header);
        foreach (var row in rows)
        {
            AppendRow(text, row);
        }
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
    }

    /// <summary>An export table: its cells written as <see cref="Text"/> gives them.</summary>
    public static byte[] Write(ExportTable table) => Write(table.Header, table.Rows.Select(r => (IReadOnlyList<string?>)r.Select(Text).ToList()));

    /// <summary>
    /// A cell as the exports write it: UK dates (31/03/2027) and times in Europe/London (31/03/2027 09:00), money and
    /// scores as plain decimals with a point and no thousands separator or pound sign (1234567.50), yes/no.
    /// </summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        decimal d => decimal.Round(d, 2) == d ? d.ToString("0.00", CultureInfo.InvariantCulture) : d.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        DateOnly day => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        DateTime utc => UkTime.ToUk(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static void AppendRow(StringBuilder text, IReadOnlyList<string?> fields)
    {
        text.AppendJoin(',', fields.Select(Field));
        text.Append("\r\n");
    }

    private static string Field(string? value)
    {
        var field = value ?? "";
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@')
        {
            field = "'" + field;
        }
        return field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
    }
}
