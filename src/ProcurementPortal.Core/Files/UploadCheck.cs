using System.IO.Compression;
using System.Text.RegularExpressions;

namespace ProcurementPortal.Core.Files;

/// <summary>The kinds of file the portal accepts, each recognised by its bytes, never by what the browser says.</summary>
public sealed record FileKind(string Name, string ContentType, IReadOnlyList<string> Extensions)
{
    public static readonly FileKind Pdf = new("PDF", "application/pdf", [".pdf"]);
    public static readonly FileKind Docx = new("Word document (DOCX)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly FileKind Xlsx = new("Excel spreadsheet (XLSX)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    public static readonly FileKind Png = new("PNG image", "image/png", [".png"]);
    public static readonly FileKind Jpeg = new("JPEG image", "image/jpeg", [".jpg", ".jpeg"]);

    public static readonly IReadOnlyList<FileKind> All = [Pdf, Docx, Xlsx, Png, Jpeg];

    /// <summary>"PDF, DOCX, XLSX, PNG or JPEG", for messages.</summary>
    public const string AllowedList = "PDF, DOCX, XLSX, PNG or JPEG";
}

/// <summary>An upload that passed every check: its cleaned name, the kind its bytes show, and its size.</summary>
public sealed record CheckedUpload(string FileName, FileKind Kind, long Size);

/// <summary>
/// The checks every uploaded file passes before it is stored (tender documents, bid attachments): a name that is a
/// plain file name with one allowed extension, a size within the limit, and content whose first bytes (and, for
/// DOCX and XLSX, whose package parts) show the same kind as the extension. Each failure is one plain message.
/// </summary>
public static partial class UploadCheck
{
    public const int MaxFileNameLength = 200;

    /// <summary>Extensions that, inside a name (<c>x.php.pdf</c>) or at its end (<c>plan.pdf.exe</c>), mark a disguised file.</summary>
    private static readonly HashSet<string> TellTaleExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "exe", "com", "bat", "cmd", "msi", "dll", "scr", "pif", "cpl", "jar", "js", "jse", "vbs", "vbe", "wsf", "ps1",
        "sh", "bash", "php", "phtml", "php3", "php4", "php5", "asp", "aspx", "ashx", "jsp", "cgi", "pl", "py", "rb",
        "html", "htm", "svg", "xhtml", "hta", "lnk", "reg", "iso", "zip", "rar", "7z", "gz", "tar",
        "pdf", "doc", "docx", "docm", "xls", "xlsx", "xlsm", "png", "jpg", "jpeg", "gif", "txt", "rtf", "odt", "csv",
    };

