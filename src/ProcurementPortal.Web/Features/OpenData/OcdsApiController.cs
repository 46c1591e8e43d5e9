using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Ocds;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.OpenData;

/// <summary>
/// A tenant's open contracting data, for anyone: Open Contracting Data Standard 1.1.5 release packages of every
/// published procurement (paged), and the record package of one procurement by its ocid. Nothing from a sealed bid
/// appears before the award, and no evaluator is ever named.
/// </summary>
[ApiController]
[AllowAnonymous]
[PublicTenantPage]
[Route("api/v1/t/{tenant}/ocds")]
[Tags("Open data")]
public sealed class OcdsApiController(OcdsQueries queries) : ControllerBase
{
    /// <summary>A release package: every release of the published procurements on this page (oldest first).</summary>
    [HttpGet("releases")]
    [Produces("application/json")]
    [ProducesResponseType<JsonObject>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Releases(int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        if (page < 1 || pageSize is < 1 or > OcdsQueries.MaxPageSize)
        {
            ModelState.AddModelError(page < 1 ? nameof(page) : nameof(pageSize), $"Pages start at 1 and hold 1 to {OcdsQueries.MaxPageSize} procurements");
            return ValidationProblem(ModelState);
        }
        var (releases, more) = await queries.PageAsync(page, pageSize, ct);
        var package = OcdsReleases.Package(PageUrl(page, pageSize), PublishedDate(releases), await queries.PublisherAsync(ct), releases);
        if (more)
        {
            package["links"] = new JsonObject { ["next"] = PageUrl(page + 1, pageSize) };
        }
        return Ok(package);
    }

    /// <summary>A record package: the procurement with this ocid and all its releases; 404 for any ocid not published by this tenant.</summary>
    [HttpGet("records/{ocid}")]
    [Produces("application/json")]
    [ProducesResponseType<JsonObject>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult> Record(string ocid, CancellationToken ct)
    {
        if (await queries.RecordAsync(ocid, ct) is not { Count: > 0 } releases)
        {
            return NotFound();
        }
        return Ok(OcdsReleases.RecordPackage($"{Request.Scheme}://{Request.Host}{Request.Path}", PublishedDate(releases),
            await queries.PublisherAsync(ct), ocid, releases));
    }

    /// <summary>
    /// The bulk download: one release package of every release of the tenant, oldest procurement first, streamed a
    /// page of procurements at a time (the response is never held whole in memory). A package holds at least one
    /// release (the standard's schema), so a tenant that has published nothing answers 404.
    /// </summary>
    [HttpGet("bulk")]
    [ProducesResponseType<JsonObject>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult> Bulk(string tenant, CancellationToken ct)
    {
        await using var batches = queries.AllAsync(ct).GetAsyncEnumerator(ct);
        if (!await batches.MoveNextAsync() || batches.Current.Count == 0)
        {
            return Problem(statusCode: StatusCodes.Status404NotFound, title: "Nothing published yet",
                detail: "This organisation has not published a procurement or a market intent statement.");
        }
        var header = OcdsReleases.Package($"{Request.Scheme}://{Request.Host}{Request.Path}", DateTime.UtcNow, await queries.PublisherAsync(ct), []);
        Response.ContentType = "application/json; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{tenant}-ocds-releases.json\"";
        await using var writer = new Utf8JsonWriter(Response.Body);
        writer.WriteStartObject();
        foreach (var (name, value) in header.Where(p => p.Key != "releases"))
        {
            writer.WritePropertyName(name);
            value!.WriteTo(writer);
        }
        writer.WriteStartArray("releases");
        do
        {
            foreach (var release in batches.Current)
            {
                release.WriteTo(writer);
            }
            await writer.FlushAsync(ct);
        }
        while (await batches.MoveNextAsync());
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(ct);
        return new EmptyResult();
    }

    private string PageUrl(int page, int pageSize) => $"{Request.Scheme}://{Request.Host}{Request.Path}?page={page}&pageSize={pageSize}";

    /// <summary>The date of the latest release: the package changes only when a release is added.</summary>
    private static DateTime PublishedDate(IReadOnlyList<JsonObject> releases) =>
        releases.Count == 0 ? DateTime.UnixEpoch : releases.Max(r => DateTime.Parse(r["date"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal));
}

public static class OpenDataFeature
{
    /// <summary>OCDS release and record packages; the ocid prefix from configuration (<c>Ocds:OcidPrefix</c>).</summary>
    public static IServiceCollection AddOpenDataFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OcdsOptions>(configuration.GetSection("Ocds"));
        return services.AddScoped<OcdsQueries>();
    }
}
