using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.Bids;
using ProcurementPortal.Core.Domain.MarketIntent;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.ActNotices;

/// <summary>One field of a notice as the central digital platform asks for it; no value means the officer must complete it.</summary>
public sealed record ActNoticeField(string Name, string? Value)
{
    public bool ToComplete => Value is null;
}

public sealed record ActNoticeSection(string Heading, IReadOnlyList<ActNoticeField> Fields);

/// <summary>A Procurement Act 2023 notice filled from the portal's records, to copy or post to Find a Tender.</summary>
/// <param name="Kind">The route's name: tender, contract-award or contract-details.</param>
/// <param name="Code">The platform's form: UK4, UK6 or UK7.</param>
public sealed record ActNotice(string Kind, string Code, string Title, string Legislation, IReadOnlyList<ActNoticeSection> Sections)
{
    public int ToComplete => Sections.Sum(s => s.Fields.Count(f => f.ToComplete));
}

/// <summary>
/// The three notices an officer publishes on the central digital platform for a competitive procurement, with the
/// fields the Procurement Regulations 2024 ask for: the tender notice (UK4, reg. 19 and 21 for frameworks), the
/// contract award notice (UK6, reg. 27) and the contract details notice (UK7, reg. 32). Every field the portal knows
/// is filled; the rest are named and left for the officer (<see cref="ActNoticeField.ToComplete"/>).
/// </summary>
public sealed class ActNoticeQueries(PortalDbContext db)
{
    public static readonly IReadOnlyList<string> Kinds = ["tender", "contract-award", "contract-details"];

    public async Task<IReadOnlyList<ActNotice>?> AllAsync(Guid procurementId, CancellationToken ct) =>
        await LoadAsync(procurementId, ct) is { } data ? [Tender(data), ContractAward(data), ContractDetails(data)] : null;

    public async Task<ActNotice?> OneAsync(Guid procurementId, string kind, CancellationToken ct) =>
        Kinds.Contains(kind) && await AllAsync(procurementId, ct) is { } all ? all.Single(n => n.Kind == kind) : null;

    private sealed record Data(
        Procurement Procurement, Organisation Buyer, DateTime? StatementPublishedAt, Core.Domain.Award.Award? Award, IReadOnlyList<AwardedBid> Ranked,
        IReadOnlyDictionary<Guid, Organisation> Suppliers, IReadOnlyList<Contract> Contracts, int BidsReceived);