    /// <summary>Checks the name only (a first pass before reading any bytes).</summary>
    public static IReadOnlyList<string> CheckName(string? fileName)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(fileName))
        {
            errors.Add("The file has no name: give it a name like specification.pdf");
            return errors;
        }
        var shown = Shown(fileName);
        if (fileName.Any(char.IsControl))
        {
            errors.Add($"The file name \"{shown}\" contains control characters: rename it using letters, numbers, spaces, hyphens and dots");
        }
        else if (fileName.Contains('/') || fileName.Contains('\\') || fileName.Contains("..", StringComparison.Ordinal) || DriveOrUnc().IsMatch(fileName))
        {
            errors.Add($"The file name \"{shown}\" contains a folder or a path: upload the file with its name only, like specification.pdf");
        }
        else if (fileName.IndexOfAny(['<', '>', ':', '"', '|', '?', '*']) >= 0)
        {
            errors.Add($"The file name \"{shown}\" contains characters a file name cannot have (< > : \" | ? *): rename it");
        }
        else if (fileName != fileName.Trim() || fileName.EndsWith('.') || fileName.StartsWith('.'))
        {
            errors.Add($"The file name \"{shown}\" starts or ends with a dot or a space: rename it, like specification.pdf");
        }
        else if (fileName.Length > MaxFileNameLength)
        {
            errors.Add($"The file name must be {MaxFileNameLength} characters or fewer");
        }
        if (errors.Count > 0)
        {
            return errors;
        }

        var parts = fileName.Split('.');
        var extension = parts.Length > 1 ? "." + parts[^1].ToLowerInvariant() : "";
        var inner = parts.Skip(1).SkipLast(1).Where(p => TellTaleExtensions.Contains(p)).ToList();
        if (inner.Count > 0)
        {
            errors.Add($"The file name \"{shown}\" has more than one extension (.{string.Join(".", parts.Skip(parts.Length - 1 - inner.Count))}): rename it so that it ends in one, like specification.pdf");
        }
        else if (KindOfExtension(extension) is null)
        {
            errors.Add(extension.Length == 0
                ? $"The file name \"{shown}\" has no extension: the file must be a {FileKind.AllowedList}"
                : $"The file must be a {FileKind.AllowedList}; \"{shown}\" is not");
        }
        return errors;
    }

    /// <summary>
    /// Checks an uploaded file whole: its name, its size against <paramref name="maxBytes"/> and its content. The
    /// content must be seekable (the caller buffers it, at most one byte past the limit).
    /// </summary>
    public static (CheckedUpload? Upload, IReadOnlyList<string> Errors) Check(string? fileName, Stream content, long maxBytes)
    {
        var errors = CheckName(fileName).ToList();
        var size = content.Length;
        if (size == 0)
        {
            errors.Add("The file is empty: choose a file that has something in it");
        }
        else if (size > maxBytes)
        {
            errors.Add($"The file must be smaller than {Describe(maxBytes)}");
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var declared = KindOfExtension("." + fileName!.Split('.')[^1].ToLowerInvariant())!;
        content.Position = 0;
        var actual = KindOfContent(content);
        content.Position = 0;
        if (actual is null)
        {
            errors.Add($"The file \"{Shown(fileName)}\" is not a real {FileKind.AllowedList} file: its content is of another kind");
        }
        else if (actual != declared)
        {
            errors.Add($"The file \"{Shown(fileName)}\" is named as a {declared.Name} but its content is a {actual.Name}: rename it or choose the right file");
        }
        return errors.Count > 0 ? (null, errors) : (new CheckedUpload(fileName, actual!, size), errors);
    }

    public static FileKind? KindOfExtension(string extension) =>
        FileKind.All.FirstOrDefault(k => k.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));

    /// <summary>The kind the bytes show: magic numbers, and for a ZIP package the main part its content types name.</summary>
    public static FileKind? KindOfContent(Stream content)
    {
        Span<byte> head = stackalloc byte[8];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        content.Position = 0;
        if (head.StartsWith("%PDF-"u8))
        {
            return FileKind.Pdf;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return FileKind.Png;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return FileKind.Jpeg;
        }
        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return KindOfOfficePackage(content);
        }
        return null;
    }

    /// <summary>A DOCX or XLSX is a ZIP whose [Content_Types].xml names the main document part and that part exists.</summary>
    private static FileKind? KindOfOfficePackage(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null)
            {
                return null;
            }
            using var reader = new StreamReader(types.Open());
            var xml = reader.ReadToEnd();
            if (xml.Contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", StringComparison.Ordinal)
                && zip.GetEntry("word/document.xml") is not null)
            {
                return FileKind.Docx;
            }
            if (xml.Contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", StringComparison.Ordinal)
                && zip.GetEntry("xl/workbook.xml") is not null)
            {
                return FileKind.Xlsx;
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return null; // starts like a ZIP but is not one: neither DOCX nor XLSX
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>"25 MB", "512 KB".</summary>
    public static string Describe(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB"
        : bytes >= 1024 ? $"{bytes / 1024} KB"
        : $"{bytes} bytes";

    /// <summary>The name as it may be shown back: control characters made visible, long names shortened.</summary>
    private static string Shown(string name)
    {
        var visible = new string(name.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return visible.Length > 80 ? visible[..77] + "..." : visible;
    }

    [GeneratedRegex(@"^([A-Za-z]:|~)")]
    private static partial Regex DriveOrUnc();
}
