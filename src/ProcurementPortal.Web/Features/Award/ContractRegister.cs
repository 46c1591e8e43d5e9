using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Calendar;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Award;

/// <summary>Filter and order of the register: by provider or lot name (contains), and one of the sort keys.</summary>
public sealed record ContractFilter(string? Provider = null, string? Lot = null, string? Sort = null);

public sealed record ContractRow(
    Guid Id, string Reference, string Title, string ProviderName, string LotName, DateOnly StartsOn, DateOnly EndsOn,
    string? ExtensionOptions, decimal Value, IReadOnlyList<AgreedRate> Rates);

/// <summary>The fields the transparency rules publish (Local Government Transparency Code 2015: contracts over £5,000).</summary>
public sealed record PublicContractRow(string Reference, string Title, string Supplier, DateOnly StartsOn, DateOnly EndsOn, string? ExtensionOptions, decimal Value);

/// <summary>The tenant's contract register: every contract made on award, filtered, sorted and exported.</summary>
public sealed class ContractRegister(PortalDbContext db)
{
    public static readonly IReadOnlyList<string> SortKeys = ["ends", "starts", "provider", "value", "reference"];

    public async Task<IReadOnlyList<ContractRow>> ListAsync(ContractFilter filter, CancellationToken ct)
    {
        var query = db.Contracts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Provider))
        {
            query = query.Where(c => EF.Functions.ILike(c.ProviderName, $"%{filter.Provider.Trim()}%"));
        }
        if (!string.IsNullOrWhiteSpace(filter.Lot))
        {
            query = query.Where(c => EF.Functions.ILike(c.LotName, $"%{filter.Lot.Trim()}%"));
        }
        query = filter.Sort switch
        {
            "starts" => query.OrderBy(c => c.StartsOn).ThenBy(c => c.Reference),
            "provider" => query.OrderBy(c => c.ProviderName).ThenBy(c => c.Reference),
            "value" => query.OrderByDescending(c => c.Value).ThenBy(c => c.Reference),
            "reference" => query.OrderBy(c => c.Reference),
            _ => query.OrderBy(c => c.EndsOn).ThenBy(c => c.Reference),
        };
        return (await query.ToListAsync(ct))
            .Select(c => new ContractRow(c.Id, c.Reference, c.Title, c.ProviderName, c.LotName, c.StartsOn, c.EndsOn, c.ExtensionOptions, c.Value, c.Rates))
            .ToList();
    }

    /// <summary>One contract of the register, with what the register leaves out: its owner and reminders.</summary>
    public async Task<ContractDetail?> FindAsync(Guid id, CancellationToken ct)
    {
        if (await db.Contracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) is not { } c)
        {
            return null;
        }
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == c.OwnerUserId)
            .Select(u => u.DisplayName != "" ? u.DisplayName : u.Email ?? "").SingleOrDefaultAsync(ct);
        var reference = c.ProcurementId is null ? null
            : await db.Procurements.AsNoTracking().Where(p => p.Id == c.ProcurementId).Select(p => p.Reference).SingleOrDefaultAsync(ct);
        var extensions = await db.ContractExtensions.AsNoTracking().Where(x => x.ContractId == c.Id).OrderBy(x => x.RecordedAt).ToListAsync(ct);
        return new ContractDetail(
            new ContractRow(c.Id, c.Reference, c.Title, c.ProviderName, c.LotName, c.StartsOn, c.EndsOn, c.ExtensionOptions, c.Value, c.Rates),
            c.ProcurementId, reference, owner, ContractExtensions.Options(c.EndsOn, c.ExtensionOptions).Select(o => o.DecisionOn).ToList(),
            Evaluation.EvaluationQueries.Utc(c.Reminded6MonthsAt), Evaluation.EvaluationQueries.Utc(c.Reminded3MonthsAt), Evaluation.EvaluationQueries.Utc(c.Reminded1MonthAt),
            extensions.Select(ContractRecords.ContractExtensionRow.From).ToList());
    }

    public async Task<IReadOnlyList<PublicContractRow>> PublicAsync(CancellationToken ct) =>
        (await ListAsync(new ContractFilter(), ct))
            .Select(c => new PublicContractRow(c.Reference, c.Title, c.ProviderName, c.StartsOn, c.EndsOn, c.ExtensionOptions, c.Value))
            .ToList();

    public static readonly IReadOnlyList<string> Header =
        ["reference", "title", "provider", "lot", "starts_on", "ends_on", "extension_options", "value", "band_rates"];

    /// <summary>The register as an export (docs/exports.md): one row per contract, the band rates in one cell.</summary>
    public static ExportTable Table(IEnumerable<ContractRow> rows) => new("contracts", Header, rows.Select(c => (IReadOnlyList<object?>)
    [
        c.Reference, c.Title, c.ProviderName, c.LotName, c.StartsOn, c.EndsOn, c.ExtensionOptions, c.Value,
        string.Join("; ", c.Rates.Select(r => $"{r.BandCode} {CsvFile.Text(r.Rate)}/{r.Unit.ToLowerInvariant()}")),
    ]).ToList());

    public static byte[] Csv(IEnumerable<ContractRow> rows) => CsvFile.Write(Table(rows));
}

/// <summary>A contract as its page shows it: the register's row, the procurement it came from, its owner and reminders.</summary>
public sealed record ContractDetail(
    ContractRow Contract, Guid? ProcurementId, string? ProcurementReference, string? Owner, IReadOnlyList<DateOnly> ExtensionDecisionDates,
    DateTimeOffset? Reminded6MonthsAt, DateTimeOffset? Reminded3MonthsAt, DateTimeOffset? Reminded1MonthAt, IReadOnlyList<ContractRecords.ContractExtensionRow> Extensions);

public sealed record ProviderLetter(Guid Id, string Reference, string Lot, bool Successful, string FileName, string Sha256, DateTimeOffset CreatedAt);

/// <summary>The award letters of a procurement addressed to the caller's provider organisations (ADR 010).</summary>
public sealed class ProviderLetters(PortalDbContext db, Notices.ProviderSide providers)
{
    public async Task<IReadOnlyList<ProviderLetter>?> ListAsync(Guid procurementId, CancellationToken ct)
    {
        var mine = (await providers.OrganisationsAsync(ct)).Select(p => p.Id).ToList();
        if (mine.Count == 0)
        {
            return null;
        }
        var rows = await db.AwardLetters.AsNoTracking()
            .Where(l => l.ProcurementId == procurementId && mine.Contains(l.ProviderId))
            .Join(db.Lots, l => l.LotId, lot => lot.Id, (l, lot) => new { l.Id, l.Successful, l.FileName, l.Sha256, l.CreatedAt, lot.Number, lot.Name })
            .ToListAsync(ct);
        var reference = await db.Procurements.Where(p => p.Id == procurementId).Select(p => p.Reference).SingleOrDefaultAsync(ct) ?? "";
        return rows.OrderBy(r => r.Number)
            .Select(r => new ProviderLetter(r.Id, reference, $"Lot {r.Number} {r.Name}", r.Successful, r.FileName, r.Sha256,
                new DateTimeOffset(DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc))))
            .ToList();
    }

    public async Task<AwardLetter?> FindAsync(Guid procurementId, Guid letterId, CancellationToken ct)
    {
        var mine = (await providers.OrganisationsAsync(ct)).Select(p => p.Id).ToList();
        return await db.AwardLetters.AsNoTracking()
            .SingleOrDefaultAsync(l => l.Id == letterId && l.ProcurementId == procurementId && mine.Contains(l.ProviderId), ct);
    }
}
