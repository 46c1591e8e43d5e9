using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.IntegrationTests.Demo;

/// <summary>A portal of its own, started with <c>Portal:SeedDemoData=true</c> as infra/run starts it.</summary>
public sealed class DemoPortalFixture : IAsyncLifetime
{
    public PortalFixture Portal { get; } = new() { Settings = { ["Portal:SeedDemoData"] = "true" } };

    public Task InitializeAsync() => Portal.InitializeAsync();

    public Task DisposeAsync() => Portal.DisposeAsync();
}

public sealed partial class DemoDataTests(DemoPortalFixture demo) : IClassFixture<DemoPortalFixture>
{
    private readonly PortalFixture portal = demo.Portal;

    [Fact]
    public async Task Every_tenant_from_the_papers_has_an_admin_two_officers_two_evaluators_and_an_approver()
    {
        await using var db = portal.SuperuserDb();
        var tenants = await db.Organisations.Where(o => o.Kind == OrganisationKind.CommissioningBody).ToListAsync();
        foreach (var (slug, name, postcode) in new[]
                 {
                     ("lancashire", "Lancashire County Council", "PR1 8XJ"),
                     ("leeds", "Leeds City Council", "LS1 1UR"),
                     ("lambeth", "Lambeth Council", "SW2 1EG"),
                     ("lambeth-ccg", "NHS Lambeth CCG", "SE1 7NT"),
                 })
        {
            var tenant = Assert.Single(tenants, t => t.Slug == slug);
            Assert.Equal(name, tenant.Name);
            Assert.Equal(postcode, tenant.Postcode);
            var roles = await db.Memberships.Where(m => m.OrganisationId == tenant.Id).Select(m => m.Role).ToListAsync();
            Assert.Equal(
                [Role.TenantAdmin, Role.ProcurementOfficer, Role.ProcurementOfficer, Role.Evaluator, Role.Evaluator, Role.Approver],
                roles.Order());
        }
    }

    [Fact]
    public async Task Lancashire_has_its_framework_as_a_draft_with_three_lots_of_four_bands_seeded_once()
    {
        var lancashire = await portal.SuperuserDb().Organisations.SingleAsync(o => o.Slug == "lancashire");
        await using (var scope = portal.App.Services.CreateAsyncScope())
        {
            await DemoData.SeedAsync(scope.ServiceProvider); // a second start-up
        }

        await using var db = portal.SuperuserDb(lancashire.Id);
        var procurement = await db.Procurements.Include(p => p.Lots).ThenInclude(l => l.Bands).SingleAsync();
        Assert.Equal(ProcurementPortal.Core.Domain.Procurements.ProcurementState.Draft, procurement.State);
        Assert.Matches(@"^LCC-\d{4}-0001$", procurement.Reference);
        Assert.Equal(["Central", "East", "North"], procurement.Lots.Select(l => l.Name).Order());
        Assert.All(procurement.Lots, l => Assert.Equal(4, l.Bands.Count));
        Assert.Equal(5_306_938.00m, ProcurementPortal.Core.Domain.Procurements.Affordability.Of(procurement).AnnualCostAtCeiling);
    }

    [Fact]
    public async Task Each_provider_has_registration_numbers_of_the_right_shape_an_admin_and_a_bid_writer()
    {
        await using var db = portal.SuperuserDb();
        var providers = await db.Organisations.Where(o => o.Kind == OrganisationKind.Provider).ToListAsync();
        Assert.Equal(3, providers.Count);
        foreach (var provider in providers)
        {
            Assert.Matches(CompaniesHouseNumber(), provider.CompaniesHouseNumber);
            Assert.Matches(CqcLocationId(), provider.CqcLocationId);
            Assert.True(provider.CharityNumber is null || CharityNumber().IsMatch(provider.CharityNumber), provider.CharityNumber);
            var roles = await db.Memberships.Where(m => m.OrganisationId == provider.Id).Select(m => m.Role).ToListAsync();
            Assert.Equal([Role.ProviderAdmin, Role.BidWriter], roles.Order());
        }
    }

    [Fact]
    public async Task Lambeths_joint_officer_is_an_officer_of_both_the_council_and_the_ccg()
    {
        await using var db = portal.SuperuserDb();
        var user = await db.Users.SingleAsync(u => u.Email == DemoData.JointOfficerEmail);
        var tenants = await db.Memberships.Where(m => m.UserId == user.Id && m.Role == Role.ProcurementOfficer)
            .Select(m => m.Organisation!.Slug).ToListAsync();
        Assert.Equal(["lambeth", "lambeth-ccg"], tenants.Order());
    }

    [Fact]
    public async Task Every_demo_user_signs_in_with_the_demo_password()
    {
        var client = portal.CreateClient();
        foreach (var email in DemoData.Logins.Select(l => l.Email).Distinct())
        {
            var response = await client.PostAsJsonAsync("/api/v1/identity/login", new { email, password = DemoData.Password });
            Assert.True(response.IsSuccessStatusCode, $"{email} could not sign in: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        var before = await SnapshotAsync();
        await using (var scope = portal.App.Services.CreateAsyncScope())
        {
            await DemoData.SeedAsync(scope.ServiceProvider);
        }
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Seeding_logs_one_line_per_demo_login()
    {
        var logs = new CapturingLoggerProvider();
        await using (var scope = portal.App.Services.CreateAsyncScope())
        {
            using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
            await DemoData.SeedAsync(new OverridingServices(scope.ServiceProvider, loggers));
        }
        foreach (var login in DemoData.Logins)
        {
            Assert.Single(logs.Lines, line => line.Contains(login.Email) && line.Contains(login.Role.DisplayName()) && line.Contains(login.OrganisationName));
        }
        Assert.Contains(logs.Lines, line => line.Contains(PortalFixture.PlatformAdminEmail));
        Assert.Contains(logs.Lines, line => line.Contains(DemoData.Password));
    }

    private async Task<string> SnapshotAsync()
    {
        await using var db = portal.SuperuserDb();
        var users = await db.Users.OrderBy(u => u.Id)
            .Select(u => $"{u.Id} {u.Email} {u.PasswordHash} {u.SecurityStamp} {u.ConcurrencyStamp}").ToListAsync();
        var organisations = await db.Organisations.OrderBy(o => o.Id).Select(o => $"{o.Id} {o.Name} {o.Slug}").ToListAsync();
        var memberships = await db.Memberships.OrderBy(m => m.Id).Select(m => $"{m.Id} {m.UserId} {m.OrganisationId} {m.Role}").ToListAsync();
        return string.Join("\n", users.Concat(organisations).Concat(memberships));
    }

    [GeneratedRegex(@"^(\d{8}|[A-Z]{2}\d{6})$")]
    private static partial Regex CompaniesHouseNumber();

    [GeneratedRegex(@"^1-\d{9,11}$")]
    private static partial Regex CqcLocationId();

    [GeneratedRegex(@"^\d{6,7}$")]
    private static partial Regex CharityNumber();

    /// <summary>The scope's services, but with another logger factory.</summary>
    private sealed class OverridingServices(IServiceProvider inner, ILoggerFactory loggers) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(ILoggerFactory) ? loggers : inner.GetService(serviceType);
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public List<string> Lines { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(Lines);

        public void Dispose()
        {
        }

        private sealed class Logger(List<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (lines)
                {
                    lines.Add(formatter(state, exception));
                }
            }
        }
    }
}
