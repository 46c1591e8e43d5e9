using System.Text;

namespace ProcurementPortal.Web.Features.MarketIntent;

/// <summary>
/// RFC 4180 CSV with a header row: fields with commas, quotes or line breaks are quoted, quotes doubled. A field
/// that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
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
