namespace ProcurementPortal.Core.Demo;

/// <summary>
/// Northamptonshire's "Partnerships" proposal (equality impact assessment, budget number 16-001-17, Cabinet
/// 14 February 2017): the county and its CCGs jointly spend £83.6m a year on learning disability services, forecast
/// to rise to £97.4m by 2020, and c£60m on mental health; pooling and an outcome based strategic contract could save
/// up to £30m over 3–5 years. Its timetable: market intent statement, provider engagement events a month later, the
/// tender a year on, the award a month after that — shifted here to start this month.
/// </summary>
public static class NorthamptonshirePartnerships
{
    public const string Title = "Learning disability and mental health services: integrated commissioning with the CCGs";
    public const decimal IndicativeValueMin = 83_600_000m;
    public const decimal IndicativeValueMax = 97_400_000m;

    public const string Body =
        "<p>Northamptonshire County Council and the county's Clinical Commissioning Groups intend to commission learning disability and mental health services together.</p>" +
        "<p>Health and adult social care jointly spend <strong>£83.6m a year</strong> on learning disability services; on current trends this will rise to £97.4m by 2020 without better outcomes. We jointly spend about £60m a year on mental health.</p>" +
        "<p>We mean to pool our spend and procure an outcome based strategic contract through a prime provider, who will oversee a range of services through direct delivery, sub-contracting and community solutions. We expect to save up to £30m over three to five years.</p>" +
        "<p>Come to a provider engagement event to help shape the service model before we tender.</p>";

    /// <summary>The paper's milestones as months after the statement: issued, engagement events, tender, award, start.</summary>
    public static readonly (string Label, int MonthsAfter)[] Timetable =
    [
        ("Market intent statement issued", 0),
        ("Provider engagement events", 1),
        ("Tender published", 13),
        ("Contract award", 14),
        ("Contracts start", 17),
    ];

    public const string EventTitle = "Provider engagement event, Northampton";
    public const string EventVenue = "One Angel Square, Angel Street, Northampton NN1 1ED";
    public const int EventCapacity = 40;
}
