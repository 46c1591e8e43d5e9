using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ProcurementPortal.Core;
using ProcurementPortal.Core.Domain;

namespace ProcurementPortal.Web.Infrastructure;

public static class StartupTasks
{
    /// <summary>
    /// Bootstraps the platform admin from configuration, seeds demo data when asked, registers recurring jobs, and
    /// prepares what every node otherwise builds in its first requests (see <see cref="WarmUp"/>).
    /// </summary>
    public static async Task StartupTasksAsync(this IServiceProvider services, IConfiguration config)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<PortalOptions>>().Value;
        await EnsurePlatformAdminAsync(scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>(), options.PlatformAdmin);
        if (options.SeedDemoData)
        {
            await DemoData.SeedAsync(scope.ServiceProvider);
        }
        if (config.GetValue("Jobs:InProcessServer", true))
        {
            PortalCore.RegisterRecurringJobs(scope.ServiceProvider.GetRequiredService<IRecurringJobManager>());
        }
        await using var warmUp = services.CreateAsyncScope(); // its own unit of work: no tenant, nothing tracked
        await WarmUp.PrepareAsync(warmUp.ServiceProvider, CancellationToken.None);
    }

    public static async Task EnsurePlatformAdminAsync(UserManager<PortalUser> users, PlatformAdminOptions admin)
    {
        if (string.IsNullOrWhiteSpace(admin.Email) || string.IsNullOrWhiteSpace(admin.Password))
        {
            return;
        }
        var user = await users.FindByEmailAsync(admin.Email);
        if (user is null)
        {
            user = new PortalUser { UserName = admin.Email, Email = admin.Email, EmailConfirmed = true, DisplayName = "Platform admin", IsPlatformAdmin = true };
            Check(await users.CreateAsync(user, admin.Password), admin.Email);
        }
        else if (!user.IsPlatformAdmin)
        {
            user.IsPlatformAdmin = true;
            Check(await users.UpdateAsync(user), admin.Email);
        }
    }

    public static void Check(IdentityResult result, string who)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not set up {who}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
