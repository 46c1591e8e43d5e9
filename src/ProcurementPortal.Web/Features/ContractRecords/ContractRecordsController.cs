using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Web.Features.Award;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.ContractRecords;

/// <summary>The record-a-contract page's form: dates in GOV.UK's three boxes, money as people type it.</summary>
public sealed class RecordContractForm
{
    public string? Reference { get; set; }
    public string? Title { get; set; }
    public string? ProviderName { get; set; }
    public string? Service { get; set; }
    public string? StartsOnDay { get; set; }
    public string? StartsOnMonth { get; set; }
    public string? StartsOnYear { get; set; }
    public string? EndsOnDay { get; set; }
    public string? EndsOnMonth { get; set; }
    public string? EndsOnYear { get; set; }
    public string? AnnualValue { get; set; }
    public string? Value { get; set; }
    public string? ExtensionOptions { get; set; }

    public RecordContractCommand ToCommand(Errors errors) => new()
    {
        Reference = Reference,
        Title = Title,
        ProviderName = ProviderName,
        Service = Service,
        StartsOn = DateParts.Read(StartsOnDay, StartsOnMonth, StartsOnYear, errors, "StartsOnDay", "the start date"),
        EndsOn = DateParts.Read(EndsOnDay, EndsOnMonth, EndsOnYear, errors, "EndsOnDay", "the end date"),
        AnnualValue = ReadMoney(AnnualValue, nameof(AnnualValue), errors),
        Value = ReadMoney(Value, nameof(Value), errors),
        ExtensionOptions = ExtensionOptions,
    };

    private static decimal? ReadMoney(string? text, string field, Errors errors)
    {
        if (Money.TryParse(text, out var amount))
        {
            return amount;
        }
        errors.Add(field, "Enter an amount of money, like 385,248");
        return null;
    }
}

/// <summary>Recording an existing contract in the register (a page; the API twin is <see cref="ContractRecordsApiController"/>).</summary>
[TenantScoped(Role.ProcurementOfficer)]
[Route("{tenant}/contracts/record")]
public sealed class ContractRecordsController : Controller
{
    [HttpGet("")]
    public IActionResult Record() => View(new RecordContractForm());

    [HttpPost("")]
    [ApiTwin("POST /api/v1/t/{tenant}/contracts")]
    public async Task<IActionResult> Record(RecordContractForm form, [FromServices] RecordContractHandler handler, CancellationToken ct)
    {
        var errors = new Errors();
        var command = form.ToCommand(errors);
        var outcome = errors.IsEmpty ? await handler.HandleAsync(command, ct) : errors;
        if (outcome.Errors is { } found)
        {
            outcome = found.OnDayBoxes(nameof(RecordContractCommand.StartsOn), nameof(RecordContractCommand.EndsOn));
        }
        var slug = HttpContext.TenantMembership()!.Slug;
        return this.ToPageResult(outcome, () => View(form), c =>
        {
            TempData["Success"] = $"{c.Reference} {c.ProviderName} is recorded in the contract register";
            return Redirect($"/{slug}/decision-reports/new-waiver");
        });
    }
}

public sealed record ContractExtensionRow(DateOnly PreviousEndsOn, DateOnly NewEndsOn, decimal AddedValue, string Authority, Guid? DecisionReportId, DateTimeOffset RecordedAt, string RecordedByName)
{
    public static ContractExtensionRow From(ContractExtension x) => new(x.PreviousEndsOn, x.NewEndsOn, x.AddedValue, x.Authority, x.DecisionReportId,
        new DateTimeOffset(DateTime.SpecifyKind(x.RecordedAt, DateTimeKind.Utc)), x.RecordedByName);
}

/// <summary>Recording existing contracts in the register, and each contract's extension history.</summary>
[ApiController]
[Route("api/v1/t/{tenant}/contracts")]
[TenantScoped]
[Tags("Award")]
[ProducesResponseType(StatusCodes.Status404NotFound)]
public sealed class ContractRecordsApiController : ControllerBase
{
    /// <summary>Records a contract let before the portal or outside it, so that it can be extended by a waiver and reminded of.</summary>
    [HttpPost]
    [TenantScoped(Role.ProcurementOfficer)]
    [PersonOnly] // the officer who records a contract owns its reminders
    [ProducesResponseType<ContractRow>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Record(RecordContractCommand command, [FromServices] RecordContractHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(command, ct), c => StatusCode(StatusCodes.Status201Created,
            new ContractRow(c.Id, c.Reference, c.Title, c.ProviderName, c.LotName, c.StartsOn, c.EndsOn, c.ExtensionOptions, c.Value, c.Rates)));

    /// <summary>The contract's extensions, oldest first, each with the decision that allowed it.</summary>
    [HttpGet("{id:guid}/extensions")]
    [TenantScoped(Role.ProcurementOfficer, Role.Approver, Role.TenantAdmin)]
    [ProducesResponseType<List<ContractExtensionRow>>(StatusCodes.Status200OK)]
    public async Task<ActionResult> Extensions(Guid id, [FromQuery] PageRequest paging, [FromServices] ContractRegister register, CancellationToken ct) =>
        await register.FindAsync(id, ct) is { } contract ? Ok(this.Page(contract.Extensions, paging)) : NotFound();
}

public static class ContractRecordsFeature
{
    /// <summary>Recording existing contracts in the register.</summary>
    public static IServiceCollection AddContractRecordsFeature(this IServiceCollection services) => services.AddScoped<RecordContractHandler>();
}
