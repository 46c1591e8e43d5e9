using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Branding;

public sealed record UploadLogoCommand(byte[]? Logo)
{
    public const int MaxBytes = 512 * 1024;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];

    /// <summary>The type the file's first bytes declare (PNG or JPEG); never what the browser claims.</summary>
    public string? ContentType =>
        Logo is null ? null
        : Logo.AsSpan().StartsWith(PngSignature) ? "image/png"
        : Logo.AsSpan().StartsWith(JpegSignature) ? "image/jpeg"
        : null;

    /// <summary>Reads an uploaded file, at most one byte past the limit (enough to know it is too big).</summary>
    public static async Task<UploadLogoCommand> FromFileAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null)
        {
            return new UploadLogoCommand(Logo: null);
        }
        await using var stream = file.OpenReadStream();
        var buffer = new byte[MaxBytes + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), ct)) > 0)
        {
            read += n;
        }
        return new UploadLogoCommand(buffer[..read]);
    }

    public Errors Validate()
    {
        var errors = new Errors();
        if (Logo is not { Length: > 0 })
        {
            return errors.Add(nameof(Logo), "Select a logo");
        }
        return errors
            .Require(Logo.Length <= MaxBytes, nameof(Logo), "The logo must be smaller than 512 KB")
            .Require(ContentType is not null, nameof(Logo), "The logo must be a PNG or JPEG image");
    }
}

/// <summary>A tenant admin replaces the letterhead logo.</summary>
public sealed class UploadLogo(PortalDbContext db, TenantBranding branding, AuditLog audit)
{
    public async Task<Outcome<BrandingView>> HandleAsync(UploadLogoCommand command, CancellationToken ct)
    {
        var errors = command.Validate();
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var tenant = await branding.LoadAsync(ct);
        tenant.Logo = command.Logo;
        tenant.LogoContentType = command.ContentType;
        audit.Record("branding.logo-replaced", nameof(Organisation), tenant.Id,
            $"New logo ({command.ContentType}, {command.Logo!.Length:N0} bytes)");
        await db.SaveChangesAsync(ct);
        return Outcome<BrandingView>.Ok(await branding.GetAsync(ct));
    }
}
