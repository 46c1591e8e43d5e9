using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ProcurementPortal.Core.Files;

namespace ProcurementPortal.UnitTests.Files;

public sealed class UploadCheckTests
{
    private const long Limit = 1024 * 1024;

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0];

    private static byte[] OfficePackage(string mainContentType, string mainPart)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
            Add("[Content_Types].xml",
                $"""<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/{mainPart}" ContentType="{mainContentType}"/></Types>""");
            Add(mainPart, "<root/>");
        }
        return buffer.ToArray();
    }

    private static readonly byte[] Docx = OfficePackage("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "word/document.xml");
    private static readonly byte[] Xlsx = OfficePackage("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "xl/workbook.xml");
    private static readonly byte[] PlainZip = OfficePackage("application/xml", "notes.xml");

    private static (CheckedUpload? Upload, IReadOnlyList<string> Errors) Check(string? name, byte[] bytes, long limit = Limit) =>
        UploadCheck.Check(name, new MemoryStream(bytes), limit);

    public static TheoryData<string, byte[], string> Accepted => new()
    {
        { "Service specification v1.2.pdf", Pdf, "application/pdf" },
        { "Pricing schedule.XLSX", Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "method-statement.docx", Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "map.png", Png, "image/png" },
        { "photo.jpeg", Jpeg, "image/jpeg" },
        { "photo.jpg", Jpeg, "image/jpeg" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Each_allowed_kind_is_recognised_by_its_bytes(string name, byte[] bytes, string contentType)
    {
        var (upload, errors) = Check(name, bytes);

        Assert.Empty(errors);
        Assert.Equal(contentType, upload!.Kind.ContentType);
        Assert.Equal(bytes.Length, upload.Size);
    }

    [Fact]
    public void The_demo_specification_is_a_pdf_the_checks_accept()
    {
        var (upload, errors) = Check("service-specification.pdf", ProcurementPortal.Core.Demo.DemoDocument.Pdf("Service specification", "A line (with brackets)."));

        Assert.Empty(errors);
        Assert.Equal(FileKind.Pdf, upload!.Kind);
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_with_the_limit()
    {
        var (upload, errors) = Check("big.pdf", [.. Pdf, .. new byte[Limit]]);

        Assert.Null(upload);
        Assert.Equal("The file must be smaller than 1 MB", Assert.Single(errors));
    }

    [Fact]
    public void The_default_limit_is_25_MB()
    {
        Assert.Equal(25L * 1024 * 1024, new FileStorageOptions().MaxUploadBytes);
        Assert.Equal("25 MB", UploadCheck.Describe(FileStorageOptions.DefaultMaxUploadBytes));
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Contains("The file is empty", Assert.Single(Check("empty.pdf", []).Errors));
    }

    [Theory]
    [InlineData("contract.pdf", "is named as a PDF but its content is a PNG image")]
    [InlineData("map.png", "is named as a PNG image but its content is a PDF")]
    [InlineData("prices.xlsx", "is named as a Excel spreadsheet (XLSX) but its content is a Word document (DOCX)")]
    public void A_name_that_disagrees_with_the_bytes_is_refused(string name, string expected)
    {
        var bytes = name.EndsWith(".pdf") ? Png : name.EndsWith(".png") ? Pdf : Docx;

        var (upload, errors) = Check(name, bytes);

        Assert.Null(upload);
        Assert.Contains(expected, Assert.Single(errors));
    }

    [Theory]
    [InlineData("notes.docx")]
    [InlineData("script.pdf")]
    public void Bytes_of_no_allowed_kind_are_refused_even_under_an_allowed_name(string name)
    {
        var bytes = name.EndsWith(".docx") ? PlainZip : Encoding.ASCII.GetBytes("#!/bin/sh\nrm -rf /\n");

        var (upload, errors) = Check(name, bytes);

        Assert.Null(upload);
        Assert.Contains("is not a real PDF, DOCX, XLSX, PNG or JPEG file", Assert.Single(errors));
    }

    [Theory]
    [InlineData("care-plan.pdf.exe", ".pdf.exe")]
    [InlineData("x.php.pdf", ".php.pdf")]
    [InlineData("invoice.html.docx", ".html.docx")]
    public void Double_extensions_are_refused(string name, string shown)
    {
        var (upload, errors) = Check(name, Pdf);

        Assert.Null(upload);
        Assert.Equal($"The file name \"{name}\" has more than one extension ({shown}): rename it so that it ends in one, like specification.pdf", Assert.Single(errors));
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf")]
    [InlineData("..\\secret.pdf")]
    [InlineData("/var/www/spec.pdf")]
    [InlineData("C:spec.pdf")]
    [InlineData("folder/spec.pdf")]
    [InlineData("~spec.pdf")]
    [InlineData("spec..pdf")]
    public void Paths_and_traversal_are_refused(string name)
    {
        var (upload, errors) = Check(name, Pdf);

        Assert.Null(upload);
        Assert.Contains("contains a folder or a path", Assert.Single(errors));
    }

    [Theory]
    [InlineData("spec\u0000.pdf", "contains control characters")]
    [InlineData("spec\n.pdf", "contains control characters")]
    [InlineData("", "The file has no name")]
    [InlineData("   ", "The file has no name")]
    [InlineData(".pdf", "starts or ends with a dot or a space")]
    [InlineData("spec.pdf ", "starts or ends with a dot or a space")]
    [InlineData("spec.pdf.", "starts or ends with a dot or a space")]
    [InlineData("spec|x.pdf", "characters a file name cannot have")]
    [InlineData("spec", "has no extension")]
    [InlineData("spec.txt", "The file must be a PDF, DOCX, XLSX, PNG or JPEG")]
    public void Odd_names_are_refused_with_a_clear_reason(string name, string expected)
    {
        var (upload, errors) = Check(name, Pdf);

        Assert.Null(upload);
        Assert.Contains(expected, Assert.Single(errors));
    }

    [Fact]
    public void A_name_too_long_is_refused()
    {
        Assert.Contains("200 characters or fewer", Assert.Single(Check(new string('a', 201) + ".pdf", Pdf).Errors));
    }

    [Fact]
    public async Task The_store_writes_under_its_root_with_a_random_name_and_records_the_sha256_and_size()
    {
        var root = Path.Combine(Path.GetTempPath(), $"portal-files-{Guid.NewGuid():N}");
        try
        {
            var store = new LocalFileStore(Options.Create(new FileStorageOptions { Root = root }));

            var first = await store.SaveAsync(new MemoryStream(Pdf), CancellationToken.None);
            var second = await store.SaveAsync(new MemoryStream(Pdf), CancellationToken.None);

            Assert.Matches("^[0-9a-f]{32}$", first.StorageName);
            Assert.NotEqual(first.StorageName, second.StorageName);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), first.Sha256);
            Assert.Equal(Pdf.Length, first.Size);
            var onDisk = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToList();
            Assert.Equal(2, onDisk.Count);
            Assert.All(onDisk, f => Assert.StartsWith(Path.GetFullPath(root), f));
            await using var read = store.OpenRead(first.StorageName);
            using var copy = new MemoryStream();
            await read.CopyToAsync(copy);
            Assert.Equal(Pdf, copy.ToArray());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("0123456789abcdef0123456789abcdef/../x")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789")]
    public void The_store_refuses_a_name_it_did_not_give_out(string name)
    {
        var store = new LocalFileStore(Options.Create(new FileStorageOptions { Root = Path.GetTempPath() }));

        Assert.Throws<ArgumentException>(() => store.OpenRead(name));
    }

    [Fact]
    public async Task Uploads_are_checked_then_stored_and_an_upload_over_the_limit_is_not_stored()
    {
        var root = Path.Combine(Path.GetTempPath(), $"portal-files-{Guid.NewGuid():N}");
        try
        {
            var options = Options.Create(new FileStorageOptions { Root = root, MaxUploadBytes = 100 });
            var uploads = new FileUploads(new LocalFileStore(options), new NoVirusScanner(), options);

            await using var big = await uploads.BufferAsync(new MemoryStream([.. Pdf, .. new byte[500]]), CancellationToken.None);
            var refused = await uploads.CheckAndStoreAsync("big.pdf", big, CancellationToken.None);
            await using var small = await uploads.BufferAsync(new MemoryStream(Pdf), CancellationToken.None);
            var stored = await uploads.CheckAndStoreAsync("small.pdf", small, CancellationToken.None);

            Assert.Equal(101, big.Length);
            Assert.Equal("The file must be smaller than 100 bytes", Assert.Single(refused.Errors));
            Assert.Null(refused.Stored);
            Assert.Equal(Pdf.Length, stored.Stored!.Size);
            Assert.Single(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
