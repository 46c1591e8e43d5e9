using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ProcurementPortal.Web.Infrastructure;

/// <summary>
/// Fixed-window limits on <c>/api</c> (configuration <c>RateLimits:Api</c>), one window per caller: each API client,
/// each signed-in user, and each IP address for calls without a token. Generous by default, so that a deadline rush
/// (hundreds of providers submitting at once, each with a window of its own) never meets them. Pages are not limited.
/// </summary>
public sealed class ApiRateLimitOptions
{
    public const string Section = "RateLimits:Api";

    /// <summary>Calls per window for one API client or one signed-in user.</summary>
    public int PermitLimit { get; set; } = 1200;

    /// <summary>Calls per window for one IP address without a token (sign-in, registration, public data).</summary>
    public int AnonymousPermitLimit { get; set; } = 6000;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

public static class ApiRateLimits
{
    public static IServiceCollection AddApiRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ApiRateLimitOptions.Section).Get<ApiRateLimitOptions>() ?? new ApiRateLimitOptions();
        return services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (!http.Request.Path.StartsWithSegments("/api"))
                {
                    return RateLimitPartition.GetNoLimiter("pages");
                }
                var (key, limit) = PartitionOf(http, options);
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit,
                    Window = options.Window,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.OnRejected = RejectAsync;
        });
    }

    /// <summary>The caller's window: the API client, else the user, else the IP address.</summary>
    public static (string Key, int Limit) PartitionOf(HttpContext http, ApiRateLimitOptions options)
    {
        if (http.User.FindFirst(ApiClientAuthentication.ClientIdClaim)?.Value is { } client)
        {
            return ($"client:{client}", options.PermitLimit);
        }
        if (http.User.UserId() is { } user)
        {
            return ($"user:{user}", options.PermitLimit);
        }
        return ($"ip:{http.Connection.RemoteIpAddress}", options.AnonymousPermitLimit);
    }

    /// <summary>429 as RFC 9457 problem details, with <c>Retry-After</c> in seconds when the limiter knows it.</summary>
    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = "This caller has made too many API calls in the current window; try again after the time in Retry-After.",
            },
        });
    }
}
