using System.Globalization;
using System.Text.Json.Serialization;

namespace ProcurementPortal.Core.Domain.MarketIntent;

[JsonConverter(typeof(JsonStringEnumConverter<StatementStatus>))]
public enum StatementStatus
{
    Draft = 1,
    Published,
    Withdrawn,
}

/// <summary>
/// A market intent statement (preliminary market engagement notice): what the commissioner means to buy, the
/// indicative value, the timetable and the engagement events providers can register for. The public sees it only
/// while it is published.
/// </summary>
public class MarketIntentStatement : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }

    public required string Title { get; set; }
    /// <summary>Sanitised HTML: simple formatting only.</summary>
    public string BodyHtml { get; set; } = "";
    public decimal? IndicativeValueMin { get; set; }
    public decimal? IndicativeValueMax { get; set; }
    /// <summary>The procurement this statement leads to, once there is one.</summary>
    public Guid? ProcurementId { get; set; }

    /// <summary>The officer who wrote the statement: told, for instance, how many registered when an event's registration closes.</summary>
    public Guid? CreatedByUserId { get; set; }

    public StatementStatus Status { get; set; } = StatementStatus.Draft;
    public DateTime? PublishedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<Milestone> Milestones { get; set; } = [];
    public List<EngagementEvent> Events { get; set; } = [];

    public bool IsPublished => Status == StatementStatus.Published;

    /// <summary>Publishing shows the statement on the public notices page and in the feed.</summary>
    public void Publish(DateTime now)
    {
        Status = StatementStatus.Published;
        PublishedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Unpublishing withdraws the statement from the public; it can be published again.</summary>
    public void Withdraw(DateTime now)
    {
        Status = StatementStatus.Withdrawn;
        UpdatedAt = now;
    }
}

/// <summary>
/// One step of a statement's timetable. Statements often give a month only ("tender: December 2017"), so the day
/// is optional.
/// </summary>
public class Milestone
{
    public required string Label { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public int? Day { get; set; }

    [JsonIgnore]
    public DateOnly SortDate => new(Year, Month, Day ?? 1);

    public override string ToString()
    {
        var english = CultureInfo.GetCultureInfo("en-GB");
        return Day is { } day
            ? new DateOnly(Year, Month, day).ToString("d MMMM yyyy", english)
            : new DateOnly(Year, Month, 1).ToString("MMMM yyyy", english);
    }
}
