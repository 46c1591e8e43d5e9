using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.MarketIntent;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.MarketIntent;

public sealed record MilestoneView(string Label, int Year, int Month, int? Day, string Text);

public sealed record EngagementEventView(
    Guid Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string When,
    string? Venue, string? OnlineLink, int Capacity, int PlacesTaken, int Waiting,
    DateTimeOffset? RegistrationOpensAt, DateTimeOffset? RegistrationClosesAt, RegistrationWindow Registration)
{
    public bool IsFull => PlacesTaken >= Capacity;

    /// <summary>Why providers cannot register, in plain words; null while registration is open.</summary>
    public string? RegistrationClosedReason => Registration switch
    {
        RegistrationWindow.NotYetOpen => $"Registration for this event opens at {UkTime.Format(RegistrationOpensAt!.Value.UtcDateTime)} (UK time)",
        RegistrationWindow.Closed when RegistrationClosesAt is { } closes && closes < StartsAt =>
            $"Registration for this event closed at {UkTime.Format(closes.UtcDateTime)} (UK time)",
        RegistrationWindow.Closed => "Registration has closed: the event has started",
        _ => null,
    };

    /// <summary>When providers can register, as the event's details show it.</summary>
    public string RegistrationSummary => Registration switch
    {
        RegistrationWindow.Open => RegistrationClosesAt is { } closes && closes < StartsAt
            ? $"Open until {UkTime.Format(closes.UtcDateTime)}"
            : "Open until the event starts",
        RegistrationWindow.NotYetOpen => $"Opens at {UkTime.Format(RegistrationOpensAt!.Value.UtcDateTime)}"
            + (RegistrationClosesAt is { } until ? $", closes at {UkTime.Format(until.UtcDateTime)}" : ""),
        _ => "Closed",
    };
}

public sealed record StatementView(
    Guid Id, string Title, string BodyHtml, decimal? IndicativeValueMin, decimal? IndicativeValueMax,
    Guid? ProcurementId, string? ProcurementReference, StatementStatus Status, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<MilestoneView> Milestones, IReadOnlyList<EngagementEventView> Events, int ExpressionsOfInterest)
{
    /// <summary>"£1,200,000 to £1,500,000", "up to £1,500,000", or null.</summary>
    public string? ValueRange => RangeOf(IndicativeValueMin, IndicativeValueMax);

    public static string? RangeOf(decimal? min, decimal? max) => (min, max) switch
    {
        ({ } from, { } to) => $"{Money(from)} to {Money(to)}",
        (null, { } to) => $"up to {Money(to)}",
        ({ } from, null) => $"from {Money(from)}",
        _ => null,
    };

    public static string Money(decimal value) =>
        value.ToString(value == decimal.Truncate(value) ? "£#,##0" : "£#,##0.00", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}

public sealed record StatementSummary(Guid Id, string Title, StatementStatus Status, DateTimeOffset UpdatedAt, int Events);

public sealed record ProcurementOption(Guid Id, string Reference, string Title);

/// <summary>Reads of statements and their events, for officers (any status) and the public (published only).</summary>
public sealed class MarketIntentViews(PortalDbContext db)
{
    public async Task<List<StatementSummary>> ListAsync(CancellationToken ct) =>
        (await db.MarketIntentStatements.AsNoTracking()
            .OrderByDescending(s => s.UpdatedAt)
            .Select(s => new { s.Id, s.Title, s.Status, s.UpdatedAt, Events = s.Events.Count })
            .ToListAsync(ct))
        .Select(s => new StatementSummary(s.Id, s.Title, s.Status, UkEventTime.ToUkOffset(s.UpdatedAt), s.Events))
        .ToList();

    /// <summary>A statement of the current tenant; with <paramref name="publishedOnly"/>, only while it is published.</summary>
    public async Task<StatementView?> FindAsync(Guid id, bool publishedOnly, CancellationToken ct)
    {
        var statement = await db.MarketIntentStatements.AsNoTracking()
            .Include(s => s.Events).ThenInclude(e => e.Registrations)
            .SingleOrDefaultAsync(s => s.Id == id && (!publishedOnly || s.Status == StatementStatus.Published), ct);
        if (statement is null)
        {
            return null;
        }
        var reference = statement.ProcurementId is { } procurementId
            ? await db.Procurements.AsNoTracking().Where(p => p.Id == procurementId).Select(p => p.Reference).SingleOrDefaultAsync(ct)
            : null;
        var interest = await db.ExpressionsOfInterest.CountAsync(x => x.StatementId == id, ct);
        return ToView(statement, reference, interest);
    }

    public static StatementView ToView(MarketIntentStatement s, string? procurementReference, int expressionsOfInterest) => new(
        s.Id, s.Title, s.BodyHtml, s.IndicativeValueMin, s.IndicativeValueMax, s.ProcurementId, procurementReference, s.Status,
        s.PublishedAt is { } published ? UkEventTime.ToUkOffset(published) : null, UkEventTime.ToUkOffset(s.UpdatedAt),
        s.Milestones.OrderBy(m => m.SortDate).Select(m => new MilestoneView(m.Label, m.Year, m.Month, m.Day, m.ToString())).ToList(),
        s.Events.OrderBy(e => e.StartsAt).Select(e => ToView(e)).ToList(),
        expressionsOfInterest);

    /// <summary>The event as shown, with whether registration is open at <paramref name="now"/> (default: now).</summary>
    public static EngagementEventView ToView(EngagementEvent e, DateTime? now = null) => new(
        e.Id, e.Title, UkEventTime.ToUkOffset(e.StartsAt), UkEventTime.ToUkOffset(e.EndsAt), UkEventTime.Range(e.StartsAt, e.EndsAt),
        e.Venue, e.OnlineLink, e.Capacity,
        e.Registrations.Count(r => r.Status == RegistrationStatus.Confirmed),
        e.Registrations.Count(r => r.Status == RegistrationStatus.Waiting),
        e.RegistrationOpensAt is { } opens ? UkEventTime.ToUkOffset(opens) : null,
        e.RegistrationClosesAt is { } closes ? UkEventTime.ToUkOffset(closes) : null,
        e.RegistrationWindowAt(now ?? DateTime.UtcNow));

    /// <summary>The tenant's procurements a statement can lead to.</summary>
    public Task<List<ProcurementOption>> ProcurementOptionsAsync(CancellationToken ct) =>
        db.Procurements.AsNoTracking()
            .Where(p => p.State != ProcurementState.Cancelled)
            .OrderBy(p => p.Reference)
            .Select(p => new ProcurementOption(p.Id, p.Reference, p.Title))
            .ToListAsync(ct);

    /// <summary>How many engagement events of the tenant start between now and <paramref name="days"/> days from now.</summary>
    public Task<int> CountUpcomingEventsAsync(DateTime now, int days, CancellationToken ct) =>
        db.EngagementEvents.CountAsync(e => e.StartsAt >= now && e.StartsAt < now.AddDays(days), ct);
}
