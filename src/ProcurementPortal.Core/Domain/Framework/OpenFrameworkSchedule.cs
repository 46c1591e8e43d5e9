using System.Globalization;
using System.Text.Json.Serialization;

namespace ProcurementPortal.Core.Domain.Framework;

[JsonConverter(typeof(JsonStringEnumConverter<SchemeDueKind>))]
public enum SchemeDueKind
{
    /// <summary>A planned reopening is near.</summary>
    ReopeningDue = 1,
    /// <summary>The latest day the law allows for the next framework's award is near.</summary>
    LatestAward,
}

/// <summary>Something the officers must do about a scheme by <see cref="DueOn"/>.</summary>
public sealed record SchemeDue(SchemeDueKind Kind, DateOnly DueOn, string Text);

/// <summary>
/// The open framework's timing rules, Procurement Act 2023 s.49: the second framework must be awarded within the period
/// of 3 years beginning with the day the first was awarded, each later one within 5 years beginning with the day the
/// previous one was awarded, and the scheme must end within 8 years beginning with the day the first was awarded.
/// "Beginning with" counts the first day: 3 years from 15 January 2026 ends on 14 January 2029.
/// </summary>
public static class OpenFrameworkSchedule
{
    public const int FirstReopeningYears = 3;
    public const int ReopeningYears = 5;
    public const int SchemeYears = 8;
    /// <summary>How long before a due date the officers are warned.</summary>
    public const int WarningDays = 60;

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The last day of the period of <paramref name="years"/> years beginning with <paramref name="day"/>.</summary>
    public static DateOnly LastDayOf(DateOnly day, int years) => day.AddYears(years).AddDays(-1);

    /// <summary>The last day the scheme may run.</summary>
    public static DateOnly LatestEnd(DateOnly firstAward) => LastDayOf(firstAward, SchemeYears);

    /// <summary>The latest day the next framework may be awarded, after the last award so far (the first, or a round's).</summary>
    public static DateOnly LatestNextAward(DateOnly firstAward, DateOnly? lastRoundAward) =>
        lastRoundAward is { } last ? LastDayOf(last, ReopeningYears) : LastDayOf(firstAward, FirstReopeningYears);

    /// <summary>
    /// Every reason a scheme's end and planned reopenings break the rules, keyed by the field to correct: an end past
    /// 8 years, a reopening outside the scheme, out of order, or a gap longer than the law allows (3 years to the first
    /// reopening, 5 between reopenings and from the last reopening to the end). Empty when the schedule is lawful.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(DateOnly firstAward, IReadOnlyList<DateOnly> reopenings, DateOnly endsOn)
    {
        var problems = new List<(string, string)>();
        var latestEnd = LatestEnd(firstAward);
        if (endsOn > latestEnd)
        {
            problems.Add(("EndsOn", $"An open framework must end within 8 years of the first award ({Day(firstAward)}): the last day it may run is {Day(latestEnd)}"));
        }
        if (endsOn <= firstAward)
        {
            problems.Add(("EndsOn", $"The scheme must end after the first award ({Day(firstAward)})"));
        }
        if (reopenings.Count == 0)
        {
            problems.Add(("Reopenings", $"Plan at least one reopening: the second framework must be awarded by {Day(LastDayOf(firstAward, FirstReopeningYears))}"));
            return problems;
        }
        var previous = firstAward;
        for (var i = 0; i < reopenings.Count; i++)
        {
            var day = reopenings[i];
            if (day <= previous)
            {
                problems.Add(("Reopenings", $"Reopening {i + 1} ({Day(day)}) must come after {(i == 0 ? "the first award" : $"reopening {i}")} ({Day(previous)})"));
            }
            else if (day >= endsOn)
            {
                problems.Add(("Reopenings", $"Reopening {i + 1} ({Day(day)}) must come before the scheme ends ({Day(endsOn)})"));
            }
            var years = i == 0 ? FirstReopeningYears : ReopeningYears;
            var latest = LastDayOf(previous, years);
            if (day > latest)
            {
                problems.Add(("Reopenings", i == 0
                    ? $"The first reopening must be within 3 years of the first award: by {Day(latest)}, not {Day(day)}"
                    : $"Reopening {i + 1} must be within 5 years of reopening {i}: by {Day(latest)}, not {Day(day)}"));
            }
            previous = day;
        }
        if (endsOn > LastDayOf(previous, ReopeningYears) && endsOn <= latestEnd)
        {
            problems.Add(("Reopenings", $"The scheme runs more than 5 years after the last reopening ({Day(previous)}): plan another reopening or end it by {Day(LastDayOf(previous, ReopeningYears))}"));
        }
        return problems;
    }

    /// <summary>
    /// What is due within <see cref="WarningDays"/> days of <paramref name="today"/> (or overdue): the next planned
    /// reopening not yet started (a round started counts for the earliest planned one), and the latest lawful day for
    /// the next award while the scheme runs past it.
    /// </summary>
    public static IReadOnlyList<SchemeDue> Due(DateOnly firstAward, IReadOnlyList<DateOnly> reopenings, DateOnly endsOn, int roundsStarted, DateOnly? lastRoundAward, DateOnly today)
    {
        var due = new List<SchemeDue>();
        if (today > endsOn)
        {
            return due;
        }
        var horizon = today.AddDays(WarningDays);
        if (reopenings.Order().Skip(roundsStarted).FirstOrDefault() is var next && next != default && next <= horizon)
        {
            due.Add(new SchemeDue(SchemeDueKind.ReopeningDue, next, $"Reopening planned for {Day(next)}: start the round"));
        }
        var latest = LatestNextAward(firstAward, lastRoundAward);
        if (latest < endsOn && latest <= horizon)
        {
            due.Add(new SchemeDue(SchemeDueKind.LatestAward, latest, $"The next framework must be awarded by {Day(latest)} (Procurement Act 2023 s.49)"));
        }
        return due;
    }

    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", English);
}
