using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace ProcurementPortal.Web.Infrastructure;

/// <summary>
/// The paging of every API list (docs/api.md): <c>page</c> from 1, <c>pageSize</c> from 1 to <see cref="MaxSize"/>
/// (default <see cref="DefaultSize"/>); out of range is a 400 validation problem, as any bad query value.
/// </summary>
public sealed record PageRequest
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    /// <summary>The page, from 1.</summary>
    [FromQuery(Name = "page")]
    [Range(1, int.MaxValue, ErrorMessage = "Pages start at 1")]
    public int Page { get; init; } = 1;

    /// <summary>How many items a page holds, from 1 to 100.</summary>
    [FromQuery(Name = "pageSize")]
    [Range(1, MaxSize, ErrorMessage = "A page holds 1 to 100 items")]
    public int PageSize { get; init; } = DefaultSize;

    public int Skip => (Page - 1) * PageSize;
}

public static class Paging
{
    /// <summary>
    /// The headers every paged list answers with, whatever its body: <c>X-Total-Count</c> (items in all pages) and a
    /// <c>Link</c> header (RFC 8288) to the first, previous, next and last pages that exist.
    /// </summary>
    public static void WritePageHeaders(this HttpResponse response, PageRequest paging, long total)
    {
        var request = response.HttpContext.Request;
        var last = (int)Math.Max(1, (total + paging.PageSize - 1) / paging.PageSize);
        string Url(int page)
        {
            var query = QueryHelpers.ParseQuery(request.QueryString.Value)
                .Where(q => !q.Key.Equals("page", StringComparison.OrdinalIgnoreCase) && !q.Key.Equals("pageSize", StringComparison.OrdinalIgnoreCase))
                .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
                .Append(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Append(new("pageSize", paging.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return QueryHelpers.AddQueryString($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}", query);
        }
        var links = new List<string> { $"<{Url(1)}>; rel=\"first\"" };
        if (paging.Page > 1)
        {
            links.Add($"<{Url(Math.Min(paging.Page - 1, last))}>; rel=\"prev\"");
        }
        if (paging.Page < last)
        {
            links.Add($"<{Url(paging.Page + 1)}>; rel=\"next\"");
        }
        links.Add($"<{Url(last)}>; rel=\"last\"");
        response.Headers["X-Total-Count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers.Link = string.Join(", ", links);
    }

    /// <summary>One page of a list that is read whole (a tenant's own short lists), with the paging headers.</summary>
    public static List<T> Page<T>(this ControllerBase controller, IEnumerable<T> all, PageRequest paging)
    {
        var items = all as IReadOnlyCollection<T> ?? all.ToList();
        controller.Response.WritePageHeaders(paging, items.Count);
        return items.Skip(paging.Skip).Take(paging.PageSize).ToList();
    }
}
