using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Schemes;

public sealed record RoundStarted(SchemeRound Round, Procurement Procurement);

/// <summary>
/// Starts a re-admission round of an open framework: a new draft procurement in the scheme on substantially the same
/// terms (s.49) — the first procurement's description, value, term, ceiling rule, pooled shares, lots, bands (codes,
/// names, units, ceilings, expected volumes) and evaluation model (gates, questions, weights, descriptors, price
/// weight and formula, tie-break and abnormally-low threshold), each question keeping its lots. The officer then
/// sets its timetable and publishes it like any tender. Refused once the scheme has ended. Audited.
/// </summary>
public sealed class StartRoundHandler(PortalDbContext db, ITenantContext tenant, AuditLog audit, IActor actor)
{
    public async Task<Outcome<RoundStarted>> HandleAsync(Guid procurementId, CancellationToken ct)
    {
        var scheme = await db.FrameworkSchemes.AsNoTracking().SingleOrDefaultAsync(s => s.ProcurementId == procurementId, ct);
        var source = scheme is null ? null : await db.ReadWholeAsync(procurementId, ct);
        if (scheme is null || source is null)
        {
            return Outcome<RoundStarted>.NotFound();
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (reference, now) = await CreateProcurementHandler.NextReferenceAsync(db, tenant.TenantId!.Value, ct);
        var errors = new Errors()
            .Require(scheme.Kind == SchemeKind.OpenFramework, "Scheme", "A dynamic market is not reopened in rounds: providers apply to join it at any time")
            .Require(Core.Calendar.Standstill.LondonDay(now) <= scheme.EndsOn, "Scheme", $"The scheme ended on {OpenFrameworkSchedule.Day(scheme.EndsOn)}");
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var number = await db.SchemeRounds.CountAsync(r => r.SchemeId == scheme.Id, ct) + 1;
        var round = db.Procurements.Add(new Procurement
        {
            Reference = reference,
            Title = $"{source.Title}: reopening {number}",
            Description = source.Description,
            CpvCode = source.CpvCode,
            ProcedureType = source.ProcedureType,
            EstimatedValue = source.EstimatedValue,
            AnnualBudget = source.AnnualBudget,
            CurrentAnnualSpend = source.CurrentAnnualSpend,
            ContractTermMonths = source.ContractTermMonths,
            ExtensionOptions = source.ExtensionOptions,
            CeilingBreachRule = source.CeilingBreachRule,
            PooledPartners = source.PooledPartners.Select(x => new PooledPartner { Name = x.Name, SharePercent = x.SharePercent }).ToList(),
            CreatedAt = now,
        }).Entity;
        var lotIds = CopyLots(source, round);
        var model = EvaluationModelCommand.From(source);
        PutEvaluationModelHandler.Replace(db, round, model with
        {
            Sections = model.Sections!.Select(s => s with
            {
                Questions = s.Questions.Select(q => q with { LotIds = (q.LotIds ?? []).Select(id => lotIds[id]).ToList() }).ToList(),
            }).ToList(),
        });
        var started = db.SchemeRounds.Add(new SchemeRound
        {
            SchemeId = scheme.Id, ProcurementId = round.Id, Number = number, StartedAt = now, StartedByName = actor.Name,
        }).Entity;
        audit.Record("scheme.round_started", nameof(Procurement), round.Id,
            $"{round.Reference}: reopening {number} of the scheme of {source.Reference}, copying {source.Lots.Count} lots, {source.Lots.Sum(l => l.Bands.Count)} bands and the evaluation model");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<RoundStarted>.Ok(new RoundStarted(started, round));
    }

    /// <summary>Adds a copy of each lot and its bands to the round; the round's lot id for each of the source's.</summary>
    private Dictionary<Guid, Guid> CopyLots(Procurement source, Procurement round)
    {
        var ids = new Dictionary<Guid, Guid>();
        foreach (var lot in source.Lots.OrderBy(l => l.Number))
        {
            var copy = db.Lots.Add(new Lot
            {
                ProcurementId = round.Id, Number = lot.Number, Name = lot.Name, Description = lot.Description, Area = lot.Area,
                MaxProviders = lot.MaxProviders, AnnualBudget = lot.AnnualBudget,
            }).Entity;
            db.FeeBands.AddRange(lot.Bands.Select(b => new FeeBand
            {
                LotId = copy.Id, Code = b.Code, Name = b.Name, NeedDescription = b.NeedDescription, Unit = b.Unit, CeilingRate = b.CeilingRate,
                ExpectedAnnualVolume = b.ExpectedAnnualVolume,
            }));
            ids[lot.Id] = copy.Id;
        }
        return ids;
    }
}
