namespace ProcurementPortal.Web.Infrastructure;

/// <summary>
/// The API endpoint that does what this page action does, through the same handler and so the same checks, as
/// "METHOD /api/v1/..." in the OpenAPI document's spelling (<c>POST /api/v1/t/{tenant}/procurements/{id}/publish</c>).
/// Every page POST carries this or <see cref="NoApiTwinAttribute"/>; a test holds each to a documented endpoint.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ApiTwinAttribute(string endpoint) : Attribute
{
    public string Endpoint { get; } = endpoint;
}

/// <summary>A page action (or every action of a page controller) that has no API twin, and why: browser-only by nature.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class NoApiTwinAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}
