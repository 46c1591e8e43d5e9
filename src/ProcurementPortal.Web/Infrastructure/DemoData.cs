using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Demo;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Web.Infrastructure;

/// <summary>
/// Demo tenants, users and providers (seeded when <c>Portal:SeedDemoData</c> is true). The commissioning bodies
/// and their addresses are real, taken from the seed papers; the people and the providers are invented.
/// Idempotent: organisations are found by slug (tenants) or name (providers), users by email, memberships by
/// (user, organisation, role); only what is missing is created and nothing existing is changed.
/// </summary>
public static class DemoData
{
    /// <summary>The one password of every demo user (at least 12 characters, as the portal requires).</summary>
    public const string Password = "Demo-portal-2026";

    public static readonly IReadOnlyList<DemoOrganisation> Organisations =
    [
        // "Development of Commissioning and Procurement Arrangements for the Mental Health Care and Support
        // Market", report to the Cabinet Member for Adult and Community Services, 12 October 2015.
        Tenant("lancashire", "Lancashire County Council", "County Hall", "Fishergate", "Preston", "PR1 8XJ"),
        // "MH 3rd Sector Commissioned Services", Adult Social Care Directorate Leadership Team, 23 November 2016.
        Tenant("leeds", "Leeds City Council", "Civic Hall", "Calverley Street", "Leeds", "LS1 1UR"),
        // "Integrated Personalised Support Alliance (IPSA) – Adult Mental Health", Cabinet, 9 February 2015, and
        // "Progress report on Lambeth Together: Integrating Health and Care in Lambeth": the Council and the CCG
        // pool budgets under a Section 75 agreement and share a commissioning team.
        Tenant("lambeth", "Lambeth Council", "Lambeth Civic Centre", "6 Brixton Hill", "London", "SW2 1EG"),
        // The same two Lambeth papers: the CCG is the Council's partner in the pooled fund.
        Tenant("lambeth-ccg", "NHS Lambeth CCG", "1 Lower Marsh", null, "London", "SE1 7NT"),
        // Equality impact assessment "Partnerships" (budget number 16-001-17), Adult Social Care,
        // Cabinet 14 February 2017: integrated commissioning with the county's CCGs.
        Tenant("northamptonshire", "Northamptonshire County Council", "One Angel Square", "Angel Street", "Northampton", "NN1 1ED"),

        // Invented providers. Companies House numbers 99xxxxxx, charity numbers 1999xxx and CQC location ids
        // 1-999xxxxxxx have the right shape but lie outside the ranges issued so far, so none is a real body's.
        Provider("ribble-valley", "Ribble Valley Supported Living Ltd", "Unit 4, Demo Business Park", "Clitheroe", "BB7 1AA",
            companiesHouse: "99000101", charity: null, cqc: "1-9990000101"),
        Provider("aire-valley", "Aire Valley Recovery Trust", "2 Example Yard, Kirkstall Road", "Leeds", "LS3 1AA",
            companiesHouse: "99000102", charity: "1999102", cqc: "1-9990000102"),
        Provider("brixton-wellbeing", "Brixton Wellbeing Partnership CIC", "3 Sample Mews, Acre Lane", "London", "SW2 5AA",
            companiesHouse: "99000103", charity: null, cqc: "1-9990000103"),
    ];

    /// <summary>Every demo login: one row per role a person holds in an organisation.</summary>
    public static readonly IReadOnlyList<DemoLogin> Logins = BuildLogins();

