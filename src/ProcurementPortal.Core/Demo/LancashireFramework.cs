using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.Core.Demo;

/// <summary>
/// The Lancashire mental health care and support framework (Cabinet Member report, 12 October 2015): lots East,
/// North and Central; 6,500 hours of support a week today at £12.17–£17.96 an hour, £6.8m a year. The four need
/// bands, their ceilings and the split of hours are this portal's demo figures. Used by the demo data and the tests.
/// </summary>
public static class LancashireFramework
{
    public const string Title = "Mental Health Care and Support Framework";

    /// <summary>The framework's first round, awarded in the demo: its members take packages of care while the next round is tendered.</summary>
    public const string FirstRoundTitle = "Mental Health Care and Support Framework: first round";

    public const decimal CurrentAnnualSpend = 6_800_000m;
    public const decimal AnnualBudget = 6_000_000m;

    public static readonly (string Name, decimal HoursPerWeek)[] Lots = [("East", 2000m), ("North", 1500m), ("Central", 3000m)];

    public static readonly (string Code, string Name, decimal Ceiling, decimal Share)[] Bands =
    [
        ("B1", "Low support", 14.50m, 0.40m),
        ("B2", "Medium support", 15.75m, 0.30m),
        ("B3", "High support", 16.90m, 0.20m),
        ("B4", "Complex needs", 17.96m, 0.10m),
    ];

    /// <summary>A lot's bands as a demo tender enters them: paid by the hour, the lot's hours a year split by the bands' shares.</summary>
    public static IReadOnlyList<DemoBand> DemoBands(decimal hoursPerWeek) =>
        Bands.Select(b => new DemoBand(b.Code, b.Name, $"{b.Name}: hours of support a week set by the assessment", "Hour", b.Ceiling, hoursPerWeek * 52m * b.Share)).ToList();

    /// <summary>The framework as a draft procurement whose deadlines are 2 and 4 weeks after <paramref name="utcNow"/>.</summary>
    public static Procurement Build(DateTime utcNow)
    {
        var procurement = new Procurement
        {
            Title = Title,
            Description = "Care and support for adults with mental health needs, in their own homes and supported accommodation.",
            CpvCode = "85312000-9",
            CurrentAnnualSpend = CurrentAnnualSpend,
            AnnualBudget = AnnualBudget,
            PriceWeight = 40m,
            ClarificationDeadline = utcNow.AddDays(14),
            SubmissionDeadline = utcNow.AddDays(28),
        };
        var number = 1;
        foreach (var (name, hours) in Lots)
        {
            var lot = new Lot { Number = number++, Name = name, Area = $"{name} Lancashire", MaxProviders = 8 };
            foreach (var (code, bandName, ceiling, share) in Bands)
            {
                lot.Bands.Add(new FeeBand { Code = code, Name = bandName, CeilingRate = ceiling, ExpectedAnnualVolume = hours * 52m * share });
            }
            procurement.Lots.Add(lot);
        }
        var section = new EvaluationSection { Number = 1, Title = "Quality" };
        section.Questions.Add(new EvaluationQuestion { Number = 1, Text = "CQC registration", Type = QuestionType.PassFail });
        section.Questions.Add(Scored(1, "How will you promote recovery and rehabilitation?", 30m));
        section.Questions.Add(Scored(2, "How will you recruit and keep staff in each lot?", 20m));
        section.Questions.Add(Scored(3, "How will you work with the integrated mental health teams?", 10m));
        procurement.Sections.Add(section);
        return procurement;
    }

    private static EvaluationQuestion Scored(int number, string text, decimal weight) => new()
    {
        Number = number + 1,
        Text = text,
        Type = QuestionType.Scored,
        Weight = weight,
        MinimumScore = 2,
        ScoreDescriptors = ["No response", "Poor", "Weak", "Satisfactory", "Good", "Excellent"],
    };
}
