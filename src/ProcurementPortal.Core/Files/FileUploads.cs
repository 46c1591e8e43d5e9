using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ProcurementPortal.Core.Files;

/// <summary>
/// Reads an upload into memory (at most one byte past the limit, enough to know it is too big), checks it, scans it
/// and stores it. What a use case calls for every uploaded file; the use case records the returned facts.
/// </summary>
public sealed class FileUploads(IFileStore store, IVirusScanner scanner, IOptions<FileStorageOptions> options)
{
    public long MaxBytes => options.Value.MaxUploadBytes;

    /// <summary>The upload buffered for checking; dispose it when done.</summary>
    public async Task<MemoryStream> BufferAsync(Stream content, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length <= MaxBytes && (read = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, (int)Math.Min(read, MaxBytes + 1 - buffer.Length));
        }
        buffer.Position = 0;
        return buffer;
    }

    /// <summary>Checks and scans a buffered upload; stores it only when nothing is wrong.</summary>
    public async Task<(CheckedUpload? Upload, StoredFile? Stored, IReadOnlyList<string> Errors)> CheckAndStoreAsync(
        string? fileName, MemoryStream content, CancellationToken ct)
    {
        var (upload, errors) = await CheckAsync(fileName, content, ct);
        return upload is null ? (null, null, errors) : (upload, await store.SaveAsync(content, ct), []);
    }

    /// <summary>
    /// Checks and scans a buffered upload without storing it, for a caller that stores something derived from it
    /// (bid attachments are stored encrypted). The content is left at position 0.
    /// </summary>
    public async Task<(CheckedUpload? Upload, IReadOnlyList<string> Errors)> CheckAsync(string? fileName, MemoryStream content, CancellationToken ct)
    {
        var (upload, errors) = UploadCheck.Check(fileName, content, MaxBytes);
        if (upload is null)
        {
            return (null, errors);
        }
        if (await scanner.ScanAsync(content, upload.FileName, ct) is { } infected)
        {
            return (null, [infected]);
        }
        content.Position = 0;
        return (upload, []);
    }

    public Task<StoredFile> StoreAsync(Stream content, CancellationToken ct) => store.SaveAsync(content, ct);

    public Stream OpenRead(string storageName) => store.OpenRead(storageName);
}

public static class FileUploadsRegistration
{
    public static IServiceCollection AddPortalFiles(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.Configure<FileStorageOptions>(configuration.GetSection(FileStorageOptions.Section));
        services.TryAddSingleton<IFileStore, LocalFileStore>();
        services.TryAddSingleton<IVirusScanner, NoVirusScanner>();
        services.TryAddScoped<FileUploads>();
        return services;
    }
}
