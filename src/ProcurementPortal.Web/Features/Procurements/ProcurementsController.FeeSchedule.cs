using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Procurements;

public sealed record FeeScheduleImportPage(string Caption, string Action, string Back);

/// <summary>The fee schedule as a file: downloaded as CSV or Excel, and uploaded in either to replace the bands.</summary>
public sealed partial class ProcurementsController
{
    [HttpGet("{id:guid}/fee-schedule.csv")]
    public Task<IActionResult> FeeScheduleCsvFile(Guid id, CancellationToken ct) =>
        FeeScheduleFileAsync(id, p => Task.FromResult(FeeScheduleFile.Csv(p)), ct);

    [HttpGet("{id:guid}/fee-schedule.xlsx")]
    public Task<IActionResult> FeeScheduleXlsxFile(Guid id, CancellationToken ct) =>
        FeeScheduleFileAsync(id, p => FeeScheduleFile.XlsxAsync(p, ct), ct);

    private async Task<IActionResult> FeeScheduleFileAsync(Guid id, Func<Procurement, Task<FeeScheduleFile>> write, CancellationToken ct) =>
        await db.LoadWholeAsync(id, ct) is { } p && await write(p) is var file ? File(file.Content, file.ContentType, file.Name) : NotFound();

    [HttpGet("{id:guid}/fee-schedule/import")]
    [TenantScoped(Role.ProcurementOfficer)]
    public async Task<IActionResult> ImportFeeSchedule(Guid id, CancellationToken ct) =>
        await db.LoadWholeAsync(id, ct) is { } p ? View("FeeScheduleImport", ImportPage(p)) : NotFound();

    [HttpPost("{id:guid}/fee-schedule/import")]
    [ApiTwin("PUT /api/v1/t/{tenant}/procurements/{id}/fee-schedule.csv")]
    [TenantScoped(Role.ProcurementOfficer)]
    [RequestSizeLimit(FeeScheduleXlsx.MaxBytes + 64 * 1024)]
    public async Task<IActionResult> ImportFeeSchedule(Guid id, [FromForm(Name = "File")] IFormFile? file, [FromServices] ImportFeeScheduleHandler handler, CancellationToken ct)
    {
        if (await db.LoadWholeAsync(id, ct) is not { } p)
        {
            return NotFound();
        }
        var extension = Path.GetExtension(file?.FileName ?? "").ToLowerInvariant();
        Outcome<Procurement> outcome;
        if (file is null || file.Length == 0 || extension is not (".csv" or ".xlsx"))
        {
            outcome = new Errors().Add("File", "Choose a fee schedule saved as CSV (.csv) or Excel (.xlsx)");
        }
        else if (extension == ".xlsx")
        {
            await using var stream = new MemoryStream();
            await file.CopyToAsync(stream, ct);
            stream.Position = 0;
            outcome = await handler.HandleXlsxAsync(id, stream, ct);
        }
        else
        {
            using var reader = new StreamReader(file.OpenReadStream(), System.Text.Encoding.UTF8);
            outcome = await handler.HandleAsync(id, await reader.ReadToEndAsync(ct), ct);
        }
        return this.ToPageResult(outcome, () => View("FeeScheduleImport", ImportPage(p)),
            changed => Done(id, $"Fee schedule imported: {changed.Lots.Sum(l => l.Bands.Count)} bands in {changed.Lots.Count} lots"));
    }

    private FeeScheduleImportPage ImportPage(Procurement p) => new(CaptionOf(p), $"{PageOf(p.Id)}/fee-schedule/import", PageOf(p.Id));
}
