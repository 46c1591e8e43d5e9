namespace ProcurementPortal.Web.Infrastructure;

public sealed class PortalOptions
{
    /// <summary>The public address of the portal, used in links in emails.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>Seeds the demo tenants, users and providers (idempotent) at start-up.</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>After seeding, stages the seed papers' procurements at five points of the lifecycle (infra/run --demo).</summary>
    public bool DemoStages { get; set; }

    public PlatformAdminOptions PlatformAdmin { get; set; } = new();
}

public sealed class PlatformAdminOptions
{
    public string? Email { get; set; }
    public string? Password { get; set; }
}
