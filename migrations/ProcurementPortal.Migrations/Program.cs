namespace ProcurementPortal.Migrations;

/// <summary>
/// Usage: ProcurementPortal.Migrations migrate
/// Reads ConnectionStrings__PortalOwner (the owner role) and Database__AppRole (default portal_app).
/// </summary>
public static class MigratorProgram
{
    public static async Task<int> Main(string[] args)
    {
        var command = args.FirstOrDefault() ?? "migrate";
        if (command != "migrate")
        {
            Console.Error.WriteLine($"Unknown command '{command}'. Usage: ProcurementPortal.Migrations migrate");
            return 2;
        }
        var owner = Environment.GetEnvironmentVariable("ConnectionStrings__PortalOwner");
        if (string.IsNullOrWhiteSpace(owner))
        {
            Console.Error.WriteLine("ConnectionStrings__PortalOwner is not set: the migrator runs as the database owner role.");
            return 2;
        }
        var appRole = Environment.GetEnvironmentVariable("Database__AppRole") ?? "portal_app";
        await Migrator.MigrateAsync(owner, appRole);
        Console.WriteLine($"Database migrated; grants given to {appRole}.");
        return 0;
    }
}