    /// <summary>Creates whatever part of the demo data is missing, then logs the demo logins.</summary>
    public static async Task SeedAsync(IServiceProvider scopedServices)
    {
        var db = scopedServices.GetRequiredService<PortalDbContext>();
        var users = scopedServices.GetRequiredService<UserManager<PortalUser>>();

        var organisations = new Dictionary<string, Organisation>();
        foreach (var demo in Organisations)
        {
            organisations[demo.Key] = await FindAsync(db, demo) ?? db.Organisations.Add(demo.ToOrganisation()).Entity;
        }
        await db.SaveChangesAsync();

        var existing = await db.Memberships.AsNoTracking()
            .Select(m => new { m.UserId, m.OrganisationId, m.Role })
            .ToListAsync();
        foreach (var person in Logins.GroupBy(l => l.Email))
        {
            var user = await users.FindByEmailAsync(person.Key) ?? await CreateUserAsync(users, person.Key, person.First().DisplayName);
            foreach (var login in person)
            {
                var organisation = organisations[login.OrganisationKey];
                if (!existing.Any(m => m.UserId == user.Id && m.OrganisationId == organisation.Id && m.Role == login.Role))
                {
                    db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = organisation.Id, Role = login.Role });
                }
            }
        }
        await db.SaveChangesAsync();
        await SeedLancashireFrameworkAsync(scopedServices, organisations["lancashire"]);
        await Features.DecisionReports.DecisionReportsDemo.SeedAsync(scopedServices, organisations["leeds"]);

        LogLogins(scopedServices);
    }

    /// <summary>
    /// The Lancashire mental health care and support framework as a draft procurement (lots East, North, Central;
    /// four need bands each), in a unit of work of Lancashire's own, once: only when Lancashire has no procurement.
    /// </summary>
    private static async Task SeedLancashireFrameworkAsync(IServiceProvider services, Organisation lancashire)
    {
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(lancashire);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (await db.Procurements.AnyAsync())
        {
            return;
        }
        var now = DateTime.UtcNow;
        var procurement = LancashireFramework.Build(now);
        procurement.Reference = $"LCC-{now:yyyy}-0001";
        procurement.CreatedAt = now;
        db.Procurements.Add(procurement);
        await AddSpecificationAsync(db, scope.ServiceProvider.GetRequiredService<Core.Files.IFileStore>(), procurement, now);
        await db.SaveChangesAsync();
    }

    /// <summary>The framework's service specification, as a tender document officers can replace before publishing.</summary>
    private static async Task AddSpecificationAsync(PortalDbContext db, Core.Files.IFileStore files, Core.Domain.Procurements.Procurement procurement, DateTime now)
    {
        var pdf = DemoDocument.Pdf("Mental Health Care and Support Framework: service specification",
            "Lots East, North and Central; four bands of assessed need, paid by the hour.",
            "Providers promote recovery and work with the integrated mental health teams.",
            "This is a demo document of ProcurementPortal.");
        var stored = await files.SaveAsync(new MemoryStream(pdf), CancellationToken.None);
        var document = new Core.Domain.Procurements.TenderDocument { ProcurementId = procurement.Id, Title = "Service specification", CreatedAt = now };
        db.TenderDocuments.Add(document);
        db.TenderDocumentVersions.Add(new Core.Domain.Procurements.TenderDocumentVersion
        {
            DocumentId = document.Id, Number = 1, FileName = "service-specification.pdf", ContentType = Core.Files.FileKind.Pdf.ContentType,
            SizeBytes = stored.Size, Sha256 = stored.Sha256, StorageName = stored.StorageName, UploadedAt = now,
        });
    }

    /// <summary>One line per login, so that whoever starts the portal with demo data knows how to sign in.</summary>
    private static void LogLogins(IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoData).FullName!);
        var admin = services.GetRequiredService<IOptions<PortalOptions>>().Value.PlatformAdmin;
        logger.LogInformation("Demo data: every demo user's password is {Password}", Password);
        if (!string.IsNullOrWhiteSpace(admin.Email))
        {
            logger.LogInformation("Demo login: {Email} | Platform admin | (the whole platform; password from Portal:PlatformAdmin:Password)", admin.Email);
        }
        foreach (var login in Logins)
        {
            logger.LogInformation("Demo login: {Email} | {Role} | {Organisation}", login.Email, login.Role.DisplayName(), login.OrganisationName);
        }
    }

    private static async Task<Organisation?> FindAsync(PortalDbContext db, DemoOrganisation demo) => demo.Kind == OrganisationKind.CommissioningBody
        ? await db.Organisations.SingleOrDefaultAsync(o => o.Slug == demo.Key)
        : await db.Organisations.FirstOrDefaultAsync(o => o.Kind == OrganisationKind.Provider && o.Name == demo.Name);

    private static async Task<PortalUser> CreateUserAsync(UserManager<PortalUser> users, string email, string displayName)
    {
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        StartupTasks.Check(await users.CreateAsync(user, Password), email);
        return user;
    }

    private static List<DemoLogin> BuildLogins()
    {
        var logins = new List<DemoLogin>();
        void Add(string organisationKey, string email, string name, Role role) =>
            logins.Add(new DemoLogin(email, name, role, organisationKey, Organisations.Single(o => o.Key == organisationKey).Name));

        // Six people per tenant: an admin, two officers, two evaluators and an approver (invented names).
        // A null second officer means the joint officer fills that place.
        void Team(string key, string admin, string officer1, string? officer2, string evaluator1, string evaluator2, string approver)
        {
            Add(key, $"admin@{key}.demo", admin, Role.TenantAdmin);
            Add(key, $"officer1@{key}.demo", officer1, Role.ProcurementOfficer);
            Add(key, officer2 is null ? JointOfficerEmail : $"officer2@{key}.demo", officer2 ?? JointOfficerName, Role.ProcurementOfficer);
            Add(key, $"evaluator1@{key}.demo", evaluator1, Role.Evaluator);
            Add(key, $"evaluator2@{key}.demo", evaluator2, Role.Evaluator);
            Add(key, $"approver@{key}.demo", approver, Role.Approver);
        }

        Team("lancashire", "Helen Ashworth", "Priya Nair", "Tom Whittaker", "Sarah Holden", "Daniel Okafor", "Margaret Fielding");
        Team("leeds", "Graham Pickles", "Aisha Rahman", "Ben Sutcliffe", "Claire Dobson", "Imran Hussain", "Judith Armitage");
        // Lambeth's commissioners are employed jointly by the Council and the CCG: the joint officer holds the
        // officer role in both tenants (and so sees the tenant switcher).
        Team("lambeth", "Grace Mensah", "Oliver Grant", null, "Femi Adeyemi", "Ruth Campbell", "Patrick Doyle");
        Team("lambeth-ccg", "Sunita Patel", "Marcus Reid", null, "Dr Nadia Karim", "Leon Francis", "Catherine Hughes");
        Team("northamptonshire", "Paul Jenkins", "Emma Cartwright", "Rajesh Mistry", "Louise Barker", "Kevin Marsh", "Anne Tebbutt");

        foreach (var provider in Organisations.Where(o => o.Kind == OrganisationKind.Provider))
        {
            Add(provider.Key, $"admin@{provider.Key}.demo", $"{provider.Name} admin", Role.ProviderAdmin);
            Add(provider.Key, $"bidwriter@{provider.Key}.demo", $"{provider.Name} bid writer", Role.BidWriter);
        }
        return logins;
    }

    public const string JointOfficerEmail = "joint-officer@lambeth.demo";
    private const string JointOfficerName = "Yetunde Bakare";

    private static DemoOrganisation Tenant(string slug, string name, string line1, string? line2, string town, string postcode) =>
        new(OrganisationKind.CommissioningBody, slug, name, line1, line2, town, postcode, null, null, null);

    private static DemoOrganisation Provider(string key, string name, string line1, string town, string postcode,
        string companiesHouse, string? charity, string cqc) =>
        new(OrganisationKind.Provider, key, name, line1, null, town, postcode, companiesHouse, charity, cqc);
}

/// <summary>A demo organisation; <see cref="Key"/> is a tenant's slug, or a provider's key in demo email addresses.</summary>
public sealed record DemoOrganisation(
    OrganisationKind Kind, string Key, string Name, string AddressLine1, string? AddressLine2, string Town, string Postcode,
    string? CompaniesHouseNumber, string? CharityNumber, string? CqcLocationId)
{
    public Organisation ToOrganisation() => new()
    {
        Kind = Kind,
        Slug = Kind == OrganisationKind.CommissioningBody ? Key : null,
        Name = Name,
        AddressLine1 = AddressLine1,
        AddressLine2 = AddressLine2,
        Town = Town,
        Postcode = Postcode,
        CompaniesHouseNumber = CompaniesHouseNumber,
        CharityNumber = CharityNumber,
        CqcLocationId = CqcLocationId,
        ContactEmail = $"admin@{Key}.demo",
    };
}

/// <summary>One demo sign-in: the person's email and name, and one role they hold in one organisation.</summary>
public sealed record DemoLogin(string Email, string DisplayName, Role Role, string OrganisationKey, string OrganisationName);
