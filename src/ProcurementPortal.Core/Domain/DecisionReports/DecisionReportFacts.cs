using ProcurementPortal.Core.Calendar;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.MarketIntent;
using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.Core.Domain.DecisionReports;

/// <summary>
/// What a decision report computes rather than lets anyone type: the savings, the pooled split, the engagement
/// record, the timetable and the key-decision dates. Built from the subject's data; frozen at approval.
/// </summary>
public sealed record DecisionReportFacts(
    string SubjectReference,
    string SubjectTitle,
    ReportSavings? Savings,
    decimal? PooledAmount,
    IReadOnlyList<PoolShare> PooledSplit,
    IReadOnlyList<EngagementRecord> Events,
    IReadOnlyList<InterestRecord> ExpressionsOfInterest,
    IReadOnlyList<TimetableEntry> Timetable,
    KeyDecisionDates KeyDecision,
    WaiverFacts? Waiver = null)
{
    /// <summary>The subject's reference of every waiver report (a waiver has no reference of its own).</summary>
    public const string WaiverReference = "Waiver";

    /// <summary>
    /// The facts of a waiver report, from the contracts it extends as the register holds them now and their extension
    /// history: each new end date and the value the extension adds, the totals, and the key-decision dates for that value.
    /// </summary>
    public static DecisionReportFacts ForWaiver(
        DecisionReport report, IReadOnlyList<Contract> contracts, IReadOnlyList<ContractExtension> extensions, DateOnly? decisionDate, decimal keyDecisionThreshold)
    {
        var waiver = report.Waiver ?? new WaiverDetails();
        var months = waiver.ExtensionMonths;
        var rows = waiver.Contracts
            .Select(w => contracts.FirstOrDefault(c => c.Id == w.ContractId))
            .OfType<Contract>()
            .Select(c => new WaivedContractFacts(c.Id, c.Reference, c.Title, c.ProviderName, c.StartsOn, c.EndsOn, c.Value, c.AnnualValue,
                months > 0 ? ContractTerms.Extend(c.EndsOn, months) : c.EndsOn,
                months > 0 ? ContractTerms.ProRata(c.AnnualValue, months) : 0m,
                extensions.Where(x => x.ContractId == c.Id).OrderBy(x => x.RecordedAt)
                    .Select(x => new ExtensionRecord(x.PreviousEndsOn, x.NewEndsOn, x.AddedValue, x.Authority)).ToList()))
            .ToList();
        var facts = new WaiverFacts(months, waiver.ExemptionCode, waiver.ExemptionText, rows,
            rows.Sum(r => r.Value), rows.Sum(r => r.AnnualValue), rows.Sum(r => r.ExtensionValue));
        var savings = DecisionFigures.Savings(rows.Count > 0 ? facts.TotalAnnualValue : null, report.BudgetReductionPercent, months > 0 ? months : null);
        var key = DecisionFigures.KeyDecision(rows.Count > 0 ? facts.TotalExtensionValue : null, keyDecisionThreshold, decisionDate);
        var timetable = rows.SelectMany(r => new[]
            {
                new TimetableEntry(r.EndsOn, $"{r.Reference} {r.Provider}: the contract ends now"),
                new TimetableEntry(r.NewEndsOn, $"{r.Reference} {r.Provider}: the contract ends if extended"),
            })
            .Concat(KeyDates(key))
            .OrderBy(e => e.Date)
            .ToList();
        var title = rows.Count == 1 ? "Extension of one contract" : $"Extension of {rows.Count} contracts";
        return new DecisionReportFacts(WaiverReference, months > 0 ? $"{title} by {months} months" : title, savings, null, [], [], [], timetable, key, facts);
    }

    /// <summary>The facts of a report about a procurement, from the procurement and the statements that led to it.</summary>
    public static DecisionReportFacts ForProcurement(
        Procurement procurement, IReadOnlyList<MarketIntentStatement> statements, IReadOnlyList<ExpressionOfInterest> interests,
        decimal? reductionPercent, DateOnly? decisionDate, decimal keyDecisionThreshold)
    {
        var savings = DecisionFigures.Savings(procurement.CurrentAnnualSpend ?? procurement.AnnualBudget, reductionPercent, procurement.ContractTermMonths);
        var annual = savings?.NewBudget ?? procurement.AnnualBudget ?? procurement.CurrentAnnualSpend;
        var pooledAmount = procurement.PooledPartners.Count > 0 ? annual : null;
        var value = procurement.EstimatedValue
            ?? (annual is { } a && procurement.ContractTermMonths is { } months ? Math.Round(a * months / 12m, 0, MidpointRounding.AwayFromZero) : annual);
        var key = DecisionFigures.KeyDecision(value, keyDecisionThreshold, decisionDate);
        var events = statements.SelectMany(s => s.Events).OrderBy(e => e.StartsAt).Select(e => new EngagementRecord(
            e.Title, e.StartsAt, e.EndsAt, e.Venue ?? e.OnlineLink, e.Capacity,
            e.Registrations.Count(r => r.Status == RegistrationStatus.Confirmed),
            e.Registrations.Count(r => r.Status == RegistrationStatus.Waiting))).ToList();
        var eois = interests.OrderBy(i => i.SubmittedAt)
            .Select(i => new InterestRecord(i.ProviderName, i.AreasOfInterest, i.CapacityHoursPerWeek, i.SubmittedAt)).ToList();
        return new DecisionReportFacts(procurement.Reference, procurement.Title, savings, pooledAmount,
            DecisionFigures.PooledSplit(procurement.PooledPartners.Select(p => (p.Name, p.SharePercent)).ToList(), pooledAmount),
            events, eois, TimetableOf(procurement, statements, key), key);
    }

    private static List<TimetableEntry> TimetableOf(Procurement procurement, IReadOnlyList<MarketIntentStatement> statements, KeyDecisionDates key)
    {
        var entries = new List<TimetableEntry>();
        foreach (var statement in statements)
        {
            if (statement.PublishedAt is { } published) entries.Add(new(UkDay(published), $"Market intent statement published: {statement.Title}"));
            entries.AddRange(statement.Milestones.Select(m => new TimetableEntry(m.SortDate, m.Label, m.Day is null)));
            entries.AddRange(statement.Events.Select(e => new TimetableEntry(UkDay(e.StartsAt), $"Provider engagement event: {e.Title}")));
        }
        if (procurement.PublishedAt is { } tender) entries.Add(new(UkDay(tender), "Tender published"));
        if (procurement.ClarificationDeadline is { } questions) entries.Add(new(UkDay(questions), "Clarification questions close"));
        if (procurement.SubmissionDeadline is { } bids) entries.Add(new(UkDay(bids), "Tenders due"));
        entries.AddRange(KeyDates(key));
        return entries.OrderBy(e => e.Date).ToList();
    }

    private static IEnumerable<TimetableEntry> KeyDates(KeyDecisionDates key)
    {
        if (key.ForwardPlanNoticeBy is { } notice) yield return new(notice, "Key decision on the forward plan by");
        if (key.DecisionDate is { } decision) yield return new(decision, "Decision");
        if (key.CallInEnds is { } callIn) yield return new(callIn, "Call-in period ends");
    }

    private static DateOnly UkDay(DateTime utc) => DateOnly.FromDateTime(UkEventTime.ToUkOffset(utc).DateTime);
}

