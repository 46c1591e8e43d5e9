using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Procurements;

public sealed record ProcurementRow(Guid Id, string Reference, string Title, ProcurementState State, DateTime? SubmissionDeadline);

/// <summary>The summary page: the record, its lots and bands, the affordability model and the evaluation model.</summary>
public sealed record ProcurementPage(Procurement Procurement, AffordabilityModel Affordability, bool CanChange, bool IsOfficer)
{
    public string Caption => $"{Procurement.Reference} {Procurement.Title}";
}

/// <summary>"Are you sure?" before removing or cancelling something.</summary>
public sealed record ConfirmPage(string Caption, string Heading, string Warning, string Action, string Back, string Button);

/// <summary>
/// The procurement officer's pages over the procurement use cases (the same handlers as the API). Every member of
/// the tenant may read them; changes need the procurement officer role.
/// </summary>
[TenantScoped]
[Route("{tenant}/procurements")]
public sealed partial class ProcurementsController(PortalDbContext db) : Controller
{
    private TenantMembership Member => HttpContext.TenantMembership()!;
    private string Slug => Member.Slug;
    private TransitionActor Actor => new(Member.Roles.ToList());
    private string PageOf(Guid id) => $"/{Slug}/procurements/{id}";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await db.Procurements.AsNoTracking().OrderByDescending(p => p.CreatedAt)
            .Select(p => new ProcurementRow(p.Id, p.Reference, p.Title, p.State, p.SubmissionDeadline))
            .ToListAsync(ct));

    [HttpGet("new")]
    [TenantScoped(Role.ProcurementOfficer)]
    public IActionResult New() => FormView(ProcurementForm.New(), null);

    [HttpPost("new")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> New(ProcurementForm form, [FromServices] CreateProcurementHandler handler, CancellationToken ct)
    {
        return await SubmitAsync(form.ToFields, fields => handler.HandleAsync(fields, ct), () => FormView(form, null),
            p => Done(p.Id, $"Procurement {p.Reference} created"));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct) =>
        await PageAsync(id, ct) is { } page ? View(page) : NotFound();

    [HttpGet("{id:guid}/edit")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct) =>
        await db.LoadWholeAsync(id, ct) is { } p ? FormView(ProcurementForm.From(p), p) : NotFound();

    [HttpPost("{id:guid}/edit")]
    [ApiTwin("PATCH /api/v1/t/{tenant}/procurements/{id}")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Edit(Guid id, ProcurementForm form, [FromServices] UpdateProcurementHandler handler, CancellationToken ct)
    {
        if (await db.LoadWholeAsync(id, ct) is not { } procurement)
        {
            return NotFound();
        }
        return await SubmitAsync(form.ToFields, fields => handler.HandleAsync(id, fields, ct), () => FormView(form, procurement),
            p => Done(p.Id, "Procurement details saved"));
    }

    [HttpGet("{id:guid}/lots/new")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> NewLot(Guid id, CancellationToken ct) =>
        await db.LoadWholeAsync(id, ct) is { } p ? LotView(p, new LotForm(), null) : NotFound();

    [HttpPost("{id:guid}/lots/new")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/lots")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> NewLot(Guid id, LotForm form, [FromServices] LotsAndBandsHandler handler, CancellationToken ct)
    {
        if (await db.LoadWholeAsync(id, ct) is not { } p)
        {
            return NotFound();
        }
        return await SubmitAsync(form.ToFields, fields => handler.AddLotAsync(id, fields, ct), () => LotView(p, form, null),
            lot => Done(id, $"Lot {lot.Number} ({lot.Name}) added"));
    }

    [HttpGet("{id:guid}/lots/{lotId:guid}/edit")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> EditLot(Guid id, Guid lotId, CancellationToken ct) =>
        await FindLotAsync(id, lotId, ct) is ({ } p, { } lot) ? LotView(p, LotForm.From(lot), lot) : NotFound();

    [HttpPost("{id:guid}/lots/{lotId:guid}/edit")]
    [ApiTwin("PUT /api/v1/t/{tenant}/procurements/{id}/lots/{lotId}")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> EditLot(Guid id, Guid lotId, LotForm form, [FromServices] LotsAndBandsHandler handler, CancellationToken ct)
    {
        if (await FindLotAsync(id, lotId, ct) is not ({ } p, { } lot))
        {
            return NotFound();
        }
        return await SubmitAsync(form.ToFields, fields => handler.UpdateLotAsync(id, lotId, fields, ct), () => LotView(p, form, lot),
            changed => Done(id, $"Lot {changed.Number} ({changed.Name}) saved"));
    }

    [HttpGet("{id:guid}/lots/{lotId:guid}/remove")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> RemoveLot(Guid id, Guid lotId, CancellationToken ct) =>
        await FindLotAsync(id, lotId, ct) is ({ } p, { } lot) ? View("Confirm", RemoveLotPage(p, lot)) : NotFound();

    [HttpPost("{id:guid}/lots/{lotId:guid}/remove")]
    [ApiTwin("DELETE /api/v1/t/{tenant}/procurements/{id}/lots/{lotId}")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> RemoveLot(Guid id, Guid lotId, [FromServices] LotsAndBandsHandler handler, CancellationToken ct)
    {
        if (await FindLotAsync(id, lotId, ct) is not ({ } p, { } lot))
        {
            return NotFound();
        }
        var page = RemoveLotPage(p, lot);
        return this.ToPageResult(await handler.RemoveLotAsync(id, lotId, ct), () => View("Confirm", page),
            removed => Done(id, $"Lot {removed.Number} ({removed.Name}) removed"));
    }

    [HttpGet("{id:guid}/lots/{lotId:guid}/bands/new")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> NewBand(Guid id, Guid lotId, CancellationToken ct) =>
        await FindLotAsync(id, lotId, ct) is ({ } p, { } lot) ? BandView(p, lot, new BandForm(), null) : NotFound();

    [HttpPost("{id:guid}/lots/{lotId:guid}/bands/new")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/lots/{lotId}/bands")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> NewBand(Guid id, Guid lotId, BandForm form, [FromServices] LotsAndBandsHandler handler, CancellationToken ct)
    {
        if (await FindLotAsync(id, lotId, ct) is not ({ } p, { } lot))
        {
            return NotFound();
        }
        return await SubmitAsync(form.ToFields, fields => handler.AddBandAsync(id, lotId, fields, ct), () => BandView(p, lot, form, null),
            band => Done(id, $"Band {band.Code} added to lot {lot.Number}"));
    }

    [HttpGet("{id:guid}/lots/{lotId:guid}/bands/{bandId:guid}/edit")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> EditBand(Guid id, Guid lotId, Guid bandId, CancellationToken ct) =>
        await FindLotAsync(id, lotId, ct) is ({ } p, { } lot) && lot.Bands.SingleOrDefault(b => b.Id == bandId) is { } band
            ? BandView(p, lot, BandForm.From(band), band)
            : NotFound();

    [HttpPost("{id:guid}/lots/{lotId:guid}/bands/{bandId:guid}/edit")]
    [ApiTwin("PUT /api/v1/t/{tenant}/procurements/{id}/lots/{lotId}/bands/{bandId}")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> EditBand(Guid id, Guid lotId, Guid bandId, BandForm form, [FromServices] LotsAndBandsHandler handler, CancellationToken ct)
    {
        if (await FindLotAsync(id, lotId, ct) is not ({ } p, { } lot) || lot.Bands.SingleOrDefault(b => b.Id == bandId) is not { } band)
        {
            return NotFound();
        }
        return await SubmitAsync(form.ToFields, fields => handler.UpdateBandAsync(id, lotId, bandId, fields, ct), () => BandView(p, lot, form, band),
            changed => Done(id, $"Band {changed.Code} of lot {lot.Number} saved"));
    }

    [HttpGet("{id:guid}/lots/{lotId:guid}/bands/{bandId:guid}/remove")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> RemoveBand(Guid id, Guid lotId, Guid bandId, CancellationToken ct) =>
        await FindLotAsync(id, lotId, ct) is ({ } p, { } lot) && lot.Bands.SingleOrDefault(b => b.Id == bandId) is { } band
            ? View("Confirm", RemoveBandPage(p, lot, band))
            : NotFound();

    [HttpPost("{id:guid}/lots/{lotId:guid}/bands/{bandId:guid}/remove")]
    [ApiTwin("DELETE /api/v1/t/{tenant}/procurements/{id}/lots/{lotId}/bands/{bandId}")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> RemoveBand(Guid id, Guid lotId, Guid bandId, [FromServices] LotsAndBandsHandler handler, CancellationToken ct)
    {
        if (await FindLotAsync(id, lotId, ct) is not ({ } p, { } lot) || lot.Bands.SingleOrDefault(b => b.Id == bandId) is not { } band)
        {
            return NotFound();
        }
        var page = RemoveBandPage(p, lot, band);
        return this.ToPageResult(await handler.RemoveBandAsync(id, lotId, bandId, ct), () => View("Confirm", page),
            removed => Done(id, $"Band {removed.Code} removed from lot {lot.Number}"));
    }

    /// <summary>Opens the tender; when it cannot, the summary page again lists every reason the use case gave.</summary>
    [HttpPost("{id:guid}/publish")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/publish")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Publish(Guid id, [FromServices] TransitionHandler handler, CancellationToken ct)
    {
        var outcome = await handler.PublishAsync(id, Actor, ct);
        var page = outcome.Errors is null ? null : await PageAsync(id, ct);
        return this.ToPageResult(outcome, () => View(nameof(Show), page), _ => Done(id, "The tender is published and open for tenders"));
    }

    [HttpGet("{id:guid}/cancel")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Cancel(Guid id, CancellationToken ct) =>
        await db.LoadWholeAsync(id, ct) is { } p ? CancelView(p, new CancelProcurementCommand(null)) : NotFound();

    /// <summary>Cancels with the officer's reason; the providers are told by email in the same transaction.</summary>
    [HttpPost("{id:guid}/cancel")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/cancel")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Cancel(Guid id, CancelProcurementCommand command, [FromServices] CancelProcurementHandler handler, CancellationToken ct)
    {
        if (await db.LoadWholeAsync(id, ct) is not { } p)
        {
            return NotFound();
        }
        return this.ToPageResult(await handler.HandleAsync(id, Actor, command, ct), () => CancelView(p, command),
            _ => Done(id, "The procurement is cancelled and every interested provider has been told"));
    }

    /// <summary>
    /// Reads the form into the use case's command; what could not be read (a word where a number goes) is shown at
    /// once and nothing is sent on. Otherwise the use case's answer: its errors on the form again, or <paramref name="ok"/>.
    /// </summary>
    private async Task<IActionResult> SubmitAsync<TCommand, T>(
        Func<Errors, TCommand> read, Func<TCommand, Task<Outcome<T>>> handle, Func<IActionResult> redisplay, Func<T, IActionResult> ok)
    {
        var formErrors = new Errors();
        var command = read(formErrors);
        if (!formErrors.IsEmpty)
        {
            formErrors.CopyTo(ModelState);
            return redisplay();
        }
        return this.ToPageResult(await handle(command), redisplay, ok);
    }

    private RedirectResult Done(Guid id, string message)
    {
        TempData["Success"] = message;
        return Redirect(PageOf(id));
    }

    private async Task<ProcurementPage?> PageAsync(Guid id, CancellationToken ct)
    {
        var p = await db.LoadWholeAsync(id, ct);
        if (p is null)
        {
            return null;
        }
        var officer = Member.Has(Role.ProcurementOfficer);
        return new ProcurementPage(p, Affordability.Of(p), officer && !p.IsFrozen, officer);
    }

    private async Task<(Procurement? Procurement, Lot? Lot)> FindLotAsync(Guid id, Guid lotId, CancellationToken ct)
    {
        var p = await db.LoadWholeAsync(id, ct);
        return (p, p?.Lots.SingleOrDefault(l => l.Id == lotId));
    }

    private static string CaptionOf(Procurement p) => $"{p.Reference} {p.Title}";

    private ViewResult FormView(ProcurementForm form, Procurement? p)
    {
        ViewData["Form"] = p is null
            ? new FormPage("Procurements", "Create a procurement", $"/{Slug}/procurements/new", $"/{Slug}/procurements", "Create the procurement")
            : new FormPage(CaptionOf(p), "Change the procurement's details", $"{PageOf(p.Id)}/edit", PageOf(p.Id), "Save the details");
        return View("Form", form);
    }

    private ViewResult LotView(Procurement p, LotForm form, Lot? lot)
    {
        ViewData["Form"] = lot is null
            ? new FormPage(CaptionOf(p), "Add a lot", $"{PageOf(p.Id)}/lots/new", PageOf(p.Id), "Add the lot")
            : new FormPage(CaptionOf(p), $"Change lot {lot.Number}", $"{PageOf(p.Id)}/lots/{lot.Id}/edit", PageOf(p.Id), "Save the lot");
        return View(nameof(LotForm), form);
    }

    private ViewResult BandView(Procurement p, Lot lot, BandForm form, FeeBand? band)
    {
        var lots = $"{PageOf(p.Id)}/lots/{lot.Id}/bands";
        ViewData["Form"] = band is null
            ? new FormPage($"Lot {lot.Number}: {lot.Name}", "Add a fee band", $"{lots}/new", PageOf(p.Id), "Add the band")
            : new FormPage($"Lot {lot.Number}: {lot.Name}", $"Change band {band.Code}", $"{lots}/{band.Id}/edit", PageOf(p.Id), "Save the band");
        return View(nameof(BandForm), form);
    }

    private ConfirmPage RemoveLotPage(Procurement p, Lot lot) => new(CaptionOf(p),
        $"Are you sure you want to remove lot {lot.Number} ({lot.Name})?",
        lot.Bands.Count == 0 ? "The lot has no fee bands." : $"Its {lot.Bands.Count} fee band(s) will be removed too.",
        $"{PageOf(p.Id)}/lots/{lot.Id}/remove", PageOf(p.Id), "Remove the lot");

    private ConfirmPage RemoveBandPage(Procurement p, Lot lot, FeeBand band) => new(CaptionOf(p),
        $"Are you sure you want to remove band {band.Code} ({band.Name}) from lot {lot.Number}?",
        "Its ceiling rate and expected volume will be removed from the affordability model.",
        $"{PageOf(p.Id)}/lots/{lot.Id}/bands/{band.Id}/remove", PageOf(p.Id), "Remove the band");

    private ViewResult CancelView(Procurement p, CancelProcurementCommand command)
    {
        ViewData["Confirm"] = new ConfirmPage(CaptionOf(p),
            "Are you sure you want to cancel the procurement?",
            "A cancelled procurement cannot be published or reopened. Every provider that bid or registered interest is emailed the reason.",
            $"{PageOf(p.Id)}/cancel", PageOf(p.Id), "Cancel the procurement");
        return View("CancelForm", command);
    }
}
