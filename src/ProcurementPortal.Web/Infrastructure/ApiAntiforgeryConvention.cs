using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ProcurementPortal.Web.Infrastructure;

/// <summary>
/// Every form post of the pages is checked for an antiforgery token (global filter). API controllers are exempt in
/// one place: /api authenticates with bearer tokens only (the Portal scheme never reads the cookie there), so a
/// browser has no ambient credential that a forged request could ride on.
/// </summary>
public sealed class ApiAntiforgeryConvention : IControllerModelConvention
{
    public void Apply(ControllerModel controller)
    {
        if (controller.Attributes.OfType<ApiControllerAttribute>().Any())
        {
            controller.Filters.Add(new IgnoreAntiforgeryTokenAttribute());
        }
    }
}