/// <param name="CurrentBudget">Today's annual spend on the services (else the procurement's budget): the base of the cut.</param>
/// <param name="SavingOverTerm">The annual saving over the contract term, when the term is known.</param>
public sealed record ReportSavings(decimal CurrentBudget, decimal ReductionPercent, decimal NewBudget, decimal Saving, int? TermMonths, decimal? SavingOverTerm);

/// <param name="TotalExtensionValue">What the extensions add: the contracts' annual values over the months added.</param>
public sealed record WaiverFacts(
    int ExtensionMonths, string? ExemptionCode, string ExemptionText, IReadOnlyList<WaivedContractFacts> Contracts,
    decimal TotalValue, decimal TotalAnnualValue, decimal TotalExtensionValue)
{
    public DateOnly? LatestNewEndsOn => Contracts.Count > 0 ? Contracts.Max(c => c.NewEndsOn) : null;
}

public sealed record WaivedContractFacts(
    Guid ContractId, string Reference, string Title, string Provider, DateOnly StartsOn, DateOnly EndsOn, decimal Value, decimal AnnualValue,
    DateOnly NewEndsOn, decimal ExtensionValue, IReadOnlyList<ExtensionRecord> History);

public sealed record ExtensionRecord(DateOnly PreviousEndsOn, DateOnly NewEndsOn, decimal AddedValue, string Authority);

