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
    /// <summary>
    /// A release package: every release of the published procurements on this page (oldest first). A package holds at
    /// least one release (the standard's schema), so a tenant that has published nothing, or a page past the last,
    /// answers 404 (ADR 024).
    /// </summary>
    [HttpGet("releases")]
    [ProducesResponseType<JsonObject>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult> Releases([FromQuery] PageRequest paging, CancellationToken ct)
    {
        var (releases, total) = await queries.PageAsync(paging.Page, paging.PageSize, ct);
        if (releases.Count == 0)
        {
            return NothingToPackage(total == 0 ? null : $"Page {paging.Page} is past the last page of {paging.PageSize} procurements.");
        }
        Response.WritePageHeaders(paging, total);
        var package = OcdsReleases.Package(PageUrl(paging.Page, paging.PageSize), PublishedDate(releases), await queries.PublisherAsync(ct), releases);
        if (paging.Skip + paging.PageSize < total)
        {
            package["links"] = new JsonObject { ["next"] = PageUrl(paging.Page + 1, paging.PageSize) };
        }
        return Ok(package);
    }

    /// <summary>A record package: the procurement with this ocid and all its releases; 404 for any ocid not published by this tenant.</summary>
    [HttpGet("records/{ocid}")]
    [ProducesResponseType<JsonObject>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
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
            return NothingToPackage(null);
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

    /// <summary>The 404 for an empty package: nothing published yet, or (with a reason) a page past the last.</summary>
    private ObjectResult NothingToPackage(string? pastTheEnd) => pastTheEnd is null
        ? Problem(statusCode: StatusCodes.Status404NotFound, title: "Nothing published yet",
            detail: "This organisation has not published a procurement or a market intent statement.")
        : Problem(statusCode: StatusCodes.Status404NotFound, title: "No such page", detail: pastTheEnd);

    private string PageUrl(int page, int pageSize) => $"{Request.Scheme}://{Request.Host}{Request.Path}?page={page}&pageSize={pageSize}";

    /// <summary>The date of the latest release: the package changes only when a release is added.</summary>
    private static DateTime PublishedDate(IReadOnlyList<JsonObject> releases) =>
        releases.Max(r => DateTime.Parse(r["date"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal));
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
