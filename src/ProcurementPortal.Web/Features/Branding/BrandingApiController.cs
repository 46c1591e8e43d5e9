using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Branding;

[ApiController]
[Route("api/v1/t/{tenant}/branding")]
[Tags("Branding")]
public sealed class BrandingApiController(TenantBranding branding) : ControllerBase
{
    /// <summary>The tenant's letterhead: display name, address, contact, and whether it has a logo.</summary>
    [HttpGet]
    [TenantScoped(Role.TenantAdmin)]
    [ProducesResponseType<BrandingView>(StatusCodes.Status200OK)]
    public Task<BrandingView> Get(CancellationToken ct) => branding.GetAsync(ct);

    /// <summary>Replaces the letterhead's display name, address and contact.</summary>
    [HttpPut]
    [TenantScoped(Role.TenantAdmin)]
    [ProducesResponseType<BrandingView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Put(UpdateBrandingCommand command, [FromServices] UpdateBranding update, CancellationToken ct) =>
        this.ToApiResult(await update.HandleAsync(command, ct), view => Ok(view));

    /// <summary>Replaces the logo: a multipart form with one PNG or JPEG file named "Logo", at most 512 KB.</summary>
    [HttpPut("logo")]
    [TenantScoped(Role.TenantAdmin)]
    [RequestSizeLimit(4 * 1024 * 1024)]
    [ProducesResponseType<BrandingView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> PutLogo([FromForm(Name = "Logo")] IFormFile? logo, [FromServices] UploadLogo upload, CancellationToken ct) =>
        this.ToApiResult(await upload.HandleAsync(await UploadLogoCommand.FromFileAsync(logo, ct), ct), view => Ok(view));

    /// <summary>The logo image, for any member of the tenant.</summary>
    [HttpGet("logo")]
    [TenantScoped]
    [ProducesResponseType(typeof(byte[]), StatusCodes.Status200OK, "image/png", "image/jpeg")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult> GetLogo(CancellationToken ct) =>
        await branding.LogoAsync(ct) is { } logo ? File(logo.Content, logo.ContentType) : NotFound();
}
