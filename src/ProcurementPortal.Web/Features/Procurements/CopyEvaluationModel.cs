using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Procurements;

/// <summary>An earlier procurement of the tenant whose evaluation model can be copied.</summary>
public sealed record ModelSource(Guid Id, string Reference, string Title, string State, int Sections, int Questions);

/// <summary>
/// What a copy brings: the source's whole model with each question's lots mapped to the target's lots of the same
/// name, and a plain sentence for each question whose lots could not all be matched (it then applies to every lot).
/// </summary>
public sealed record ModelCopy(Guid SourceId, string SourceReference, string SourceTitle, EvaluationModelCommand Model, IReadOnlyList<string> LotNotes);

/// <summary>The procurement after the copy, and what was copied.</summary>
public sealed record ModelCopied(Procurement Target, ModelCopy Copy);

public sealed record ModelCopyResponse(ProcurementResponse Procurement, string CopiedFrom, IReadOnlyList<string> LotNotes);

/// <summary>
/// Evaluation model templates (tender building, item 6): an officer copies the whole evaluation model of an earlier
/// procurement of the same tenant (sections, questions, types, weights, descriptors, minimum scores, word limits,
/// attachment rules, price weight and formula) into a procurement that is not yet frozen, replacing its model. A
/// question's lots map by name where the target has a lot of that name; else the question applies to every lot.
/// Another tenant's procurement is not found (the tenant filter and RLS hide it).
/// </summary>
public sealed class CopyEvaluationModelHandler(PortalDbContext db, AuditLog audit)
{
    /// <summary>The tenant's other procurements with a model to copy, newest first.</summary>
    public async Task<List<ModelSource>> SourcesAsync(Guid targetId, CancellationToken ct) =>
        (await db.Procurements.AsNoTracking()
            .Where(p => p.Id != targetId && p.Sections.Any())
            .OrderByDescending(p => p.CreatedAt)
            .Select(p => new { p.Id, p.Reference, p.Title, p.State, Sections = p.Sections.Count, Questions = p.Sections.SelectMany(s => s.Questions).Count() })
            .ToListAsync(ct))
        .Select(p => new ModelSource(p.Id, p.Reference, p.Title, ProcurementDisplay.StateText(p.State), p.Sections, p.Questions))
        .ToList();

    /// <summary>What copying <paramref name="sourceId"/> into <paramref name="target"/> would bring, before anything changes.</summary>
    public async Task<ModelCopy?> PlanAsync(Procurement target, Guid sourceId, CancellationToken ct)
    {
        if (sourceId == target.Id || await db.LoadWholeAsync(sourceId, ct) is not { } source)
        {
            return null;
        }
        var targetLots = target.Lots.ToDictionary(l => LotKey(l.Name), l => l.Id);
        var sourceLots = source.Lots.ToDictionary(l => l.Id, l => l.Name);
        var notes = new List<string>();
        var model = EvaluationModelCommand.From(source);
        var sections = model.Sections!.Select((section, s) => section with
        {
            Questions = section.Questions.Select((question, q) =>
            {
                var names = (question.LotIds ?? []).Select(id => sourceLots.GetValueOrDefault(id, "a removed lot")).ToList();
                var missing = names.Where(n => !targetLots.ContainsKey(LotKey(n))).ToList();
                if (names.Count > 0 && missing.Count > 0)
                {
                    notes.Add($"Section {s + 1}, question {q + 1} applied to {Join(names)} in {source.Reference}; this procurement has no lot named {Join(missing)}, so it applies to all lots");
                }
                IReadOnlyList<Guid> lots = missing.Count > 0 ? [] : names.Select(n => targetLots[LotKey(n)]).ToList();
                return question with { LotIds = lots };
            }).ToList(),
        }).ToList();
        return new ModelCopy(source.Id, source.Reference, source.Title, model with { Sections = sections }, notes);
    }

    public async Task<Outcome<ModelCopied>> HandleAsync(Guid targetId, Guid sourceId, CancellationToken ct)
    {
        var target = await db.LoadWholeAsync(targetId, ct);
        var copy = target is null ? null : await PlanAsync(target, sourceId, ct);
        if (target is null || copy is null)
        {
            return Outcome<ModelCopied>.NotFound();
        }
        var errors = copy.Model.Validate(target.Lots.Select(l => l.Id).ToList());
        if (target.IsFrozen)
        {
            errors.Add("State", "The tender has been published: its evaluation model is frozen");
        }
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var sections = PutEvaluationModelHandler.Replace(db, target, copy.Model);
        audit.Record("evaluation_model.copied", nameof(Procurement), target.Id,
            $"{target.Reference}: model copied from {copy.SourceReference} ({sections.Count} sections, {sections.Sum(s => s.Questions.Count)} questions" +
            (copy.LotNotes.Count > 0 ? $"; {copy.LotNotes.Count} question(s) now apply to all lots)" : ")"));
        await db.SaveChangesAsync(ct);
        return Outcome<ModelCopied>.Ok(new ModelCopied(target, copy));
    }

    private static string LotKey(string name) => name.Trim().ToUpperInvariant();

    private static string Join(IReadOnlyList<string> names) => string.Join(" and ", names);
}
