using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace ProcurementPortal.Web.Infrastructure;

/// <summary>
/// Fewer and smaller bytes on the wire: text responses compressed with Brotli or gzip, and static assets cached by
/// browsers — for a year (immutable) when the page links them with a version (<c>asp-append-version</c> adds
/// <c>?v=&lt;content hash&gt;</c>, so a changed file gets a new address), for an hour otherwise (fonts and images
/// that the GOV.UK stylesheet links itself).
/// </summary>
/// <remarks>
/// Compression is on over HTTPS too. BREACH recovers a secret from the size of compressed responses that carry it
/// beside text the attacker controls; the only secret in a page body here is the antiforgery request token, which
/// Data Protection encrypts with a fresh random IV on every response, so no two responses carry the same bytes.
/// Cookies travel in headers, which response compression never touches.
/// </remarks>
public static class ResponseCaching
{
    private const string VersionedAssetCacheControl = "public, max-age=31536000, immutable";
    private const string AssetCacheControl = "public, max-age=3600";

    public static IServiceCollection AddPortalResponseCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/problem+json"]);
        });
        // Fastest: on 2 cores the CPU spent on Optimal costs more throughput than the few extra bytes it saves.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>Compression, then the static files with their cache headers (call where UseStaticFiles was).</summary>
    public static IApplicationBuilder UsePortalStaticFiles(this IApplicationBuilder app)
    {
        app.UseResponseCompression();
        return app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
                context.Context.Response.Headers[HeaderNames.CacheControl] =
                    context.Context.Request.Query.ContainsKey("v") ? VersionedAssetCacheControl : AssetCacheControl,
        });
    }
}
