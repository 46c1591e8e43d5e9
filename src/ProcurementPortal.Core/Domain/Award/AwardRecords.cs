using System.Text.Json.Serialization;

namespace ProcurementPortal.Core.Domain.Award;

/// <summary>Which standstill rule a procurement follows; set per procurement (old procurements finish under the old rules).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StandstillRegime>))]
public enum StandstillRegime
{
    /// <summary>Procurement Act 2023 s.51: 8 working days beginning with the day the contract award notice is published.</summary>
    ProcurementAct2023 = 1,
    /// <summary>Public Contracts Regulations 2015 reg. 87: 10 calendar days from the day after the letters are sent.</summary>
    PublicContractsRegulations2015,
}

[JsonConverter(typeof(JsonStringEnumConverter<ApprovalDecision>))]
public enum ApprovalDecision
{
    Approved = 1,
    Rejected,
}

/// <summary>
/// The award of one procurement: the officer's recommendation, the approver's decision, the letters, the contract
/// award notice and the standstill that follows it, and any challenge that pauses it.
/// </summary>
public class Award : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProcurementId { get; set; }
    public StandstillRegime Regime { get; set; } = StandstillRegime.ProcurementAct2023;

    public Guid RecommendedByUserId { get; set; }
    public required string RecommendedByName { get; set; }
    public DateTime RecommendedAt { get; set; }

    public Guid? DecidedByUserId { get; set; }
    public string? DecidedByName { get; set; }
    public ApprovalDecision? Decision { get; set; }
    public string? DecisionComments { get; set; }
    public DateTime? DecidedAt { get; set; }

    /// <summary>Letters to write (N) and written so far (n) by the bulk job.</summary>
    public int LettersTotal { get; set; }
    public int LettersDone { get; set; }
    public DateTime? LettersSentAt { get; set; }
    /// <summary>The day (Europe/London) the officer means to publish the contract award notice; the letters date the standstill from it.</summary>
    public DateOnly? PlannedNoticeOn { get; set; }

    public DateTime? NoticePublishedAt { get; set; }
    /// <summary>The instant the standstill ends (midnight at the end of its last day, Europe/London), stored UTC.</summary>
    public DateTime? StandstillEndsAt { get; set; }
    public DateTime? ChallengeRecordedAt { get; set; }
    public string? ChallengeDetails { get; set; }
    public DateTime? AwardedAt { get; set; }
}

/// <summary>One bid's place in one lot's award: from the evaluation's ranking, and whether the officer appoints it.</summary>
public class AwardedBid : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProcurementId { get; set; }
    public Guid LotId { get; set; }
    public Guid BidId { get; set; }
    public Guid ProviderId { get; set; }
    public required string ProviderName { get; set; }
    public int? Rank { get; set; }
    public decimal TotalScore { get; set; }
    public decimal EvaluatedPrice { get; set; }
    /// <summary>Recommended by the ranking (up to the lot's maximum number of providers).</summary>
    public bool RankingRecommends { get; set; }
    /// <summary>Appointed by the officer's recommendation; differs from the ranking only with a recorded reason.</summary>
    public bool Appointed { get; set; }
    public string? DepartureReason { get; set; }
}

