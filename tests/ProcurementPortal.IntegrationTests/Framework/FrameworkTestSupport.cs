using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.IntegrationTests.Bids;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.Web.Features.Brokerage;

namespace ProcurementPortal.IntegrationTests.Framework;

public sealed record Member(BidProvider Provider, Guid MemberId, int Rank, decimal Score);

/// <summary>An awarded Lancashire framework: lot 1's agreement with its members (rank 1 first), each capped at the ceiling rates.</summary>
public sealed record AwardedFramework(Tender Tender, Guid LotId, Guid AgreementId, DateOnly EndsOn, IReadOnlyList<Member> Members)
{
    public string Api => $"/api/v1/t/{Tender.Slug}";

    /// <summary>The officer posts a B2 package (14 hours a week) on lot 1; the request's id.</summary>
    public async Task<Guid> PostAsync(int windowHours = 24, string caseReference = "ASC-40917", string postcodeDistrict = "pr1")
    {
        var response = await Tender.Officer.PostAsJsonAsync($"{Api}/procurements/{Tender.Id}/package-requests", new
        {
            lotId = LotId, postcodeDistrict, bandCode = "B2", hoursPerWeek = 14m,
            startsOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)), requirements = "Morning calls, help with medication and meals.",
            caseReference, responseWindowHours = windowHours,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("request").GetProperty("id").GetGuid();
    }

    public string Package(Guid requestId) => $"{Api}/package-requests/{requestId}";

    /// <summary>A direct award on lot 1 by the highest-ranked rule: the proposal's need, as the API takes it.</summary>
    public Dictionary<string, object?> Need(string bandCode, decimal hoursPerWeek, int startInDays = 7) => new()
    {
        ["lotId"] = LotId, ["bandCode"] = bandCode, ["hoursPerWeek"] = hoursPerWeek,
        ["startsOn"] = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(startInDays)), ["rule"] = "HighestRanked",
    };

    /// <summary>Asks for a direct-award proposal on lot 1 and confirms it (the member proposed); the confirm response.</summary>
    public async Task<HttpResponseMessage> DirectAwardAsync(string bandCode, decimal hoursPerWeek, int startInDays = 7)
    {
        var need = Need(bandCode, hoursPerWeek, startInDays);
        var proposal = await (await Tender.Officer.PostAsJsonAsync($"{Api}/procurements/{Tender.Id}/framework/direct-award/proposal", need))
            .Content.ReadFromJsonAsync<JsonElement>();
        need["proposalId"] = proposal.GetProperty("proposalId").GetGuid();
        return await Tender.Officer.PostAsJsonAsync($"{Api}/procurements/{Tender.Id}/framework/direct-award", need);
    }

    public Task<HttpResponseMessage> OfferAsync(Member member, Guid requestId, decimal rate, int startInDays = 7) =>
        member.Provider.Client.PostAsJsonAsync($"{Package(requestId)}/offer",
            new { canStartOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(startInDays)), hourlyRate = rate });

    public Task<HttpResponseMessage> DeclineAsync(Member member, Guid requestId, string reason) =>
        member.Provider.Client.PostAsJsonAsync($"{Package(requestId)}/decline", new { reason });
}

public static class FrameworkTestSupport
{
    public const decimal B2Ceiling = 15.75m;

    /// <summary>A published Lancashire tender moved to Awarded, with lot 1's framework agreement and <paramref name="count"/> members (scores 80, 75, 70…).</summary>
    public static async Task<AwardedFramework> AwardedFrameworkAsync(this PortalFixture fixture, int count)
    {
        var tender = await fixture.PublishedTenderAsync();
        await fixture.SqlAsync("update procurements set state = 'Awarded' where id = @id", ("id", tender.Id));
        var providers = new List<BidProvider>();
        for (var i = 0; i < count; i++)
        {
            providers.Add(await fixture.ProviderAsync($"Lancashire Care {(char)('A' + i)} Ltd"));
        }
        await using var db = fixture.AppDb(tender.Tenant.Id);
        var lot = await db.Lots.Include(l => l.Bands).Where(l => l.ProcurementId == tender.Id).OrderBy(l => l.Number).FirstAsync();
        var startsOn = DateOnly.FromDateTime(DateTime.UtcNow);
        var agreement = db.FrameworkAgreements.Add(new FrameworkAgreement
        {
            ProcurementId = tender.Id, LotId = lot.Id, Title = $"Lot {lot.Number} {lot.Name}", StartsOn = startsOn, EndsOn = startsOn.AddYears(3).AddDays(-1), CreatedAt = DateTime.UtcNow,
        }).Entity;
        var members = new List<Member>();
        foreach (var (provider, i) in providers.Select((p, i) => (p, i)))
        {
            var contract = db.Contracts.Add(new Contract
            {
                ProcurementId = tender.Id, FrameworkAgreementId = agreement.Id, LotId = lot.Id, ProviderId = provider.Organisation.Id,
                Reference = $"LCC-F-{i + 1:00}-{Guid.NewGuid():N}"[..20], Title = agreement.Title, ProviderName = provider.Organisation.Name, LotName = agreement.Title,
                StartsOn = agreement.StartsOn, EndsOn = agreement.EndsOn, Value = 1_000_000m, AnnualValue = 333_333.33m,
                Rates = lot.Bands.OrderBy(b => b.Code).Select(b => new AgreedRate(b.Code, b.Name, "Hour", b.CeilingRate!.Value)).ToList(),
                OwnerUserId = provider.User.Id, CreatedAt = DateTime.UtcNow,
            }).Entity;
            var member = db.FrameworkMembers.Add(new FrameworkMember
            {
                ProcurementId = tender.Id, FrameworkAgreementId = agreement.Id, LotId = lot.Id, ProviderId = provider.Organisation.Id,
                ProviderName = provider.Organisation.Name, ContractId = contract.Id, Rank = i + 1, TotalScore = 80m - 5m * i, JoinedAt = DateTime.UtcNow,
            }).Entity;
            members.Add(new Member(provider, member.Id, i + 1, member.TotalScore));
        }
        await db.SaveChangesAsync();
        return new AwardedFramework(tender, lot.Id, agreement.Id, agreement.EndsOn, members);
    }

    /// <summary>The email of the tender's officer (for a cookie client on the pages).</summary>
    public static async Task<string> OfficerEmailAsync(this PortalFixture fixture, AwardedFramework f)
    {
        var me = await Award.AwardTestSupport.OkJsonAsync(await f.Tender.Officer.GetAsync("/api/v1/me"));
        return me.GetProperty("email").GetString()!;
    }

    /// <summary>The window closed one second ago by the database clock.</summary>
    public static Task CloseWindowAsync(this PortalFixture fixture, Guid requestId) =>
        fixture.SqlAsync("update package_requests set closes_at = now() - interval '1 second' where id = @id", ("id", requestId));

    public static Task RunWindowJobAsync(this PortalFixture fixture, AwardedFramework f, Guid requestId) =>
        fixture.RunJobAsync<PackageWindowJob>(j => j.RunAsync(f.Tender.Tenant.Id, requestId, CancellationToken.None));

    public static async Task<long> OutboxCountAsync(this PortalFixture fixture, string to, string template) =>
        await fixture.CountAsync($"select count(*) from outbox_messages where to_address = '{to}' and template = '{template}'");
}
