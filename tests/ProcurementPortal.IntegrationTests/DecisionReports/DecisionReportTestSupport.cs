using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.DecisionReports;
using ProcurementPortal.Core.Domain.MarketIntent;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.DecisionReports;

/// <summary>A tenant with an officer and an approver, its procurements, and complete reports about them.</summary>
public static class DecisionReportTestSupport
{
    public sealed record Team(Organisation Tenant, PortalUser Officer, HttpClient OfficerApi, PortalUser Approver, HttpClient ApproverApi)
    {
        public string Slug => Tenant.Slug!;
        public string Api => $"/api/v1/t/{Slug}/decision-reports";
        public string Pages => $"/{Slug}/decision-reports";
    }

    public static async Task<Team> TeamAsync(this PortalFixture fixture, string name)
    {
        var tenant = await fixture.CreateTenantAsync(name);
        var officer = await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer);
        var approver = await fixture.CreateUserAsync(tenant, Role.Approver);
        return new Team(tenant, officer, await fixture.BearerClientAsync(officer.Email!), approver, await fixture.BearerClientAsync(approver.Email!));
    }

    /// <summary>A procurement written straight into the tenant (what the procurement pages would have made).</summary>
    public static async Task<Procurement> ProcurementAsync(this PortalFixture fixture, Team team, Action<Procurement> shape)
    {
        var procurement = new Procurement { Title = "Community Based Mental Health Service", Reference = $"REF-{Guid.NewGuid():N}"[..14], CreatedAt = DateTime.UtcNow };
        shape(procurement);
        await using var db = fixture.SuperuserDb(team.Tenant.Id);
        db.Procurements.Add(procurement);
        await db.SaveChangesAsync();
        return procurement;
    }

    /// <summary>The Leeds CBMHS procurement: three services costing £1,334,697 a year today, a five-year term.</summary>
    public static Task<Procurement> LeedsCbmhsAsync(this PortalFixture fixture, Team team) =>
        fixture.ProcurementAsync(team, p =>
        {
            p.CurrentAnnualSpend = 1_334_697m;
            p.ContractTermMonths = 60;
        });

    public static async Task<JsonElement> DraftAsync(this Team team, Guid procurementId, string title = "Community Based Mental Health Service: approval to procure")
    {
        var response = await team.OfficerApi.PostAsJsonAsync(team.Api, new { procurementId, title });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Every section written, two options (the first preferred), all nine characteristics assessed.</summary>
    public static object Complete(decimal? reductionPercent = 10m, string decisionDate = "2027-02-08", string summary = "Three services are to be procured as one.") => new
    {
        title = "Community Based Mental Health Service: approval to procure",
        summaryOfMainIssues = summary,
        recommendations = "Agree that the procurement commences and the budget is reduced by 10 percent once procured.",
        background = "The contracts date from the old mental health support grant.",
        options = new object[]
        {
            new { option = "Undertake a procurement exercise for a single service", benefits = "Savings can be made. Easier for service users to navigate.", risks = "Destabilising the current status quo.", cost = 1_201_227m, preferred = true },
            new { option = "Undertake three separate procurement exercises", benefits = "Nothing changes for the services and users", risks = "Difficult to achieve value for money.", cost = 1_334_697m, preferred = false },
        },
        budgetReductionPercent = reductionPercent,
        valueAndSavings = "",
        consultationAndEngagement = "Providers were told of the need to merge their services.",
        equality = ProtectedCharacteristics.All.Select(c => new
        {
            characteristic = c,
            impact = c is "Age" or "Disability" ? "Positive" : "Neutral",
            evidence = c is "Age" or "Disability" ? "Joined-up services improve outcomes." : "No differential impact found.",
        }).ToArray(),
        legalImplications = "The procurement follows the contract procedure rules.",
        financialImplications = "The saving counts towards the directorate's savings target.",
        decisionMaker = "Director of Adults and Health",
        decisionDate,
    };

    public static async Task<JsonElement> PutAsync(this Team team, Guid id, object content)
    {
        var response = await team.OfficerApi.PutAsJsonAsync($"{team.Api}/{id}", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Drafts, completes and sends a report for review; returns its id.</summary>
    public static async Task<Guid> InReviewAsync(this Team team, Guid procurementId)
    {
        var id = (await team.DraftAsync(procurementId)).GetProperty("id").GetGuid();
        await team.PutAsync(id, Complete());
        Assert.Equal(HttpStatusCode.OK, (await team.OfficerApi.PostAsync($"{team.Api}/{id}/submit", null)).StatusCode);
        return id;
    }

    /// <summary>A market intent statement leading to the procurement, with one event (registrations given) and expressions of interest.</summary>
    public static async Task EngagementAsync(this PortalFixture fixture, Team team, Guid procurementId, int confirmed, int waiting, params (string Provider, int Hours)[] interests)
    {
        await using var db = fixture.SuperuserDb(team.Tenant.Id);
        var providers = Enumerable.Range(0, Math.Max(confirmed + waiting, interests.Length))
            .Select(i => new Organisation { Kind = OrganisationKind.Provider, Name = i < interests.Length ? interests[i].Provider : $"Provider {i}" }).ToList();
        db.Organisations.AddRange(providers);
        var now = DateTime.UtcNow;
        var statement = new MarketIntentStatement { Title = "IPSA market engagement", ProcurementId = procurementId, Status = StatementStatus.Published, PublishedAt = new DateTime(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc), CreatedAt = now, UpdatedAt = now };
        var startsAt = new DateTime(2026, 12, 5, 10, 0, 0, DateTimeKind.Utc);
        var engagement = new EngagementEvent { Title = "Provider event, Brixton", StartsAt = startsAt, EndsAt = startsAt.AddHours(2), Venue = "Lambeth Civic Centre", Capacity = confirmed, CreatedAt = now };
        for (var i = 0; i < confirmed + waiting; i++)
        {
            engagement.Registrations.Add(new EventRegistration
            {
                ProviderId = providers[i].Id, ProviderName = providers[i].Name, AttendeeName = "Attendee", AttendeeEmail = $"a{i}@test.local",
                Status = i < confirmed ? RegistrationStatus.Confirmed : RegistrationStatus.Waiting, RegisteredAt = now,
            });
        }
        statement.Events.Add(engagement);
        db.MarketIntentStatements.Add(statement);
        for (var i = 0; i < interests.Length; i++)
        {
            db.ExpressionsOfInterest.Add(new ExpressionOfInterest
            {
                StatementId = statement.Id, ProviderId = providers[i].Id, ProviderName = interests[i].Provider, ContactEmail = $"p{i}@test.local",
                AreasOfInterest = "Supported living in Lambeth", CapacityHoursPerWeek = interests[i].Hours, SubmittedAt = now,
            });
        }
        await db.SaveChangesAsync();
    }
}
