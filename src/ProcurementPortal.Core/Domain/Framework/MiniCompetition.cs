using System.Text.Json.Serialization;

namespace ProcurementPortal.Core.Domain.Framework;

[JsonConverter(typeof(JsonStringEnumConverter<MiniCompetitionStatus>))]
public enum MiniCompetitionStatus
{
    /// <summary>Taking responses until <see cref="MiniCompetition.ClosesAt"/> (judged by the database clock), then scored.</summary>
    Open = 1,
    /// <summary>Awarded; the call-off contract is made when the standstill ends (at once when none applies).</summary>
    Awarded,
    /// <summary>The call-off contract is made.</summary>
    CalledOff,
}

/// <summary>Whether a standstill applies to a call-off's award, as the officer records it with a reason.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CallOffStandstill>))]
public enum CallOffStandstill
{
    /// <summary>The law requires a standstill for this award.</summary>
    Mandatory = 1,
    /// <summary>Not required, but the council applies one.</summary>
    Voluntary,
    /// <summary>No standstill: the call-off contract is made at once.</summary>
    None,
}

/// <summary>A need band the call-off involves, with the hours a week of it.</summary>
public sealed record CompetitionBand(string Code, string Name, decimal HoursPerWeek);

/// <summary>A short quality question and its weight within the quality share of the score.</summary>
public sealed record CompetitionQuestion(int Number, string Text, decimal Weight);

/// <summary>A member's rate for one band involved.</summary>
public sealed record BandRate(string Code, decimal Rate);

/// <summary>A member's answer to one question.</summary>
public sealed record CompetitionAnswer(int Number, string Text);

/// <summary>The officer's score (0–5) for one answer, with the justification.</summary>
public sealed record AnswerScore(int Number, int Score, string Justification);

/// <summary>
/// The officer's scores for one response, kept on the competition (officers never write a provider's row: ADR 015).
/// </summary>
public sealed record ResponseScores(Guid ResponseId, IReadOnlyList<AnswerScore> Scores, DateTime ScoredAt, string ScoredByName);

/// <summary>
/// A call-off by further competition among the active members of a lot of an awarded framework: the requirement, the
/// quality questions, a deadline by the database clock, and the price/quality weights taken from the framework's tender.
/// </summary>
public class MiniCompetition : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Reference { get; set; }
    public Guid ProcurementId { get; set; }
    public Guid FrameworkAgreementId { get; set; }
    public Guid LotId { get; set; }
    public required string LotName { get; set; }
    public required string Title { get; set; }
    public required string Requirements { get; set; }
    public List<CompetitionBand> Bands { get; set; } = [];
    public List<CompetitionQuestion> Questions { get; set; } = [];
    public DateOnly StartsOn { get; set; }
    /// <summary>The call-off's last day: the framework agreement's end.</summary>
    public DateOnly EndsOn { get; set; }
    /// <summary>The framework's price weight in percent; quality is the rest.</summary>
    public decimal PriceWeight { get; set; }
    public required string PriceFormula { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime ClosesAt { get; set; }
    public int MembersInvited { get; set; }
    public MiniCompetitionStatus Status { get; set; } = MiniCompetitionStatus.Open;
    public Guid StartedByUserId { get; set; }
    public required string StartedByName { get; set; }

    public Guid? WinnerResponseId { get; set; }
    public DateTime? AwardedAt { get; set; }
    public string? AwardedByName { get; set; }
    public CallOffStandstill? Standstill { get; set; }
    public string? StandstillReason { get; set; }
    /// <summary>The last working day of the standstill (Europe/London), when one applies.</summary>
    public DateOnly? StandstillLastDay { get; set; }
    /// <summary>Midnight at the end of <see cref="StandstillLastDay"/>, UTC: when the call-off is made.</summary>
    public DateTime? StandstillEndsAt { get; set; }
    public Guid? CallOffContractId { get; set; }
    public DateTime? CalledOffAt { get; set; }
    /// <summary>The officer's scores per response, once the deadline has passed.</summary>
    public List<ResponseScores> Scores { get; set; } = [];

    public decimal HoursPerWeek => Bands.Sum(b => b.HoursPerWeek);
}

/// <summary>
/// A member's response to a mini-competition: a rate per band involved (each no higher than its framework rate) and
/// answers to the questions; revised in place until the deadline. Provider-owned (ADR 015's provider locks).
/// </summary>
public class MiniCompetitionResponse : ITenantOwned, IProviderOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProviderId { get; set; }
    public Guid MiniCompetitionId { get; set; }
    public Guid MemberId { get; set; }
    public required string ProviderName { get; set; }
    public List<BandRate> Rates { get; set; } = [];
    public List<CompetitionAnswer> Answers { get; set; } = [];
    /// <summary>The database clock at the start of the transaction that received the latest revision.</summary>
    public DateTime ReceivedAt { get; set; }
    public int Revision { get; set; } = 1;
    public required string RespondedByName { get; set; }
}