/// <summary>
/// An assessment summary (Procurement Act 2023 s.50) for one bidder and one lot, as the PDF that was sent: kept with
/// its SHA-256 so what the bidder received can be proven later. Tenant-owned and written by the tenant's job (no
/// provider acts then, so it is not provider-owned); the provider's pages read only letters addressed to their own
/// organisations (<c>ProviderLetters</c>), as with the other tenant rows a provider reads (ADR 010).
/// </summary>
public class AwardLetter : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProviderId { get; set; }
    public Guid ProcurementId { get; set; }
    public Guid LotId { get; set; }
    public Guid BidId { get; set; }
    public bool Successful { get; set; }
    public required string FileName { get; set; }
    public byte[] Pdf { get; set; } = [];
    public required string Sha256 { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A lot's framework agreement, made on award with the providers appointed to it.</summary>
public class FrameworkAgreement : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProcurementId { get; set; }
    public Guid LotId { get; set; }
    public required string Title { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A band rate agreed in the sealed bid, carried into the contract.</summary>
public sealed record AgreedRate(string BandCode, string BandName, string Unit, decimal Rate);

/// <summary>
/// The contract register's row: a provider's contract under a lot's framework agreement, made on award; or a contract
/// let before the portal (or outside it), recorded by an officer so that it can be extended, waived and reminded of
/// like the others — such a contract has no procurement, framework agreement, lot or provider account.
/// </summary>
public class Contract : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid? ProcurementId { get; set; }
    public Guid? FrameworkAgreementId { get; set; }
    public Guid? LotId { get; set; }
    public Guid? ProviderId { get; set; }
    public required string Reference { get; set; }
    public required string Title { get; set; }
    public required string ProviderName { get; set; }
    public required string LotName { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public string? ExtensionOptions { get; set; }
    /// <summary>The evaluated annual price × the term in years (for a recorded contract, its value as let).</summary>
    public decimal Value { get; set; }
    /// <summary>What the contract costs a year: the evaluated annual price, or as recorded. An extension costs this pro rata.</summary>
    public decimal AnnualValue { get; set; }
    public List<AgreedRate> Rates { get; set; } = [];
    /// <summary>A call-off's need band (null for a framework's own contract and a recorded one): what spend against the plan counts it under.</summary>
    public string? CallOffBandCode { get; set; }
    /// <summary>A call-off's hours a week, from the package request or direct award it was made from.</summary>
    public decimal? HoursPerWeek { get; set; }
    /// <summary>A call-off's weekly value: hourly rate × hours per week (<see cref="Framework.CallOffValue"/>).</summary>
    public decimal? WeeklyValue { get; set; }
    /// <summary>Who is reminded before the end (the officer who recommended the award).</summary>
    public Guid OwnerUserId { get; set; }
    public DateTime? Reminded6MonthsAt { get; set; }
    public DateTime? Reminded3MonthsAt { get; set; }
    public DateTime? Reminded1MonthAt { get; set; }
    /// <summary>How many extension options (in order) the owner was reminded of before their decision date.</summary>
    public int ExtensionRemindersSent { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// One extension of a contract's end date, with the authority for it (e.g. the approved waiver report): the contract's
/// extension history. Recorded when the extension is decided; the contract's end moves with it.
/// </summary>
public class ContractExtension : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ContractId { get; set; }
    public DateOnly PreviousEndsOn { get; set; }
    public DateOnly NewEndsOn { get; set; }
    /// <summary>What the extension adds to the contract's value: its annual value over the added months.</summary>
    public decimal AddedValue { get; set; }
    /// <summary>The decision that allowed it, as the register shows it (e.g. "Waiver report … version 1, approved").</summary>
    public required string Authority { get; set; }
    public Guid? DecisionReportId { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string RecordedByName { get; set; }
}

/// <summary>The arithmetic of extending a contract, each rule once.</summary>
public static class ContractTerms
{
    /// <summary>
    /// The new last day after extending by whole months: a term that ends on the last day of a period ends on the last
    /// day of the extended one (31 March + 12 months = 31 March; 30 September + 6 months = 31 March).
    /// </summary>
    public static DateOnly Extend(DateOnly endsOn, int months) => endsOn.AddDays(1).AddMonths(months).AddDays(-1);

    /// <summary>The annual value over <paramref name="months"/> months, to the penny.</summary>
    public static decimal ProRata(decimal annualValue, int months) =>
        Math.Round(annualValue * months / 12m, 2, MidpointRounding.AwayFromZero);
}

/// <summary>A day a tenant adds to the shipped bank holidays (e.g. a new royal occasion), skipped as a working day.</summary>
public class TenantNonWorkingDay : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public DateOnly Day { get; set; }
    public required string Name { get; set; }
}
