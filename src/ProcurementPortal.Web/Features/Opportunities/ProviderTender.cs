using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Features.Notices;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Features.TenderDocuments;

namespace ProcurementPortal.Web.Features.Opportunities;

/// <summary>A published tender as a provider sees it: no budgets, no draft addenda, only the documents' current versions.</summary>
public sealed record ProviderTender(
    Guid Id, string Reference, string Title, string Description, string? CpvCode, string ProcedureType, string State,
    decimal? EstimatedValue, int? ContractTermMonths, string? ExtensionOptions,
    DateTimeOffset? ClarificationDeadline, DateTimeOffset? SubmissionDeadline, DateTimeOffset? PublishedAt,
    IReadOnlyList<ProviderLot> Lots, IReadOnlyList<ProviderDocument> Documents, IReadOnlyList<ProviderAddendum> Addenda,
    bool InterestRegistered)
{
    public bool IsOpen => State == nameof(ProcurementState.TenderOpen);
}

public sealed record ProviderLot(int Number, string Name, string Description, string? Area, int? MaxProviders, IReadOnlyList<ProviderBand> Bands);

public sealed record ProviderBand(string Code, string Name, string NeedDescription, string Unit, decimal? CeilingRate, decimal ExpectedAnnualVolume);

/// <summary>A document's current version; downloadable once the provider has registered interest.</summary>
public sealed record ProviderDocument(Guid Id, string Title, int Version, string FileName, string ContentType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt, int? AddendumNumber);

public sealed record ProviderAddendum(int Number, string Title, string Text, DateTimeOffset? NewSubmissionDeadline, DateTimeOffset? NewClarificationDeadline, DateTimeOffset PublishedAt);

/// <summary>
/// The provider's side of a published tender (ADR 010): anyone signed in may read it; a document downloads only for a
/// person whose provider organisation has registered interest, else it is not found.
/// </summary>
public sealed class ProviderTenderHandler(PortalDbContext db, ProviderSide providers, TenderDocumentQueries documents)
{
    private static readonly ProcurementState[] Published = ClarificationsHandler.Published;

    public async Task<ProviderTender?> FindAsync(Guid id, CancellationToken ct)
    {
        var p = await db.LoadWholeAsync(id, ct);
        if (p is null || !Published.Contains(p.State))
        {
            return null;
        }
        var addenda = await PublishedAddendaAsync(id, ct);
        var numbers = addenda.ToDictionary(a => a.Id, a => a.Number);
        var docs = (await documents.DocumentsAsync(id, ct))
            .Select(d => (d, v: d.LatestVisible(numbers.Keys)))
            .Where(x => x.v is not null)
            .Select(x => new ProviderDocument(x.d.Id, x.d.Title, x.v!.Number, x.v.FileName, x.v.ContentType, x.v.SizeBytes, x.v.Sha256,
                ProcurementResponse.Utc(x.v.UploadedAt)!.Value, x.v.AddendumId is { } a ? numbers[a] : null))
            .ToList();
        return new ProviderTender(p.Id, p.Reference, p.Title, p.Description, p.CpvCode, p.ProcedureType.ToString(), p.State.ToString(),
            p.EstimatedValue, p.ContractTermMonths, p.ExtensionOptions,
            ProcurementResponse.Utc(p.ClarificationDeadline), ProcurementResponse.Utc(p.SubmissionDeadline), ProcurementResponse.Utc(p.PublishedAt),
            p.Lots.OrderBy(l => l.Number).Select(l => new ProviderLot(l.Number, l.Name, l.Description, l.Area, l.MaxProviders,
                l.Bands.OrderBy(b => b.Code).Select(b => new ProviderBand(b.Code, b.Name, b.NeedDescription, b.Unit.ToString(), b.CeilingRate, b.ExpectedAnnualVolume)).ToList())).ToList(),
            docs,
            addenda.Select(a => new ProviderAddendum(a.Number, a.Title, a.Text, ProcurementResponse.Utc(a.NewSubmissionDeadline),
                ProcurementResponse.Utc(a.NewClarificationDeadline), ProcurementResponse.Utc(a.PublishedAt)!.Value)).ToList(),
            await InterestRegisteredAsync(id, ct));
    }

    /// <summary>The current version of a document, for a person whose organisation registered interest; else null (404).</summary>
    public async Task<TenderDocumentVersion?> DownloadableAsync(Guid id, Guid documentId, CancellationToken ct)
    {
        if (!await db.Procurements.AnyAsync(p => p.Id == id && Published.Contains(p.State), ct) || !await InterestRegisteredAsync(id, ct))
        {
            return null;
        }
        var document = await db.TenderDocuments.AsNoTracking().Include(d => d.Versions)
            .SingleOrDefaultAsync(d => d.Id == documentId && d.ProcurementId == id, ct);
        return document?.LatestVisible((await PublishedAddendaAsync(id, ct)).Select(a => a.Id).ToList());
    }

    public Stream Open(TenderDocumentVersion version) => documents.Open(version);

    private Task<List<Core.Domain.Procurements.Addendum>> PublishedAddendaAsync(Guid id, CancellationToken ct) =>
        db.Addenda.AsNoTracking().Where(a => a.ProcurementId == id && a.PublishedAt != null).OrderBy(a => a.Number).ToListAsync(ct);

    private async Task<bool> InterestRegisteredAsync(Guid id, CancellationToken ct)
    {
        var mine = (await providers.OrganisationsAsync(ct)).Select(o => o.Id).ToList();
        return mine.Count > 0 && await db.ProcurementInterests.AnyAsync(i => i.ProcurementId == id && mine.Contains(i.ProviderId), ct);
    }
}
