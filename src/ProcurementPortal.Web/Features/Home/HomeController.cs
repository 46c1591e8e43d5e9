using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Home;

public sealed class HomeController(PortalDbContext db) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (User.UserId() is not { } userId)
        {
            return View("Landing");
        }
        var organisations = await NavigationService.MyOrganisationsAsync(db, userId, ct);
        if (organisations.Count == 1 && !User.HasClaim(PortalClaims.PlatformAdmin, "true"))
        {
            return Redirect(organisations[0].Href);
        }
        return View("Organisations", organisations);
    }

    /// <summary>The tenant switcher posts here; only a local address of the user's own organisations is followed.</summary>
    [HttpGet("/switch")]
    [Authorize]
    public async Task<IActionResult> Switch(string? to, CancellationToken ct)
    {
        var organisations = await NavigationService.MyOrganisationsAsync(db, User.UserId()!.Value, ct);
        var target = organisations.FirstOrDefault(o => o.Href == to);
        return target is null ? NotFound() : Redirect(target.Href);
    }

    [HttpGet("/accessibility")]
    public IActionResult Accessibility() => View();

    /// <summary>Error pages re-executed by the status-code and exception middleware; they show nothing of the cause.</summary>
    [NoApiTwin("The error page a failed request is re-executed on, with the failed request's method; it changes nothing")]
    [Route("/error/{code:int}")] // any method: a failed POST is re-executed here as a POST
    [IgnoreAntiforgeryToken]
    [ApiExplorerSettings(IgnoreApi = true)]
    public IActionResult Error(int code)
    {
        var status = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null && HttpContext.Features.Get<IExceptionHandlerPathFeature>() is null
            ? code
            : HttpContext.Response.StatusCode;
        Response.StatusCode = status is >= 400 and < 600 ? status : 500;
        return View("Error", Response.StatusCode);
    }
}
