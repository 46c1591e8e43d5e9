using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Core.Domain.MarketIntent;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.MarketIntent;

public sealed record MilestoneInput(string? Label, int? Year, int? Month, int? Day);

/// <summary>A statement as the API sends it (typed values); the page sends a <see cref="StatementForm"/>.</summary>
public sealed record StatementCommand(
    string? Title, string? Body, decimal? IndicativeValueMin, decimal? IndicativeValueMax, Guid? ProcurementId,
    List<MilestoneInput>? Milestones)
{
    public const int MaxMilestones = 12;
    public const int MaxBodyLength = 20_000;

    public Errors Validate()
    {
        var errors = new Errors()
            .RequireText(Title, nameof(Title), "the title", 300)
            .Require(!string.IsNullOrWhiteSpace(StatementBody.PlainText(StatementBody.Sanitise(Body))), nameof(Body), "Enter what you intend to buy and why")
            .Require(Body is null || Body.Length <= MaxBodyLength, nameof(Body), $"The statement must be {MaxBodyLength:N0} characters or fewer")
            .Require(IndicativeValueMin is not < 0, nameof(IndicativeValueMin), "The lowest indicative value must be £0 or more")
            .Require(IndicativeValueMax is not < 0, nameof(IndicativeValueMax), "The highest indicative value must be £0 or more")
            .Require(IndicativeValueMin is null || IndicativeValueMax is null || IndicativeValueMin <= IndicativeValueMax,
                nameof(IndicativeValueMax), "The highest indicative value must be the same as or more than the lowest");
        var milestones = Milestones ?? [];
        errors.Require(milestones.Count <= MaxMilestones, nameof(Milestones), $"Give {MaxMilestones} milestones or fewer");
        for (var i = 0; i < milestones.Count; i++)
        {
            ValidateMilestone(errors, milestones[i], $"{nameof(Milestones)}[{i}]");
        }
        return errors;
    }

    private static void ValidateMilestone(Errors errors, MilestoneInput m, string prefix)
    {
        var name = string.IsNullOrWhiteSpace(m.Label) ? $"milestone {prefix[(prefix.IndexOf('[') + 1)..^1]}" : m.Label.Trim();
        errors.RequireText(m.Label, $"{prefix}.{nameof(m.Label)}", "what the milestone is", 100);
        if (m.Month is not (>= 1 and <= 12))
        {
            errors.Add($"{prefix}.{nameof(m.Month)}", $"Enter the month of {name}, from 1 to 12");
        }
        if (m.Year is not (>= 2000 and <= 2100))
        {
            errors.Add($"{prefix}.{nameof(m.Year)}", $"Enter the year of {name}, like 2017");
        }
        else if (m.Month is >= 1 and <= 12 && m.Day is { } day && (day < 1 || day > DateTime.DaysInMonth(m.Year.Value, m.Month.Value)))
        {
            errors.Add($"{prefix}.{nameof(m.Day)}", $"The day of {name} must be a real day of that month, or left blank");
        }
    }

    /// <summary>Copies the validated statement onto the entity, body sanitised.</summary>
    public void ApplyTo(MarketIntentStatement statement, DateTime now)
    {
        statement.Title = Title!.Trim();
        statement.BodyHtml = StatementBody.Sanitise(Body);
        statement.IndicativeValueMin = IndicativeValueMin;
        statement.IndicativeValueMax = IndicativeValueMax;
        statement.ProcurementId = ProcurementId;
        statement.Milestones = (Milestones ?? [])
            .Select(m => new Milestone { Label = m.Label!.Trim(), Year = m.Year!.Value, Month = m.Month!.Value, Day = m.Day })
            .OrderBy(m => m.SortDate)
            .ToList();
        statement.UpdatedAt = now;
    }

    /// <summary>The linked procurement must be one of this tenant's (the query filter hides any other).</summary>
    public async Task CheckProcurementAsync(PortalDbContext db, Errors errors, CancellationToken ct)
    {
        if (ProcurementId is { } id && !await db.Procurements.AnyAsync(p => p.Id == id, ct))
        {
            errors.Add(nameof(ProcurementId), "Choose one of your procurements, or none");
        }
    }
}

public sealed class MilestoneForm
{
    public string? Label { get; set; }
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Label) && string.IsNullOrWhiteSpace(Day)
        && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);
}

/// <summary>The statement page's fields, as typed: amounts may carry £ and commas, and blank milestone rows are ignored.</summary>
public sealed class StatementForm
{
    public const int MilestoneRows = 6;