public sealed record PoolShare(string Partner, decimal SharePercent, decimal? Amount);

/// <param name="Registered">Provider organisations with a confirmed place; <paramref name="Waiting"/> on the waiting list.</param>
public sealed record EngagementRecord(string Title, DateTime StartsAt, DateTime EndsAt, string? Place, int Capacity, int Registered, int Waiting);

public sealed record InterestRecord(string Provider, string AreasOfInterest, int CapacityHoursPerWeek, DateTime SubmittedAt);

/// <param name="MonthOnly">A milestone given as a month ("December 2017"), shown without a day.</param>
public sealed record TimetableEntry(DateOnly Date, string Label, bool MonthOnly = false);

/// <param name="Value">The value compared with the tenant's threshold: the procurement's estimated value, else the annual budget over the term.</param>
public sealed record KeyDecisionDates(decimal? Value, decimal Threshold, bool IsKeyDecision, DateOnly? DecisionDate, DateOnly? ForwardPlanNoticeBy, DateOnly? CallInEnds);

/// <summary>The arithmetic of a decision report, each rule once.</summary>
public static class DecisionFigures
{
    /// <summary>Clear days between the forward plan notice and a key decision (the 2012 access to information regulations, reg. 9).</summary>
    public const int ForwardPlanClearDays = 28;

    /// <summary>Clear working days after a decision is published during which it may be called in.</summary>
    public const int CallInClearWorkingDays = 5;

    /// <summary>
    /// A cut of <paramref name="reductionPercent"/> to <paramref name="currentBudget"/>. Budgets are set in whole pounds,
    /// as the papers set them: the saving is rounded to the pound and the new budget is what remains (Leeds CBMHS:
    /// £1,334,697 less 10% is £1,201,227, a saving of £133,470).
    /// </summary>
    public static ReportSavings? Savings(decimal? currentBudget, decimal? reductionPercent, int? termMonths)
    {
        if (currentBudget is not { } budget || reductionPercent is not { } percent)
        {
            return null;
        }
        var saving = Math.Round(budget * percent / 100m, 0, MidpointRounding.AwayFromZero);
        return new ReportSavings(budget, percent, budget - saving, saving, termMonths,
            termMonths is { } months ? Math.Round(saving * months / 12m, 0, MidpointRounding.AwayFromZero) : null);
    }

    /// <summary>
    /// Each partner's part of a pooled amount by its share, to the pound; the last partner takes what rounding leaves,
    /// so the parts always add up to the whole (Lambeth IPSA: CCG 57.6%, Council 42.4%).
    /// </summary>
    public static List<PoolShare> PooledSplit(IReadOnlyList<(string Name, decimal SharePercent)> partners, decimal? amount)
    {
        var shares = new List<PoolShare>();
        var allotted = 0m;
        for (var i = 0; i < partners.Count; i++)
        {
            var (name, percent) = partners[i];
            decimal? part = amount is { } whole
                ? i == partners.Count - 1 ? whole - allotted : Math.Round(whole * percent / 100m, 0, MidpointRounding.AwayFromZero)
                : null;
            allotted += part ?? 0m;
            shares.Add(new PoolShare(name, percent, part));
        }
        return shares;
    }

    /// <summary>
    /// A key decision is one above the tenant's threshold. Its notice must be on the forward plan 28 clear days before
    /// the decision (published on a working day); the call-in period ends 5 clear working days after it.
    /// </summary>
    public static KeyDecisionDates KeyDecision(decimal? value, decimal threshold, DateOnly? decisionDate)
    {
        var isKey = value is { } v && v > threshold;
        var dated = decisionDate is { } d && UkCalendar.CoversDecisionOn(d) ? d : (DateOnly?)null;
        return new KeyDecisionDates(value, threshold, isKey, decisionDate,
            isKey && dated is { } notice ? UkCalendar.LatestNoticeDay(notice, ForwardPlanClearDays) : null,
            dated is { } callIn ? UkCalendar.EndOfClearWorkingDays(callIn, CallInClearWorkingDays) : null);
    }
}
