using System.Globalization;
using System.Text.RegularExpressions;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.MarketIntent;
using ProcurementPortal.Core.Jobs;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.MarketIntent;

/// <summary>
/// An engagement event as the API sends it: times in ISO 8601 with their offset (UK time is shown back). Providers
/// may register from <see cref="RegistrationOpensAt"/> (default: at once) until <see cref="RegistrationClosesAt"/>
/// (default: the start of the event).
/// </summary>
public sealed record EngagementEventCommand(
    string? Title, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Venue, string? OnlineLink, int? Capacity,
    DateTimeOffset? RegistrationOpensAt = null, DateTimeOffset? RegistrationClosesAt = null)
{
    public const int MaxCapacity = 10_000;

    public Errors Validate(DateTime now, int placesTaken = 0)
    {
        var errors = new Errors()
            .RequireText(Title, nameof(Title), "the name of the event")
            .Require(StartsAt is not null, nameof(StartsAt), "Enter the date and start time of the event")
            .Require(StartsAt is null || StartsAt.Value.UtcDateTime > now, nameof(StartsAt), "The event must start in the future")
            .Require(EndsAt is not null, nameof(EndsAt), "Enter the end time of the event")
            .Require(StartsAt is null || EndsAt is null || EndsAt > StartsAt, nameof(EndsAt), "The event must end after it starts")
            .Require(!string.IsNullOrWhiteSpace(Venue) || !string.IsNullOrWhiteSpace(OnlineLink), nameof(Venue), "Enter the venue, an online link, or both")
            .LimitText(Venue, nameof(Venue), "the venue", 500)
            .Require(string.IsNullOrWhiteSpace(OnlineLink) || IsWebAddress(OnlineLink), nameof(OnlineLink), "Enter the online link as a web address, like https://meet.example.org/event")
            .LimitText(OnlineLink, nameof(OnlineLink), "the online link", 500)
            .Require(RegistrationOpensAt is null || StartsAt is null || RegistrationOpensAt < StartsAt, nameof(RegistrationOpensAt),
                "Registration must open before the event starts")
            .Require(RegistrationClosesAt is null || StartsAt is null || RegistrationClosesAt <= StartsAt, nameof(RegistrationClosesAt),
                "Registration must close no later than the start of the event")
            .Require(RegistrationOpensAt is null || RegistrationClosesAt is null || RegistrationClosesAt > RegistrationOpensAt, nameof(RegistrationClosesAt),
                "Registration must close after it opens");
        if (Capacity is null)
        {
            errors.Add(nameof(Capacity), "Enter the number of places");
        }
        else if (Capacity < Math.Max(1, placesTaken) || Capacity > MaxCapacity)
        {
            errors.Add(nameof(Capacity), placesTaken > 1
                ? $"The number of places must be at least {placesTaken}, the places already taken"
                : $"The number of places must be from 1 to {MaxCapacity:N0}");
        }
        return errors;
    }

    public void ApplyTo(EngagementEvent engagement)
    {
        engagement.Title = Title!.Trim();
        engagement.StartsAt = StartsAt!.Value.UtcDateTime;
        engagement.EndsAt = EndsAt!.Value.UtcDateTime;
        engagement.Venue = FieldRules.Clean(Venue);
        engagement.OnlineLink = FieldRules.Clean(OnlineLink);
        engagement.Capacity = Capacity!.Value;
        engagement.RegistrationOpensAt = RegistrationOpensAt?.UtcDateTime;
        engagement.RegistrationClosesAt = RegistrationClosesAt?.UtcDateTime;
    }

    private static bool IsWebAddress(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";
}

/// <summary>The event page's fields, as typed: a UK date in three boxes and clock times like 10:00 or 2:30pm.</summary>
public sealed partial class EngagementEventForm
{
    public string? Title { get; set; }
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }
    public string? StartTime { get; set; }
    public string? EndTime { get; set; }
    public string? Venue { get; set; }
    public string? OnlineLink { get; set; }
    public string? Capacity { get; set; }
    public UkDateTimeInput RegistrationOpensAt { get; set; } = new();
    public UkDateTimeInput RegistrationClosesAt { get; set; } = new();

    public static EngagementEventForm From(EngagementEventView e) => new()
    {
        Title = e.Title,
        Day = e.StartsAt.Day.ToString(CultureInfo.InvariantCulture),
        Month = e.StartsAt.Month.ToString(CultureInfo.InvariantCulture),
        Year = e.StartsAt.Year.ToString(CultureInfo.InvariantCulture),
        StartTime = e.StartsAt.ToString("HH:mm", CultureInfo.InvariantCulture),
        EndTime = e.EndsAt.ToString("HH:mm", CultureInfo.InvariantCulture),
        Venue = e.Venue,
        OnlineLink = e.OnlineLink,
        Capacity = e.Capacity.ToString(CultureInfo.InvariantCulture),
        RegistrationOpensAt = UkDateTimeInput.From(e.RegistrationOpensAt?.UtcDateTime),
        RegistrationClosesAt = UkDateTimeInput.From(e.RegistrationClosesAt?.UtcDateTime),
    };

    /// <summary>
    /// The command the fields make, and every error the page should show at once: fields that cannot be read, and
    /// the command's own checks on the others (named by the page's fields).
    /// </summary>
    public (EngagementEventCommand Command, Errors Errors) ToCommand(DateTime now)
    {
        var errors = new Errors();
        var day = FormValues.Whole(Day, nameof(Day), "day", errors);
        var month = FormValues.Whole(Month, nameof(Month), "month", errors);
        var year = FormValues.Whole(Year, nameof(Year), "year", errors);
        DateOnly? date = null;
        if (day is null || month is null || year is null)
        {
            if (errors.IsEmpty) // no part was unreadable, so a part is missing
            {
                errors.Add(nameof(Day), "Enter the date of the event, like 5 12 2026");
            }
        }
        else if (year is < 2000 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year.Value, month.Value))
        {
            errors.Add(nameof(Day), "The date of the event must be a real date");
        }
        else
        {
            date = new DateOnly(year.Value, month.Value, day.Value);
        }
        var startsAt = UkInstant(date, StartTime, nameof(StartTime), "start time", errors);
        var endsAt = UkInstant(date, EndTime, nameof(EndTime), "end time", errors);
        var capacity = FormValues.Whole(Capacity, nameof(Capacity), "number of places", errors);
        var opens = RegistrationOpensAt.Read(errors, nameof(RegistrationOpensAt), "opening of registration");
        var closes = RegistrationClosesAt.Read(errors, nameof(RegistrationClosesAt), "close of registration");
        var command = new EngagementEventCommand(Title, startsAt, endsAt, Venue, OnlineLink, capacity, opens, closes);
        var unreadable = errors.ToDictionary().Keys.ToHashSet();
        var timesUnreadable = unreadable.Overlaps([nameof(Day), nameof(Month), nameof(Year), nameof(StartTime), nameof(EndTime)]);
        foreach (var (field, messages) in command.Validate(now).ToDictionary())
        {
            var onPage = FieldFor(field);
            if (unreadable.Contains(onPage) || (timesUnreadable && field is nameof(command.StartsAt) or nameof(command.EndsAt)))
            {
                continue;
            }
            foreach (var message in messages)
            {
                errors.Add(onPage, message);
            }
        }
        return (command, errors);
    }

    /// <summary>The page's field for each of the command's fields.</summary>
    public static string FieldFor(string commandField) => commandField switch
    {
        nameof(EngagementEventCommand.StartsAt) => nameof(Day),
        nameof(EngagementEventCommand.EndsAt) => nameof(EndTime),
        _ => commandField,
    };

    private static DateTimeOffset? UkInstant(DateOnly? date, string? value, string field, string what, Errors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"Enter the {what}, like 10:00 or 2:30pm");
            return null;
        }
        if (ReadClock(value) is not { } time)
        {
            errors.Add(field, $"Enter the {what} as a time, like 10:00 or 2:30pm");
            return null;
        }
        if (date is null)
        {
            return null;
        }
        if (UkEventTime.ToUtc(date.Value, time) is not { } utc)
        {
            errors.Add(field, $"The {what} does not exist in UK time that day (the clocks go forward): choose another time");
            return null;
        }
        return new DateTimeOffset(utc);
    }

    /// <summary>Reads 14:30, 9:05, 10.30, 10am, 2:30pm, 12pm (midday).</summary>
    private static TimeOnly? ReadClock(string value)
    {
        var match = Clock().Match(value.Trim().ToLowerInvariant());
        if (!match.Success)
        {
            return null;
        }
        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        if (match.Groups["ampm"].Success)
        {
            if (hour is < 1 or > 12)
            {
                return null;
            }
            hour = hour % 12 + (match.Groups["ampm"].Value == "pm" ? 12 : 0);
        }
        else if (!match.Groups["m"].Success)
        {
            return null;
        }
        return hour < 24 && minute < 60 ? new TimeOnly(hour, minute) : null;
    }

    [GeneratedRegex(@"^(?<h>\d{1,2})(?:[:.](?<m>\d{2}))?\s*(?<ampm>am|pm)?$")]
    private static partial Regex Clock();
}

