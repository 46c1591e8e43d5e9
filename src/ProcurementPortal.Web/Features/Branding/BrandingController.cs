using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Branding;

/// <summary>The tenant's letterhead: a tenant admin edits it; every member can see the logo.</summary>
[Route("{tenant}")]
public sealed class BrandingController(TenantBranding branding) : Controller
{
    private string Slug => HttpContext.TenantMembership()!.Slug;

    [HttpGet("admin/branding")]
    [TenantScoped(Role.TenantAdmin)]
    public async Task<IActionResult> Edit(CancellationToken ct)
    {
        var current = await branding.GetAsync(ct);
        ViewData["HasLogo"] = current.HasLogo;
        return View(UpdateBrandingCommand.From(current));
    }

    [HttpPost("admin/branding")]
    [ApiTwin("PUT /api/v1/t/{tenant}/branding")]
    [TenantScoped(Role.TenantAdmin)]
    public async Task<IActionResult> Edit(UpdateBrandingCommand command, [FromServices] UpdateBranding update, CancellationToken ct)
    {
        var outcome = await update.HandleAsync(command, ct);
        ViewData["HasLogo"] = (await branding.GetAsync(ct)).HasLogo;
        return this.ToPageResult(outcome, () => View(command), _ =>
        {
            TempData["Success"] = "Letterhead saved";
            return Redirect($"/{Slug}/admin/branding");
        });
    }

    [HttpGet("admin/branding/logo")]
    [TenantScoped(Role.TenantAdmin)]
    public IActionResult Logo() => View();

    [HttpPost("admin/branding/logo")]
    [ApiTwin("PUT /api/v1/t/{tenant}/branding/logo")]
    [TenantScoped(Role.TenantAdmin)]
    [RequestSizeLimit(4 * 1024 * 1024)]
    public async Task<IActionResult> Logo([FromForm(Name = "Logo")] IFormFile? logo, [FromServices] UploadLogo upload, CancellationToken ct) =>
        this.ToPageResult(await upload.HandleAsync(await UploadLogoCommand.FromFileAsync(logo, ct), ct), View, _ =>
        {
            TempData["Success"] = "Logo uploaded";
            return Redirect($"/{Slug}/admin/branding");
        });

    [HttpGet("branding/logo")]
    [TenantScoped]
    public async Task<IActionResult> LogoImage(CancellationToken ct) =>
        await branding.LogoAsync(ct) is { } logo ? File(logo.Content, logo.ContentType) : NotFound();
}
