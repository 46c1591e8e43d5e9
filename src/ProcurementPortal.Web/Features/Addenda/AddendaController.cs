using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Features.TenderDocuments;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Addenda;

/// <summary>The addendum form: deadlines are entered in UK time and left blank to keep the current ones.</summary>
public sealed class AddendumForm
{
    public string? Title { get; set; }
    public string? Text { get; set; }
    public UkDateTimeInput SubmissionDeadline { get; set; } = new();
    public UkDateTimeInput ClarificationDeadline { get; set; } = new();

    public WriteAddendumCommand ToCommand(Errors errors) => new()
    {
        Title = Title,
        Text = Text,
        SubmissionDeadline = SubmissionDeadline.Read(errors, nameof(SubmissionDeadline), "new submission deadline"),
        ClarificationDeadline = ClarificationDeadline.Read(errors, nameof(ClarificationDeadline), "new clarification deadline"),
    };
}

public sealed record AddendaPage(Procurement Procurement, IReadOnlyList<Addendum> Addenda, bool CanWrite);

public sealed record AddendumPage(Procurement Procurement, Addendum Addendum, IReadOnlyList<TenderDocumentResponse> Documents, bool IsOfficer);

/// <summary>The officer's pages for addenda: the list, writing a draft, adding documents to it and publishing it.</summary>
[TenantScoped]
[Route("{tenant}/procurements/{id:guid}/addenda")]
public sealed class AddendaController(PortalDbContext db, TenderDocumentQueries documents) : Controller
{
    private TenantMembership Member => HttpContext.TenantMembership()!;
    private string ListOf(Guid id) => $"/{Member.Slug}/procurements/{id}/addenda";

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid id, CancellationToken ct)
    {
        if (await db.Procurements.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is not { } p)
        {
            return NotFound();
        }
        var addenda = await db.Addenda.AsNoTracking().Where(a => a.ProcurementId == id).OrderBy(a => a.Number).ToListAsync(ct);
        return View(new AddendaPage(p, addenda, Member.Has(Role.ProcurementOfficer) && p.State == ProcurementState.TenderOpen));
    }

    [HttpGet("new")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> New(Guid id, CancellationToken ct) =>
        await FormViewAsync(id, new AddendumForm(), ct);

    [HttpPost("new")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/addenda")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> New(Guid id, AddendumForm form, [FromServices] WriteAddendumHandler handler, CancellationToken ct)
    {
        var formErrors = new Errors();
        var command = form.ToCommand(formErrors);
        var outcome = formErrors.IsEmpty ? await handler.HandleAsync(id, command, ct) : formErrors;
        if (outcome.Errors is not null && !outcome.IsNotFound)
        {
            outcome.Errors.CopyTo(ModelState);
            return await FormViewAsync(id, form, ct);
        }
        return this.ToPageResult(outcome, NotFound, a =>
        {
            TempData["Success"] = $"Addendum {a.Number} saved as a draft: add any documents, then publish it";
            return Redirect($"{ListOf(id)}/{a.Id}");
        });
    }

    [HttpGet("{addendumId:guid}")]
    public async Task<IActionResult> Show(Guid id, Guid addendumId, CancellationToken ct) =>
        await PageAsync(id, addendumId, ct) is { } page ? View(page) : NotFound();

    [HttpPost("{addendumId:guid}/publish")]
    [ApiTwin("POST /api/v1/t/{tenant}/procurements/{id}/addenda/{addendumId}/publish")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> Publish(Guid id, Guid addendumId, [FromServices] PublishAddendumHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, addendumId, ct);
        var page = outcome.Errors is null ? null : await PageAsync(id, addendumId, ct);
        return this.ToPageResult(outcome, () => page is null ? NotFound() : View(nameof(Show), page), a =>
        {
            TempData["Success"] = $"Addendum {a.Number} is published and sent to every interested provider";
            return Redirect($"{ListOf(id)}/{a.Id}");
        });
    }

    private async Task<AddendumPage?> PageAsync(Guid id, Guid addendumId, CancellationToken ct)
    {
        var p = await db.Procurements.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        var addendum = p is null ? null : await db.Addenda.AsNoTracking().SingleOrDefaultAsync(a => a.Id == addendumId && a.ProcurementId == id, ct);
        if (p is null || addendum is null)
        {
            return null;
        }
        return new AddendumPage(p, addendum, (await documents.ForOfficerAsync(id, ct))!, Member.Has(Role.ProcurementOfficer));
    }

    private async Task<IActionResult> FormViewAsync(Guid id, AddendumForm form, CancellationToken ct)
    {
        if (await db.Procurements.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is not { } p)
        {
            return NotFound();
        }
        ViewData["Procurement"] = p;
        return View("Form", form);
    }
}
