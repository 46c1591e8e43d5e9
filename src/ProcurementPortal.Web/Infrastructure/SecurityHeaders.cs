using System.Security.Cryptography;

namespace ProcurementPortal.Web.Infrastructure;

/// <summary>
/// Security headers on every response. Pages get a strict CSP with a per-request nonce for the one inline
/// script of the GOV.UK template; the Hangfire dashboard and the API reference UI bring their own inline
/// scripts and styles, so they get a CSP that allows inline code from this origin only.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string NonceKey = "csp-nonce";

    public Task InvokeAsync(HttpContext http)
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        http.Items[NonceKey] = nonce;
        var tooling = http.Request.Path.StartsWithSegments("/hangfire") || http.Request.Path.StartsWithSegments("/scalar");
        var script = tooling ? "'self' 'unsafe-inline'" : $"'self' 'nonce-{nonce}'";
        var style = tooling ? "'self' 'unsafe-inline'" : "'self'";
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src {script}; style-src {style}; img-src 'self' data:; font-src 'self' data:; " +
                "connect-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        return next(http);
    }
}

public static class CspExtensions
{
    public static string CspNonce(this HttpContext http) => http.Items[SecurityHeaders.NonceKey] as string ?? "";
}
