using System.Text.Json.Serialization;

namespace ProcurementPortal.Core.Domain.MarketIntent;

/// <summary>A provider engagement event of a statement: a time, a place or an online link, and a number of places.</summary>
public class EngagementEvent : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid StatementId { get; set; }

    public required string Title { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public string? Venue { get; set; }
    public string? OnlineLink { get; set; }
    /// <summary>Places: one per provider organisation; registrations beyond it wait.</summary>
    public int Capacity { get; set; }

    /// <summary>The start time the day-before reminder was sent for; a moved event is reminded again.</summary>
    public DateTime? ReminderSentForStartsAt { get; set; }

    /// <summary>When providers may start to register; null: as soon as the statement is published.</summary>
    public DateTime? RegistrationOpensAt { get; set; }
    /// <summary>When registration closes; null: when the event starts.</summary>
    public DateTime? RegistrationClosesAt { get; set; }
    /// <summary>The opening time the opening job recorded; a moved opening is recorded again.</summary>
    public DateTime? RegistrationOpenedFor { get; set; }
    /// <summary>The closing time the closing job recorded (and reported to the officer); a moved close is reported again.</summary>
    public DateTime? RegistrationClosedFor { get; set; }

    public List<EventRegistration> Registrations { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public uint RowVersion { get; set; }

    /// <summary>When the reminder is due: a day before the start.</summary>
    public DateTime ReminderDueAt => StartsAt.AddDays(-1);

    /// <summary>Registration ends at its closing time, or when the event starts if that comes first.</summary>
    public DateTime RegistrationEndsAt =>
        RegistrationClosesAt is { } closes && closes < StartsAt ? closes : StartsAt;

    /// <summary>
    /// Whether providers may register at <paramref name="now"/>: the stored times decide, so a job that fires late
    /// never lets anyone in after the close (the jobs record and report the change; they do not cause it).
    /// </summary>
    public RegistrationWindow RegistrationWindowAt(DateTime now) =>
        RegistrationOpensAt is { } opens && now < opens ? RegistrationWindow.NotYetOpen
        : now >= RegistrationEndsAt ? RegistrationWindow.Closed
        : RegistrationWindow.Open;

    /// <summary>The reminder is sent once per start time, from its due time until the event starts.</summary>
    public bool ReminderIsDue(DateTime now, TimeSpan earlyTolerance) =>
        ReminderSentForStartsAt != StartsAt && now >= ReminderDueAt - earlyTolerance && now < StartsAt;
}

[JsonConverter(typeof(JsonStringEnumConverter<RegistrationWindow>))]
public enum RegistrationWindow
{
    NotYetOpen = 1,
    Open,
    Closed,
}

[JsonConverter(typeof(JsonStringEnumConverter<RegistrationStatus>))]
public enum RegistrationStatus
{
    Confirmed = 1,
    Waiting,
    Cancelled,
}

/// <summary>A provider organisation's registration for an engagement event, made by one of its people.</summary>
public class EventRegistration : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid EventId { get; set; }
    public Guid ProviderId { get; set; }
    public required string ProviderName { get; set; }
    public Guid RegisteredByUserId { get; set; }
    public required string AttendeeName { get; set; }
    public required string AttendeeEmail { get; set; }
    public RegistrationStatus Status { get; set; }
    public DateTime RegisteredAt { get; set; }
    public DateTime? PromotedAt { get; set; }
    public DateTime? CancelledAt { get; set; }

    public bool IsActive => Status != RegistrationStatus.Cancelled;
}

/// <summary>A provider's expression of interest in a published statement, with its answers to the short questionnaire.</summary>
public class ExpressionOfInterest : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid StatementId { get; set; }
    public Guid ProviderId { get; set; }
    public required string ProviderName { get; set; }
    public Guid SubmittedByUserId { get; set; }
    public required string ContactEmail { get; set; }
    /// <summary>The lots or areas the provider is interested in, in its own words.</summary>
    public required string AreasOfInterest { get; set; }
    /// <summary>Hours of support a week the provider could take on now.</summary>
    public int CapacityHoursPerWeek { get; set; }
    public string? Comment { get; set; }
    public DateTime SubmittedAt { get; set; }
}
