using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Procurements;

/// <summary>Procurements of a tenant: the record, its lots and fee bands, its evaluation model and its lifecycle.</summary>
[ApiController]
[Route("api/v1/t/{tenant}/procurements")]
[TenantScoped]
[Tags("Procurements")]
[ProducesResponseType(StatusCodes.Status404NotFound)]
public sealed class ProcurementsApiController(PortalDbContext db) : ControllerBase
{
    private TransitionActor Actor => new(HttpContext.TenantMembership()!.Roles.ToList());

    [HttpGet]
    [ProducesResponseType<List<ProcurementSummary>>(StatusCodes.Status200OK)]
    public async Task<List<ProcurementSummary>> List([FromQuery] PageRequest paging, CancellationToken ct)
    {
        var all = db.Procurements.AsNoTracking().OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id);
        Response.WritePageHeaders(paging, await all.CountAsync(ct));
        return (await all.Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct))
            .Select(p => new ProcurementSummary(p.Id, p.Reference, p.Title, p.State.ToString(), ProcurementResponse.Utc(p.SubmissionDeadline)))
            .ToList();
    }

    [HttpPost]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<ProcurementResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Create(string tenant, ProcurementFields command, [FromServices] CreateProcurementHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(command, ct),
            p => CreatedAtAction(nameof(Get), new { tenant, id = p.Id }, ProcurementResponse.From(p)));

    [HttpGet("{id:guid}")]
    [ProducesResponseType<ProcurementResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<ProcurementResponse>> Get(Guid id, CancellationToken ct) =>
        await db.LoadWholeAsync(id, ct) is { } p ? ProcurementResponse.From(p) : NotFound();

    [HttpPatch("{id:guid}")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<ProcurementResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Update(Guid id, ProcurementFields command, [FromServices] UpdateProcurementHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, command, ct), p => Ok(ProcurementResponse.From(p)));

    [HttpGet("{id:guid}/lots")]
    [ProducesResponseType<List<LotResponse>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<List<LotResponse>>> Lots(Guid id, [FromQuery] PageRequest paging, CancellationToken ct) =>
        await db.LoadWholeAsync(id, ct) is { } p ? this.Page(p.Lots.Select(LotResponse.From), paging) : NotFound();

    [HttpPost("{id:guid}/lots")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<LotResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> AddLot(Guid id, LotFields command, [FromServices] LotsAndBandsHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.AddLotAsync(id, command, ct), lot => StatusCode(StatusCodes.Status201Created, LotResponse.From(lot)));

    [HttpPut("{id:guid}/lots/{lotId:guid}")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<LotResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> UpdateLot(Guid id, Guid lotId, LotFields command, [FromServices] LotsAndBandsHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.UpdateLotAsync(id, lotId, command, ct), lot => Ok(LotResponse.From(lot)));

    [HttpDelete("{id:guid}/lots/{lotId:guid}")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> RemoveLot(Guid id, Guid lotId, [FromServices] LotsAndBandsHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.RemoveLotAsync(id, lotId, ct), _ => NoContent());

    [HttpGet("{id:guid}/lots/{lotId:guid}/bands")]
    [ProducesResponseType<List<BandResponse>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<List<BandResponse>>> Bands(Guid id, Guid lotId, [FromQuery] PageRequest paging, CancellationToken ct) =>
        (await db.LoadWholeAsync(id, ct))?.Lots.SingleOrDefault(l => l.Id == lotId) is { } lot
            ? this.Page(lot.Bands.Select(BandResponse.From), paging)
            : NotFound();

    [HttpPost("{id:guid}/lots/{lotId:guid}/bands")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<BandResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> AddBand(Guid id, Guid lotId, BandFields command, [FromServices] LotsAndBandsHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.AddBandAsync(id, lotId, command, ct), band => StatusCode(StatusCodes.Status201Created, BandResponse.From(band)));

    [HttpPut("{id:guid}/lots/{lotId:guid}/bands/{bandId:guid}")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<BandResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> UpdateBand(Guid id, Guid lotId, Guid bandId, BandFields command, [FromServices] LotsAndBandsHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.UpdateBandAsync(id, lotId, bandId, command, ct), band => Ok(BandResponse.From(band)));

    [HttpDelete("{id:guid}/lots/{lotId:guid}/bands/{bandId:guid}")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> RemoveBand(Guid id, Guid lotId, Guid bandId, [FromServices] LotsAndBandsHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.RemoveBandAsync(id, lotId, bandId, ct), _ => NoContent());

    [HttpGet("{id:guid}/evaluation-model")]
    [ProducesResponseType<EvaluationModelCommand>(StatusCodes.Status200OK)]
    public async Task<ActionResult<EvaluationModelCommand>> EvaluationModel(Guid id, CancellationToken ct) =>
        await db.LoadWholeAsync(id, ct) is { } p ? EvaluationModelCommand.From(p) : NotFound();

    [HttpPut("{id:guid}/evaluation-model")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<ProcurementResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> PutEvaluationModel(Guid id, EvaluationModelCommand command, [FromServices] PutEvaluationModelHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, command, ct), p => Ok(ProcurementResponse.From(p)));

    /// <summary>
    /// Replaces the evaluation model with a copy of an earlier procurement's (same tenant). A question's lots map by
    /// name; where this procurement has no lot of that name the question applies to all lots, as the notes say.
    /// </summary>
    [HttpPost("{id:guid}/evaluation-model/copy-from/{sourceId:guid}")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<ModelCopyResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> CopyEvaluationModel(Guid id, Guid sourceId, [FromServices] CopyEvaluationModelHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, sourceId, ct),
            r => Ok(new ModelCopyResponse(ProcurementResponse.From(r.Target), r.Copy.SourceReference, r.Copy.LotNotes)));

    /// <summary>The fee schedule as CSV: one row per band of each lot.</summary>
    [HttpGet("{id:guid}/fee-schedule.csv")]
    [Produces("text/csv")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/csv")]
    public async Task<ActionResult> ExportFeeSchedule(Guid id, CancellationToken ct) =>
        await db.LoadWholeAsync(id, ct) is { } p && FeeScheduleFile.Csv(p) is var file
            ? File(file.Content, file.ContentType, file.Name)
            : NotFound();

    /// <summary>Replaces the bands of every lot named in the CSV (same columns as the export), all or nothing.</summary>
    [HttpPut("{id:guid}/fee-schedule.csv")]
    [TenantScoped(Role.ProcurementOfficer)]
    [Consumes("text/csv")]
    [ProducesResponseType<ProcurementResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> ImportFeeSchedule(Guid id, [FromServices] ImportFeeScheduleHandler handler, CancellationToken ct)
    {
        using var reader = new StreamReader(Request.Body, System.Text.Encoding.UTF8);
        var csv = await reader.ReadToEndAsync(ct);
        return this.ToApiResult(await handler.HandleAsync(id, csv, ct), p => Ok(ProcurementResponse.From(p)));
    }

    /// <summary>The fee schedule as an Excel workbook: the CSV's columns, one row per band of each lot.</summary>
    [HttpGet("{id:guid}/fee-schedule.xlsx")]
    [Produces(FeeScheduleXlsx.ContentType)]
    [ProducesResponseType<byte[]>(StatusCodes.Status200OK, FeeScheduleXlsx.ContentType)]
    public async Task<ActionResult> ExportFeeScheduleXlsx(Guid id, CancellationToken ct) =>
        await db.LoadWholeAsync(id, ct) is { } p && await FeeScheduleFile.XlsxAsync(p, ct) is var file
            ? File(file.Content, file.ContentType, file.Name)
            : NotFound();

    /// <summary>Replaces the bands of every lot named in the workbook (same columns as the export), all or nothing; problems by row.</summary>
    [HttpPut("{id:guid}/fee-schedule.xlsx")]
    [TenantScoped(Role.ProcurementOfficer)]
    [Consumes(FeeScheduleXlsx.ContentType)]
    [RequestSizeLimit(FeeScheduleXlsx.MaxBytes)]
    [ProducesResponseType<ProcurementResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> ImportFeeScheduleXlsx(Guid id, [FromServices] ImportFeeScheduleHandler handler, CancellationToken ct)
    {
        await using var workbook = new MemoryStream();
        await Request.Body.CopyToAsync(workbook, ct);
        workbook.Position = 0;
        return this.ToApiResult(await handler.HandleXlsxAsync(id, workbook, ct), p => Ok(ProcurementResponse.From(p)));
    }

    /// <summary>Σ ceiling × expected volume per band, lot and in total, against the budgets and today's spend.</summary>
    [HttpGet("{id:guid}/affordability")]
    [ProducesResponseType<AffordabilityModel>(StatusCodes.Status200OK)]
    public async Task<ActionResult<AffordabilityModel>> Affordability(Guid id, CancellationToken ct) =>
        await db.LoadWholeAsync(id, ct) is { } p ? Core.Domain.Procurements.Affordability.Of(p) : NotFound();

    /// <summary>Opens the tender. Every reason it cannot is listed at once, and nothing changes.</summary>
    [HttpPost("{id:guid}/publish")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<TransitionResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Publish(Guid id, [FromServices] TransitionHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.PublishAsync(id, Actor, ct), r => Ok(new TransitionResponse(r.From.ToString(), r.To.ToString(), r.Changed)));

    /// <summary>Every question asked, with the organisation that asked it (officers only).</summary>
    [HttpGet("{id:guid}/clarifications")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<List<Opportunities.OfficerClarification>>(StatusCodes.Status200OK)]
    public async Task<ActionResult> Clarifications(Guid id, [FromQuery] PageRequest paging, [FromServices] Opportunities.ClarificationsHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.ForOfficerAsync(id, ct), list => Ok(this.Page(list, paging)));

    /// <summary>Answers a question and publishes it, without the asker's name, to every interested provider.</summary>
    [HttpPost("{id:guid}/clarifications/{clarificationId:guid}/answer")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Answer(Guid id, Guid clarificationId, Opportunities.AnswerClarificationCommand command,
        [FromServices] Opportunities.ClarificationsHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.AnswerAndPublishAsync(id, clarificationId, command, ct), _ => NoContent());

    /// <summary>Publishes an officer's own notice (question or subject and answer, no asker) to every interested provider.</summary>
    [HttpPost("{id:guid}/clarifications/notices")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<Opportunities.OfficerClarification>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> PublishNotice(Guid id, Opportunities.OfficerNoticeCommand command,
        [FromServices] Opportunities.ClarificationsHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.PublishNoticeAsync(id, command, ct), c => StatusCode(StatusCodes.Status201Created,
            new Opportunities.OfficerClarification(c.Id, c.Number, Opportunities.ClarificationsHandler.OfficerNoticeAsker, c.Question,
                ProcurementResponse.Utc(c.AskedAt)!.Value, c.PublishedQuestion, c.Answer, ProcurementResponse.Utc(c.PublishedAt))));

    /// <summary>
    /// Cancels the procurement before the award, with the reason (required): every provider that bid or registered
    /// interest is emailed, and the open data publishes a tenderCancellation release.
    /// </summary>
    [HttpPost("{id:guid}/cancel")]
    [TenantScoped(Role.ProcurementOfficer)]
    [ProducesResponseType<TransitionResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult> Cancel(Guid id, CancelProcurementCommand command, [FromServices] CancelProcurementHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(id, Actor, command, ct), r => Ok(new TransitionResponse(r.From.ToString(), r.To.ToString(), r.Changed)));
}
