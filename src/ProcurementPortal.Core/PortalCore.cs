using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Core.Pdf;
using ProcurementPortal.Core.Files;
using ProcurementPortal.Core.Integrations;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Core;

/// <summary>Registers what the web app and the worker share: data, tenancy, audit, email and job storage.</summary>
public static class PortalCore
{
    public const string MigrationsAssembly = "ProcurementPortal.Migrations";
    public const string HangfireSchema = "hangfire";

    public static string AppConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Portal")
        ?? throw new InvalidOperationException("ConnectionStrings:Portal (the app role's connection) is not configured.");

    public static void ConfigureDbContext(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly))
            .UseSnakeCaseNamingConvention();

    /// <summary>
    /// The app's connection, tuned where the connection string leaves a setting at Npgsql's default:
    /// <list type="bullet">
    /// <item>automatic preparation on: the portal sends the same few dozen statements over and over (the tenant settings,
    /// the bid's lookups, the inserts of a submission), and a statement prepared on a pooled connection is parsed and
    /// planned once, not on every use;</item>
    /// <item>a pool of <see cref="DefaultMaxPoolSize"/> connections per process rather than Npgsql's 100: PostgreSQL does
    /// the most work with a few active connections per core, and 200 requests at once then queue for a connection in the
    /// web process instead of starting 100 backends that share the database's cores (docs/adr/030);</item>
    /// <item>no reset of the session when a connection goes back to the pool: the only session state the app keeps is
    /// the tenant and provider settings, which <see cref="Data.TenantConnectionInterceptor"/> sets on every open before
    /// any statement runs (every open of this pool goes through EF), so the reset (seven statements sent before the
    /// next use's first) did nothing but cost the database work on every open (ADR 030).</item>
    /// </list>
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 100;
            builder.AutoPrepareMinUsages = 2;
        }
        if (!HasSetting(connectionString, "Maximum Pool Size", "MaxPoolSize"))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }
        if (!HasSetting(connectionString, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }

    /// <summary>The app's connections per process unless the connection string says otherwise (measured in infra/bench: ADR 030).</summary>
    public const int DefaultMaxPoolSize = 8;

    private static bool HasSetting(string connectionString, params string[] keywords)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return keywords.Any(given.ContainsKey);
    }

    public static IServiceCollection AddPortalCore(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = AppConnectionString(configuration);
        var preparedConnectionString = Tuned(connectionString);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        services.AddScoped<ProviderContext>();
        services.AddScoped<IProviderContext>(sp => sp.GetRequiredService<ProviderContext>());
        // Both save-time locks in one interceptor: one look at what the unit of work changed serves both.
        services.AddScoped(sp => new SaveLocksInterceptor(
            new TenantSaveLock(sp.GetRequiredService<ITenantContext>()), new ProviderSaveLock(sp.GetRequiredService<IProviderContext>())));
        services.AddScoped<TenantConnectionInterceptor>();
        services.AddDbContext<PortalDbContext>((sp, options) =>
        {
            ConfigureDbContext(options, preparedConnectionString);
            options.AddInterceptors(
                sp.GetRequiredService<SaveLocksInterceptor>(),
                sp.GetRequiredService<TenantConnectionInterceptor>());
        });
        // One key ring in the database for every process (web, worker, each replica): cookies survive restarts and
        // scale-out, and bid content sealed by one process opens in another.
        services.AddDataProtection()
            .SetApplicationName("ProcurementPortal")
            .PersistKeysToDbContext<PortalDbContext>();
        services.AddScoped<AuditLog>();
        services.AddScoped<Domain.Bids.BidProtector>();
        services.AddScoped<Domain.Evaluation.OpenedBids>();
        services.AddScoped<Jobs.TenantJobScope>();
        services.AddScoped<Jobs.SubmissionDeadlineReminders>();
        services.AddScoped<Jobs.SubmissionDeadlineReminders.TenantReminders>();
        services.AddScoped<Jobs.EvaluationDeadlineReminders>();
        services.AddScoped<Jobs.EvaluationDeadlineReminders.TenantReminders>();
        services.AddScoped<Jobs.ContractExpiryReminders>();
        services.AddScoped<Jobs.ContractExpiryReminders.TenantReminders>();
        services.AddScoped<Jobs.SchemeReopeningWarnings>();
        services.AddScoped<Jobs.SchemeReopeningWarnings.TenantWarnings>();
        services.AddSingleton<EmailTemplates>();
        services.AddScoped<EmailOutbox>();
        services.AddScoped<DeliverOutbox>();
        services.Configure<SmtpOptions>(configuration.GetSection("Smtp"));
        services.AddSingleton<IMailTransport, SmtpMailTransport>();
        services.AddPortalPdf(configuration);
        services.AddPortalFiles(configuration);
        services.AddPortalWebhooks(configuration);

        // The storage is this container's own singleton rather than Hangfire's static JobStorage.Current, so that two
        // hosts in one process (tests, or web + worker in one test run) never share or dispose each other's storage.
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = HangfireSchema,
            // The schema is installed by the migrator as the owner role; the app role cannot create it.
            PrepareSchemaIfNecessary = false,
            QueuePollInterval = configuration.GetValue("Jobs:QueuePollInterval", TimeSpan.FromSeconds(5)),
        };
        services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions));
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>()));
        return services;
    }

    /// <summary>Runs a Hangfire server in this process (the web app by default, or the worker).</summary>
    public static IServiceCollection AddPortalJobServer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHangfireServer(options =>
        {
            options.SchedulePollingInterval = configuration.GetValue("Jobs:SchedulePollingInterval", TimeSpan.FromSeconds(15));
            options.WorkerCount = configuration.GetValue("Jobs:WorkerCount", Environment.ProcessorCount * 2);
        });
        return services;
    }

    /// <summary>The recurring jobs of the portal; called once at start-up by whichever process runs a server.</summary>
    public static void RegisterRecurringJobs(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<DeliverOutbox>("deliver-outbox", j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<DeliverWebhooks>(DeliverWebhooks.RecurringJobId, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<Jobs.SubmissionDeadlineReminders>(Jobs.SubmissionDeadlineReminders.RecurringJobId, j => j.RunAsync(CancellationToken.None), "*/15 * * * *");
        jobs.AddOrUpdate<Jobs.ContractExpiryReminders>(Jobs.ContractExpiryReminders.RecurringJobId, j => j.RunAsync(CancellationToken.None), "0 7 * * *");
        jobs.AddOrUpdate<Jobs.SchemeReopeningWarnings>(Jobs.SchemeReopeningWarnings.RecurringJobId, j => j.RunAsync(CancellationToken.None), "30 7 * * *");
        jobs.AddOrUpdate<Jobs.EvaluationDeadlineReminders>(Jobs.EvaluationDeadlineReminders.RecurringJobId, j => j.RunAsync(CancellationToken.None), "0 * * * *");
    }
}
