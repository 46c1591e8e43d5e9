using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ProcurementPortal.Core.Files;

/// <summary>Where uploaded files live and how big they may be (configuration section <c>Storage</c>).</summary>
public sealed class FileStorageOptions
{
    public const string Section = "Storage";
    public const long DefaultMaxUploadBytes = 25L * 1024 * 1024;

    /// <summary>
    /// The folder files are written under, outside the web root. Relative paths are taken from the repository root
    /// (the folder holding ProcurementPortal.sln) when the app runs from a checkout, else from the working folder.
    /// </summary>
    public string Root { get; set; } = ".local/files";

    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;

    public string ResolveRoot()
    {
        if (Path.IsPathRooted(Root))
        {
            return Root;
        }
        var start = new DirectoryInfo(Directory.GetCurrentDirectory());
        for (var dir = start; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProcurementPortal.sln")))
            {
                return Path.Combine(dir.FullName, Root);
            }
        }
        return Path.Combine(start.FullName, Root);
    }
}

/// <summary>A file as stored: its random storage name, and the SHA-256 and size of the bytes written.</summary>
public sealed record StoredFile(string StorageName, string Sha256, long Size);

/// <summary>Keeps uploaded files by random names that say nothing of their owner or content.</summary>
public interface IFileStore
{
    Task<StoredFile> SaveAsync(Stream content, CancellationToken ct);

    /// <summary>Opens a stored file for reading; throws <see cref="FileNotFoundException"/> if it is not there.</summary>
    Stream OpenRead(string storageName);

    void Delete(string storageName);
}

/// <summary>
/// Files on the local disk under <see cref="FileStorageOptions.Root"/>, in two-character sub-folders, named by 32 random
/// hex digits. A name that is not of that shape is refused before any path is built, so no stored name can reach
/// outside the root.
/// </summary>
public sealed partial class LocalFileStore(IOptions<FileStorageOptions> options) : IFileStore
{
    private readonly string _root = Path.GetFullPath(options.Value.ResolveRoot());

    public async Task<StoredFile> SaveAsync(Stream content, CancellationToken ct)
    {
        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
                size += read;
            }
        }
        return new StoredFile(name, Convert.ToHexStringLower(sha.GetHashAndReset()), size);
    }

    public Stream OpenRead(string storageName) =>
        new FileStream(PathOf(storageName), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public void Delete(string storageName) => File.Delete(PathOf(storageName));

    private string PathOf(string storageName)
    {
        if (!StorageName().IsMatch(storageName))
        {
            throw new ArgumentException("Not a storage name this store gave out.", nameof(storageName));
        }
        return Path.Combine(_root, storageName[..2], storageName);
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex StorageName();
}

/// <summary>A hook to scan an upload for malware before it is stored; the result says why a file is refused.</summary>
public interface IVirusScanner
{
    /// <summary>Null when the file is clean; else a message for the person who uploaded it.</summary>
    Task<string?> ScanAsync(Stream content, string fileName, CancellationToken ct);
}

/// <summary>The default: no scanner is configured, so every file passes. Replace it in DI with a real one (e.g. ClamAV).</summary>
public sealed class NoVirusScanner : IVirusScanner
{
    public Task<string?> ScanAsync(Stream content, string fileName, CancellationToken ct) => Task.FromResult<string?>(null);
}