    private async Task<Data?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.LoadWholeAsync(id, ct) is not { } p)
        {
            return null;
        }
        var buyer = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == p.TenantId, ct);
        var statement = await db.MarketIntentStatements.AsNoTracking()
            .Where(s => s.ProcurementId == id && s.Status == StatementStatus.Published).MinAsync(s => s.PublishedAt, ct);
        var award = await db.Awards.AsNoTracking().SingleOrDefaultAsync(a => a.ProcurementId == id, ct);
        var ranked = award is { Decision: ApprovalDecision.Approved }
            ? await db.AwardedBids.AsNoTracking().Where(b => b.ProcurementId == id).ToListAsync(ct)
            : [];
        var supplierIds = ranked.Where(b => b.Appointed).Select(b => b.ProviderId).Distinct().ToList();
        var suppliers = await db.Organisations.AsNoTracking().Where(o => supplierIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var contracts = await db.Contracts.AsNoTracking().Where(c => c.ProcurementId == id).OrderBy(c => c.Reference).ToListAsync(ct);
        // Only the count, and only once submissions have closed: never who bid while the tender is open.
        var received = p.State >= ProcurementState.SubmissionsClosed
            ? await db.Bids.CountAsync(b => b.ProcurementId == id && b.Status == BidStatus.Submitted, ct)
            : 0;
        return new Data(p, buyer, statement, award, ranked, suppliers, contracts, received);
    }

    private static string? ConditionsOfParticipation(Procurement p) =>
        p.Sections.OrderBy(s => s.Number).SelectMany(s => s.Questions.OrderBy(q => q.Number)).Where(q => q.Type == QuestionType.PassFail)
            .Select(q => q.Text).ToList() is { Count: > 0 } gates
            ? "Pass or fail: " + string.Join("; ", gates)
            : null;

    private static ActNotice Tender(Data d)
    {
        var p = d.Procurement;
        var lots = p.Lots.OrderBy(l => l.Number).ToList();
        var quality = 100m - p.PriceWeight;
        return new ActNotice("tender", "UK4", "Tender notice", "Procurement Act 2023 s.21; Procurement Regulations 2024 reg. 19 and 21",
        [
            Authority(d.Buyer),
            new("Procurement",
            [
                new("Procurement reference", p.Reference),
                new("Title", p.Title),
                new("Description", Text(p.Description)),
                new("Main category", "Services"),
                new("Common procurement vocabulary (CPV) code", p.CpvCode),
                new("Light touch contract (care and support services, Schedule 1 of the Regulations)", p.CpvCode?.StartsWith("85", StringComparison.Ordinal) == true ? "Yes" : null),
                new("Estimated value excluding VAT", p.EstimatedValue is { } value ? Money.Format(value) : null),
                new("Estimated annual value (budget)", p.AnnualBudget is { } budget ? Money.Format(budget) : null),
                new("Currency", "GBP"),
                new("Procedure", ProcedureText(p.ProcedureType)),
                new("Framework: maximum number of suppliers", lots.Count > 0 && lots.All(l => l.MaxProviders is not null) ? string.Join("; ", lots.Select(l => $"Lot {l.Number}: {l.MaxProviders}")) : null),
                new("Contract term", p.ContractTermMonths is { } months ? $"{months} months" : null),
                new("Options to extend", Text(p.ExtensionOptions)),
                new("Preliminary market engagement", d.StatementPublishedAt is { } engaged ? $"Yes: market intent statement published {UkTime.FormatDeadline(engaged)}" : null),
                // The tender's pass or fail questions are its conditions of participation (Procurement Act 2023 s.22).
                new("Conditions of participation", ConditionsOfParticipation(p)),
                new("Suitable for small and medium-sized enterprises and voluntary, community and social enterprises", null),
                new("Reserved contract (supported employment or public service mutuals)", null),
            ]),
            new("Lots",
            [
                new("Divided into lots", lots.Count > 0 ? $"Yes, {lots.Count}" : "No"),
                .. lots.Select(l => new ActNoticeField($"Lot {l.Number}",
                    $"{l.Name}: {Text(l.Description) ?? l.Area ?? ""}" + (l.AnnualBudget is { } lb ? $" (annual budget {Money.Format(lb)})" : ""))),
            ]),
            new("Award criteria",
            [
                new("Price", $"{p.PriceWeight:0.##}%"),
                new("Quality", $"{quality:0.##}%"),
                .. p.Sections.OrderBy(s => s.Number).SelectMany(s => s.Questions.OrderBy(q => q.Number)
                    .Where(q => q.Weight > 0)
                    .Select(q => new ActNoticeField($"Quality {s.Number}.{q.Number}", $"{q.Text} ({q.Weight:0.##}%)"))),
            ]),
            new("Timetable and submission",
            [
                new("Enquiry (clarification) deadline", p.ClarificationDeadline is { } c ? UkTime.FormatDeadline(c) : null),
                new("Tender submission deadline", p.SubmissionDeadline is { } s ? UkTime.FormatDeadline(s) : null),
                new("How to submit", "Electronically, through the portal"),
                new("Tender documents", "Published with the tender on the portal"),
                new("Award decision date (estimated)", null),
                new("Contract start date (estimated)", null),
            ]),
        ]);
    }

    private static ActNotice ContractAward(Data d)
    {
        var p = d.Procurement;
        var lots = p.Lots.OrderBy(l => l.Number).ToList();
        return new ActNotice("contract-award", "UK6", "Contract award notice", "Procurement Act 2023 s.50; Procurement Regulations 2024 reg. 27",
        [
            Authority(d.Buyer),
            new("Procurement",
            [
                new("Procurement reference", p.Reference),
                new("Title", p.Title),
                new("Description", Text(p.Description)),
                new("Common procurement vocabulary (CPV) code", p.CpvCode),
                new("Procedure", ProcedureText(p.ProcedureType)),
                new("Tender notice published", p.PublishedAt is { } published ? UkTime.FormatDeadline(published) : null),
                new("Tenders received", p.State >= ProcurementState.SubmissionsClosed ? d.BidsReceived.ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
            ]),
            .. lots.Select(l =>
            {
                var bids = d.Ranked.Where(b => b.LotId == l.Id).ToList();
                var appointed = bids.Where(b => b.Appointed).OrderBy(b => b.Rank).ToList();
                return new ActNoticeSection($"Lot {l.Number}: {l.Name}",
                [
                    new("Tenders assessed", bids.Count > 0 ? bids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
                    new("Suppliers to be awarded", appointed.Count > 0 ? string.Join("; ", appointed.Select(b => Supplier(d, b.ProviderId, b.ProviderName))) : null),
                    new("Estimated annual value", l.AnnualBudget is { } budget ? Money.Format(budget) : null),
                    new("Suppliers are SMEs or VCSEs", null),
                ]);
            }),
            new("Award and standstill",
            [
                new("Award decision approved", d.Award?.DecidedAt is { } decided ? UkTime.FormatDeadline(decided) : null),
                new("Assessment summaries sent", d.Award?.LettersSentAt is { } sent ? UkTime.FormatDeadline(sent) : null),
                new("Contract award notice published", d.Award?.NoticePublishedAt is { } notice ? UkTime.FormatDeadline(notice) : null),
                new("Standstill period ends (8 working days, s.51)", d.Award?.StandstillEndsAt is { } ends ? UkTime.FormatDeadline(ends) : null),
                new("Contract term", p.ContractTermMonths is { } months ? $"{months} months" : null),
                new("Options to extend", Text(p.ExtensionOptions)),
                new("Conflicts of interest assessment", null),
            ]),
        ]);
    }

    private static ActNotice ContractDetails(Data d)
    {
        var p = d.Procurement;
        return new ActNotice("contract-details", "UK7", "Contract details notice", "Procurement Act 2023 s.53; Procurement Regulations 2024 reg. 32",
        [
            Authority(d.Buyer),
            new("Procurement",
            [
                new("Procurement reference", p.Reference),
                new("Title", p.Title),
                new("Contract award notice published", d.Award?.NoticePublishedAt is { } notice ? UkTime.FormatDeadline(notice) : null),
                new("Date the contracts were entered into", d.Award?.AwardedAt is { } awarded ? UkTime.FormatDeadline(awarded) : null),
                new("Total value of the contracts", d.Contracts.Count > 0 ? Money.Format(d.Contracts.Sum(c => c.Value)) : null),
            ]),
            .. (d.Contracts.Count == 0
                ? [new ActNoticeSection("Contracts", [new("Contracts entered into", null)])]
                : d.Contracts.Select(c => new ActNoticeSection($"Contract {c.Reference}",
                [
                    new("Supplier", Supplier(d, c.ProviderId, c.ProviderName)),
                    new("Lot", c.LotName),
                    new("Value", Money.Format(c.Value)),
                    new("Start date", c.StartsOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))),
                    new("End date", c.EndsOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))),
                    new("Options to extend", Text(c.ExtensionOptions)),
                    new("Band rates", c.Rates.Count > 0 ? string.Join("; ", c.Rates.Select(r => $"{r.BandCode} {r.BandName} {Money.Format(r.Rate)} an {r.Unit.ToLowerInvariant()}")) : null),
                ]))),
            new("Performance and payment",
            [
                new("Key performance indicators (at least three for a contract over £5 million)", null),
                new("Payment terms", null),
                new("Copy of the contract (for a contract over £5 million)", null),
            ]),
        ]);
    }

    private static ActNoticeSection Authority(Organisation buyer) => new("Contracting authority",
    [
        new("Name", buyer.Name),
        new("Address", Text(string.Join(", ", new[] { buyer.AddressLine1, buyer.AddressLine2, buyer.Town, buyer.Postcode }.Where(x => !string.IsNullOrWhiteSpace(x))))),
        new("Contact", Text(buyer.ContactName)),
        new("Email", Text(buyer.ContactEmail)),
        new("Unique identifier (PPON)", null),
    ]);

    private static string Supplier(Data d, Guid? providerId, string name) =>
        providerId is { } id && d.Suppliers.GetValueOrDefault(id) is { } org
            ? name + (org.CompaniesHouseNumber is { Length: > 0 } coh ? $" (Companies House {coh})" : org.CharityNumber is { Length: > 0 } chc ? $" (charity {chc})" : "")
            : name;

    private static string ProcedureText(ProcedureType type) => type switch
    {
        ProcedureType.CompetitiveFlexible => "Competitive flexible procedure",
        ProcedureType.DynamicMarket => "Dynamic market",
        _ => "Open procedure (framework)",
    };

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