/// <summary>
/// An officer adds an engagement event to a statement. The day-before reminder is scheduled once the event is saved,
/// with the tenant and event ids as its arguments.
/// </summary>
public sealed class ScheduleEvent(
    PortalDbContext db, AuditLog audit, ITenantContext tenant, IBackgroundJobClient jobs, TimeProvider clock)
{
    public async Task<Outcome<EngagementEventView>> HandleAsync(Guid statementId, EngagementEventCommand command, CancellationToken ct)
    {
        if (!await db.MarketIntentStatements.AnyAsync(s => s.Id == statementId, ct))
        {
            return Outcome<EngagementEventView>.NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = command.Validate(now);
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var engagement = new EngagementEvent { Title = "", StatementId = statementId, CreatedAt = now };
        command.ApplyTo(engagement);
        db.EngagementEvents.Add(engagement);
        audit.Record("engagement-event.scheduled", nameof(EngagementEvent), engagement.Id,
            $"{engagement.Title}: {UkEventTime.Range(engagement.StartsAt, engagement.EndsAt)}, {engagement.Capacity} places");
        await db.SaveChangesAsync(ct);
        EngagementEventReminder.Schedule(jobs, tenant.TenantId!.Value, engagement);
        EngagementRegistrationJobs.Schedule(jobs, tenant.TenantId!.Value, engagement);
        return Outcome<EngagementEventView>.Ok(MarketIntentViews.ToView(engagement));
    }
}
