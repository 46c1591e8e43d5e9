using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.FindWork;

/// <summary>Open tenders of every tenant, for anyone (signed in or not) looking for work.</summary>
[AllowAnonymous]
[Route("opportunities")]
public sealed class FindWorkController(FindOpportunities find) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] FindOpportunitiesQuery query, CancellationToken ct)
    {
        var outcome = await find.HandleAsync(query, ct);
        if (outcome.Errors is { } errors)
        {
            // A filter that cannot be read is shown with its error, over the unfiltered list.
            errors.CopyTo(ModelState);
            outcome = await find.HandleAsync(new FindOpportunitiesQuery(), ct);
        }
        ViewData["Query"] = query;
        return View(outcome.Value);
    }
}

/// <summary>Open tenders of every tenant: published, with the submission deadline ahead; searchable and paged.</summary>
[ApiController]
[AllowAnonymous]
[Route("api/v1/opportunities")]
[Tags("Opportunities")]
public sealed class FindWorkApiController(FindOpportunities find) : ControllerBase
{
    /// <summary>
    /// Searches open tenders by words in the title or description (q), CPV category prefix (cpv), tenant slug (tenant)
    /// and closing date (closingBefore, a UK date: yyyy-mm-dd). Each item links to the tender's page.
    /// </summary>
    [HttpGet]
    [ProducesResponseType<OpportunityPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Search([FromQuery] FindOpportunitiesQuery query, CancellationToken ct) =>
        this.ToApiResult(await find.HandleAsync(query, ct), page =>
        {
            Response.WritePageHeaders(new PageRequest { Page = page.Page, PageSize = page.PageSize }, page.Total);
            return Ok(page);
        });
}
