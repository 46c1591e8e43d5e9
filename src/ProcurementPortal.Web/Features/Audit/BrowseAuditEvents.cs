using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Audit;

/// <summary>Filters of the audit log; dates are UK calendar days (27/3/2026 or 2026-03-27), both ends included.</summary>
public sealed record AuditQuery(string? Action, string? Actor, string? From, string? To, int Page = 1)
{
    public const int PageSize = 50;

    /// <summary>Events a page, 1 to 100 (the API's <c>pageSize</c>); the page shows <see cref="PageSize"/>.</summary>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "pageSize")]
    public int? Size { get; init; }
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy"];

    public int SafePage => Math.Max(1, Page);

    public DateOnly? FromDate => ParseDate(From);

    public DateOnly? ToDate => ParseDate(To);

    public Errors Validate() => new Errors()
        .Require(string.IsNullOrWhiteSpace(From) || FromDate is not null, nameof(From), "Enter a real start date, like 27/3/2026")
        .Require(string.IsNullOrWhiteSpace(To) || ToDate is not null, nameof(To), "Enter a real end date, like 27/3/2026")
        .Require(FromDate is null || ToDate is null || FromDate <= ToDate, nameof(To), "The end date must be the same as or after the start date")
        .Require(Page >= 1, nameof(Page), "Pages start at 1")
        .Require(Size is null or (>= 1 and <= PageRequest.MaxSize), "pageSize", $"A page holds 1 to {PageRequest.MaxSize} items");

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}

public sealed record AuditEventView(
    Guid Id, long Seq, DateTime OccurredAt, Guid? ActorUserId, string ActorName, string Action,
    string EntityType, string? EntityId, string? Summary);

public sealed record AuditPage(IReadOnlyList<AuditEventView> Events, int Page, int PageSize, int Total, IReadOnlyList<string> Actions)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The current chain's events, newest first (a tenant's when a tenant is set, else the platform's: the query filter
/// and row-level security decide, never this code).
/// </summary>
public sealed class BrowseAuditEvents(PortalDbContext db)
{
    public async Task<Outcome<AuditPage>> HandleAsync(AuditQuery query, CancellationToken ct)
    {
        var errors = query.Validate();
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var events = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            events = events.Where(e => e.Action == query.Action.Trim());
        }
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var pattern = "%" + query.Actor.Trim().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
            events = events.Where(e => EF.Functions.ILike(e.ActorName, pattern));
        }
        if (query.FromDate is { } from)
        {
            var start = UkTime.StartOfDayUtc(from);
            events = events.Where(e => e.OccurredAt >= start);
        }
        if (query.ToDate is { } to)
        {
            var end = UkTime.StartOfDayUtc(to.AddDays(1));
            events = events.Where(e => e.OccurredAt < end);
        }
        var size = query.Size ?? AuditQuery.PageSize;
        var total = await events.CountAsync(ct);
        var page = await events.OrderByDescending(e => e.Seq)
            .Skip((query.SafePage - 1) * size).Take(size)
            .Select(e => new AuditEventView(e.Id, e.Seq, e.OccurredAt, e.ActorUserId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Summary))
            .ToListAsync(ct);
        var actions = await db.AuditEvents.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
        return Outcome<AuditPage>.Ok(new AuditPage(page, query.SafePage, size, total, actions));
    }

    public Task<AuditEventView?> FindAsync(Guid id, CancellationToken ct) =>
        db.AuditEvents.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new AuditEventView(e.Id, e.Seq, e.OccurredAt, e.ActorUserId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Summary))
            .SingleOrDefaultAsync(ct);
}