    public string? Title { get; set; }
    public string? Body { get; set; }
    public string? IndicativeValueMin { get; set; }
    public string? IndicativeValueMax { get; set; }
    public string? ProcurementId { get; set; }
    public List<MilestoneForm> Milestones { get; set; } = [];

    public static StatementForm From(StatementView s) => new StatementForm
    {
        Title = s.Title,
        Body = s.BodyHtml,
        IndicativeValueMin = s.IndicativeValueMin?.ToString(CultureInfo.InvariantCulture),
        IndicativeValueMax = s.IndicativeValueMax?.ToString(CultureInfo.InvariantCulture),
        ProcurementId = s.ProcurementId?.ToString(),
        Milestones = s.Milestones.Select(m => new MilestoneForm
        {
            Label = m.Label, Day = m.Day?.ToString(CultureInfo.InvariantCulture),
            Month = m.Month.ToString(CultureInfo.InvariantCulture), Year = m.Year.ToString(CultureInfo.InvariantCulture),
        }).ToList(),
    }.WithBlankRows();

    /// <summary>Pads the milestones with blank rows to fill in.</summary>
    public StatementForm WithBlankRows()
    {
        while (Milestones.Count < MilestoneRows)
        {
            Milestones.Add(new MilestoneForm());
        }
        return this;
    }

    /// <summary>The command the fields make, and the errors of the fields that are not numbers at all.</summary>
    public (StatementCommand Command, Errors Errors) ToCommand()
    {
        var errors = new Errors();
        var min = FormValues.Money(IndicativeValueMin, nameof(IndicativeValueMin), "lowest indicative value", errors);
        var max = FormValues.Money(IndicativeValueMax, nameof(IndicativeValueMax), "highest indicative value", errors);
        Guid? procurement = Guid.TryParse(ProcurementId, out var id) ? id : null;
        // Rows keep their index so that an error points at the row the officer filled in.
        var rows = Milestones.Select((m, i) => (m, i)).Where(r => !r.m.IsBlank).ToList();
        var milestones = rows.Select(r => new MilestoneInput(r.m.Label,
            FormValues.Whole(r.m.Year, $"Milestones[{r.i}].Year", "year", errors),
            FormValues.Whole(r.m.Month, $"Milestones[{r.i}].Month", "month", errors),
            FormValues.Whole(r.m.Day, $"Milestones[{r.i}].Day", "day", errors))).ToList();
        var command = new StatementCommand(Title, Body, min, max, procurement, milestones);
        // The command's errors name rows by their place among the filled-in ones: give them back the page's row.
        var unreadable = errors.ToDictionary().Keys.ToHashSet();
        foreach (var (field, messages) in command.Validate().ToDictionary())
        {
            var key = field.StartsWith("Milestones[", StringComparison.Ordinal)
                ? $"Milestones[{rows[int.Parse(field[11..field.IndexOf(']')], CultureInfo.InvariantCulture)].i}]{field[(field.IndexOf(']') + 1)..]}"
                : field;
            foreach (var message in unreadable.Contains(key) ? [] : messages)
            {
                errors.Add(key, message);
            }
        }
        return (command, errors);
    }
}

/// <summary>Reading numbers as people type them into a form.</summary>
public static class FormValues
{
    public static decimal? Money(string? value, string field, string what, Errors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var cleaned = value.Trim().Replace("£", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        if (decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && decimal.Round(amount, 2) == amount)
        {
            return amount;
        }
        errors.Add(field, $"Enter the {what} as an amount in pounds, like 1,200,000 or 1,200,000.50");
        return null;
    }

    public static int? Whole(string? value, string field, string what, Errors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        errors.Add(field, $"The {what} must be a number");
        return null;
    }
}

/// <summary>An officer writes a new statement; it starts as a draft that only the tenant's members can see.</summary>
public sealed class CreateStatement(PortalDbContext db, AuditLog audit, MarketIntentViews views, IActor actor, TimeProvider clock)
{
    public async Task<Outcome<StatementView>> HandleAsync(StatementCommand command, CancellationToken ct)
    {
        var errors = command.Validate();
        await command.CheckProcurementAsync(db, errors, ct);
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var statement = new MarketIntentStatement { Title = "", CreatedAt = now, CreatedByUserId = actor.UserId };
        command.ApplyTo(statement, now);
        db.MarketIntentStatements.Add(statement);
        audit.Record("market-intent.created", nameof(MarketIntentStatement), statement.Id, $"Draft statement: {statement.Title}");
        await db.SaveChangesAsync(ct);
        return Outcome<StatementView>.Ok((await views.FindAsync(statement.Id, publishedOnly: false, ct))!);
    }
}
