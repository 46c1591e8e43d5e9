using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Web.Features.Notices;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Schemes;

/// <summary>A dynamic market as a provider sees it: the conditions of membership and the lots with their bands' ceilings.</summary>
public sealed record MarketView(Guid SchemeId, string Reference, string Title, DateOnly EndsOn, string ConditionsOfMembership, IReadOnlyList<SchemeLot> Lots)
{
    public static MarketView From(SchemeView s) => new(s.Id, s.Reference, s.Title, s.EndsOn, s.ConditionsOfMembership ?? "", s.Lots);
}

public sealed record MarketPage(MarketView Market, ProviderChoice Provider, MarketApplicationForm Form);

public sealed record YourApplicationPage(MarketView Market, ApplicationView Application);

/// <summary>The apply page's form: a box per lot to apply for, and a rate per band of every lot (<c>Rates[lotId:bandCode]</c>).</summary>
public sealed class MarketApplicationForm
{
    public Guid? ProviderId { get; set; }
    public List<Guid> LotIds { get; set; } = [];
    public Dictionary<string, string?> Rates { get; set; } = new();
    public string? Statement { get; set; }

    public static string Key(Guid lotId, string bandCode) => $"{lotId}:{bandCode}";

    /// <summary>The command for the lots ticked, in the market's order; a rate that is not a number is an error on its box.</summary>
    public ApplyToMarketCommand ToCommand(MarketView market, Errors errors) => new()
    {
        ProviderId = ProviderId,
        Statement = Statement,
        Lots = market.Lots.Where(l => LotIds.Contains(l.LotId)).Select(l => new AppliedLotCommand
        {
            LotId = l.LotId,
            Rates = l.Bands.ToDictionary(b => b.Code, b => Rate(Key(l.LotId, b.Code), errors)),
        }).ToList(),
    };

    /// <summary>The command's field names (<c>Lots[i].Rates[B1]</c>) as the page's boxes (<c>Rates[lotId:B1]</c>).</summary>
    public Errors ForPage(MarketView market, Errors errors)
    {
        var chosen = market.Lots.Where(l => LotIds.Contains(l.LotId)).ToList();
        var moved = new Errors();
        foreach (var (field, messages) in errors.ToDictionary())
        {
            var page = field;
            for (var i = 0; i < chosen.Count; i++)
            {
                page = page.Replace($"Lots[{i}].Rates[", $"Rates[{chosen[i].LotId}:").Replace($"Lots[{i}].LotId", "Lots");
            }
            foreach (var message in messages)
            {
                moved.Add(page, message);
            }
        }
        return moved;
    }

    private decimal? Rate(string key, Errors errors)
    {
        var text = Rates.GetValueOrDefault(key)?.Trim().TrimStart('£');
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.GetCultureInfo("en-GB"), out var rate))
        {
            return rate;
        }
        errors.Add($"Rates[{key}]", "Enter the rate as a number of pounds and pence, like 15.75");
        return null;
    }
}

/// <summary>
/// A dynamic market, the provider's side: read the conditions of membership, apply for lots with a rate per band, and
/// follow the application. Another provider's application answers 404 (API twin: <see cref="MarketApiController"/>).
/// </summary>
[Authorize]
[PublicTenantPage]
[Route("{tenant}/dynamic-markets/{schemeId:guid}")]
public sealed class MarketController(MarketAccess access) : Controller
{
    private const string Apply = "/Features/Schemes/Market.cshtml";
    private const string Yours = "/Features/Schemes/YourApplication.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid schemeId, Guid? providerId, CancellationToken ct) =>
        await access.OpenAsync(schemeId, providerId, ct) is { } open
            ? View(Apply, new MarketPage(MarketView.From(open.Market), open.Provider, new MarketApplicationForm { ProviderId = open.Provider.Id }))
            : NotFound();

    [HttpPost("applications")]
    [ApiTwin("POST /api/v1/t/{tenant}/dynamic-markets/{schemeId}/applications")]
    public async Task<IActionResult> Create(Guid schemeId, MarketApplicationForm form, [FromServices] ApplyToMarketHandler handler, CancellationToken ct)
    {
        if (await access.OpenAsync(schemeId, form.ProviderId, ct) is not { } open)
        {
            return NotFound();
        }
        var market = MarketView.From(open.Market);
        var errors = new Errors();
        var command = form.ToCommand(market, errors);
        var outcome = errors.IsEmpty ? await handler.HandleAsync(schemeId, command, ct) : errors;
        if (outcome.Errors is { } found)
        {
            outcome = form.ForPage(market, found);
        }
        return this.ToPageResult(outcome, () => View(Apply, new MarketPage(market, open.Provider, form)), a =>
        {
            TempData["Success"] = "Your application is sent: the council will admit or refuse it and tell you why";
            return Redirect($"/{RouteData.Values["tenant"]}/dynamic-markets/{schemeId}/applications/{a.Id}?providerId={a.ProviderId}");
        });
    }

    [HttpGet("applications/{applicationId:guid}")]
    public async Task<IActionResult> Application(Guid schemeId, Guid applicationId, Guid? providerId, CancellationToken ct) =>
        await access.OpenAsync(schemeId, providerId, ct) is { } open && await access.ApplicationAsync(schemeId, applicationId, ct) is { } application
            ? View(Yours, new YourApplicationPage(MarketView.From(open.Market), application))
            : NotFound();
}

/// <summary>A dynamic market, the provider's side: its conditions and lots, applying, and the provider's own application.</summary>
[ApiController]
[Authorize]
[PublicTenantPage]
[Route("api/v1/t/{tenant}/dynamic-markets/{schemeId:guid}")]
[Tags("Framework")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
public sealed class MarketApiController(MarketAccess access) : ControllerBase
{
    /// <summary>The conditions of membership and the lots with their bands' ceiling rates.</summary>
    [HttpGet]
    [ProducesResponseType<MarketView>(StatusCodes.Status200OK)]
    public async Task<ActionResult> Get(Guid schemeId, Guid? providerId, CancellationToken ct) =>
        await access.OpenAsync(schemeId, providerId, ct) is { } open ? Ok(MarketView.From(open.Market)) : NotFound();

    /// <summary>Applies for lots with a rate per band (none above its ceiling, else nothing is saved) and a statement of how the conditions are met.</summary>
    [HttpPost("applications")]
    [ProducesResponseType<ApplicationView>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Create(Guid schemeId, ApplyToMarketCommand command, [FromServices] ApplyToMarketHandler handler, CancellationToken ct) =>
        this.ToApiResult(await handler.HandleAsync(schemeId, command, ct), a => StatusCode(StatusCodes.Status201Created, ApplicationView.From(a, null)));

    /// <summary>The provider's own application and the council's decision with its reasons.</summary>
    [HttpGet("applications/{applicationId:guid}")]
    [ProducesResponseType<ApplicationView>(StatusCodes.Status200OK)]
    public async Task<ActionResult> Application(Guid schemeId, Guid applicationId, Guid? providerId, CancellationToken ct) =>
        await access.OpenAsync(schemeId, providerId, ct) is not null && await access.ApplicationAsync(schemeId, applicationId, ct) is { } application
            ? Ok(application)
            : NotFound();
}
