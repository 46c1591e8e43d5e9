using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.Web.Features.Procurements;

public sealed record ProcurementSummary(Guid Id, string Reference, string Title, string State, DateTimeOffset? SubmissionDeadline);

public sealed record ProcurementResponse(
    Guid Id, string Reference, string Title, string Description, string? CpvCode, string ProcedureType, string State,
    decimal? EstimatedValue, decimal? AnnualBudget, decimal? CurrentAnnualSpend, int? ContractTermMonths, string? ExtensionOptions,
    string CeilingBreachRule, decimal PriceWeight, string PriceFormula,
    DateTimeOffset? ClarificationDeadline, DateTimeOffset? SubmissionDeadline, DateTimeOffset? PublishedAt,
    IReadOnlyList<PooledPartnerDto> PooledPartners, IReadOnlyList<LotResponse> Lots, IReadOnlyList<SectionDto> Sections)
{
    public static ProcurementResponse From(Procurement p) => new(
        p.Id, p.Reference, p.Title, p.Description, p.CpvCode, p.ProcedureType.ToString(), p.State.ToString(),
        p.EstimatedValue, p.AnnualBudget, p.CurrentAnnualSpend, p.ContractTermMonths, p.ExtensionOptions,
        p.CeilingBreachRule.ToString(), p.PriceWeight, p.PriceFormula,
        Utc(p.ClarificationDeadline), Utc(p.SubmissionDeadline), Utc(p.PublishedAt),
        p.PooledPartners.Select(x => new PooledPartnerDto(x.Name, x.SharePercent)).ToList(),
        p.Lots.OrderBy(l => l.Number).Select(LotResponse.From).ToList(),
        p.Sections.OrderBy(s => s.Number).Select(SectionDto.From).ToList());

    public static DateTimeOffset? Utc(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}

public sealed record PooledPartnerDto(string Name, decimal SharePercent);

public sealed record LotResponse(Guid Id, int Number, string Name, string Description, string? Area, int? MaxProviders, decimal? AnnualBudget, IReadOnlyList<BandResponse> Bands)
{
    public static LotResponse From(Lot l) => new(l.Id, l.Number, l.Name, l.Description, l.Area, l.MaxProviders, l.AnnualBudget,
        l.Bands.OrderBy(b => b.Code).Select(BandResponse.From).ToList());
}

public sealed record BandResponse(Guid Id, string Code, string Name, string NeedDescription, string Unit, decimal? CeilingRate, decimal ExpectedAnnualVolume)
{
    public static BandResponse From(FeeBand b) => new(b.Id, b.Code, b.Name, b.NeedDescription, b.Unit.ToString(), b.CeilingRate, b.ExpectedAnnualVolume);
}

public sealed record SectionDto(string Title, IReadOnlyList<QuestionDto> Questions)
{
    public static SectionDto From(EvaluationSection s) => new(s.Title,
        s.Questions.OrderBy(q => q.Number).Select(q => new QuestionDto(q.Text, q.Type.ToString(), q.Weight, q.MinimumScore, q.WordLimit, q.ScoreDescriptors, q.LotIds, q.Attachments.ToString())).ToList());
}

/// <param name="Attachments">None (default), Allowed or Required: whether a bidder may attach files to its answer.</param>
public sealed record QuestionDto(string Text, string Type, decimal Weight, int? MinimumScore, int? WordLimit, IReadOnlyList<string>? ScoreDescriptors, IReadOnlyList<Guid>? LotIds, string? Attachments = null);

public sealed record TransitionResponse(string From, string To, bool Changed);
