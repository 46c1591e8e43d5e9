namespace ProcurementPortal.Web.Infrastructure;

/// <summary>Demo tenants, users and providers from the seed papers (idempotent).</summary>
public static class DemoData
{
    public static Task SeedAsync(IServiceProvider services) => Task.CompletedTask;
}
