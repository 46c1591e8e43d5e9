using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.IntegrationTests.Bids;
using ProcurementPortal.IntegrationTests.Support;
using static ProcurementPortal.IntegrationTests.Award.AwardTestSupport;

namespace ProcurementPortal.IntegrationTests.Framework;

[Collection(PortalCollection.Name)]
public sealed class BrokerageTests(PortalFixture fixture)
{
    [Fact]
    public async Task Five_members_three_offer_one_declines_one_is_late_and_the_best_offer_by_the_rule_becomes_one_call_off()
    {
        var f = await fixture.AwardedFrameworkAsync(5);
        var (a, b, c, d, e) = (f.Members[0], f.Members[1], f.Members[2], f.Members[3], f.Members[4]);
        var id = await f.PostAsync(windowHours: 24);
        foreach (var m in f.Members)
        {
            Assert.Equal(1, await fixture.OutboxCountAsync(m.Provider.User.Email!, "package-request"));
        }

        Assert.Equal(HttpStatusCode.Created, (await f.OfferAsync(a, id, 15.75m)).StatusCode); // rank 1, score 80, dearest
        Assert.Equal(HttpStatusCode.Created, (await f.OfferAsync(b, id, 14.00m)).StatusCode); // rank 2, score 75, cheapest
        Assert.Equal(HttpStatusCode.Created, (await f.OfferAsync(c, id, 15.00m)).StatusCode); // rank 3, score 70
        Assert.Equal(HttpStatusCode.Created, (await f.DeclineAsync(d, id, "No carers free in Preston on weekday mornings")).StatusCode);

        await fixture.CloseWindowAsync(id);
        var late = await f.OfferAsync(e, id, 13.00m);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        var problem = await late.Content.ReadFromJsonAsync<JsonElement>();
        var deadline = problem.GetProperty("deadline").GetDateTimeOffset();
        var receivedAt = problem.GetProperty("receivedAt").GetDateTimeOffset();
        Assert.True(receivedAt - deadline >= TimeSpan.FromSeconds(1), $"{deadline:O} / {receivedAt:O}");
        Assert.Contains("after it closed", problem.GetProperty("detail").GetString());
        Assert.Equal(4, await fixture.CountAsync($"select count(*) from package_responses where package_request_id = '{id}'"));

        await fixture.RunWindowJobAsync(f, id);
        await fixture.RunWindowJobAsync(f, id);
        var view = await OkJsonAsync(await f.Tender.Officer.GetAsync(f.Package(id)));
        var ranking = view.GetProperty("ranking").EnumerateArray().ToList();
        // a: 60 + 40 × 14/15.75 = 95.56; b: 56.25 + 40 = 96.25; c: 52.50 + 37.33 = 89.83.
        Assert.Equal([b.Provider.Organisation.Name, a.Provider.Organisation.Name, c.Provider.Organisation.Name],
            ranking.Select(o => o.GetProperty("providerName").GetString()));
        Assert.Equal([96.25m, 95.56m, 89.83m], ranking.Select(o => o.GetProperty("total").GetDecimal()));
        var again = await OkJsonAsync(await f.Tender.Officer.GetAsync(f.Package(id)));
        Assert.Equal(ranking.Select(o => o.GetProperty("responseId").GetGuid()), again.GetProperty("ranking").EnumerateArray().Select(o => o.GetProperty("responseId").GetGuid()));
        var decline = Assert.Single(view.GetProperty("declines").EnumerateArray());
        Assert.Equal("No carers free in Preston on weekday mornings", decline.GetProperty("reason").GetString());

        var best = ranking[0].GetProperty("responseId").GetGuid();
        var placed = await OkJsonAsync(await f.Tender.Officer.PostAsJsonAsync($"{f.Package(id)}/confirm", new { responseId = best }), HttpStatusCode.Created);
        // 14 hours × £14.00 = £196.00 a week; × 52 = £10,192.00 a year.
        Assert.Equal(f.AgreementId, placed.GetProperty("frameworkAgreementId").GetGuid());
        Assert.Equal(b.Provider.Organisation.Id, placed.GetProperty("providerId").GetGuid());
        Assert.Equal(10_192.00m, placed.GetProperty("annualValue").GetDecimal());
        var startsOn = DateOnly.Parse(placed.GetProperty("startsOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Math.Round(196.00m * (f.EndsOn.DayNumber - startsOn.DayNumber + 1) / 7m, 2, MidpointRounding.AwayFromZero), placed.GetProperty("value").GetDecimal());
        var twice = await f.Tender.Officer.PostAsJsonAsync($"{f.Package(id)}/confirm", new { responseId = ranking[1].GetProperty("responseId").GetGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        await fixture.RunWindowJobAsync(f, id);
        Assert.Equal(1, await fixture.CountAsync($"select count(*) from contracts where framework_agreement_id = '{f.AgreementId}' and lot_id is null"));

        await fixture.DeliverMailAsync();
        foreach (var loser in new[] { a, c })
        {
            Assert.Equal(1, await fixture.OutboxCountAsync(loser.Provider.User.Email!, "package-not-chosen"));
            Assert.Single(await fixture.Mail.WaitForAsync(loser.Provider.User.Email!, 2), m => (m.Subject ?? "").Contains("not chosen"));
        }
        Assert.Equal(1, await fixture.OutboxCountAsync(b.Provider.User.Email!, "package-placed"));
        Assert.Equal(0, await fixture.OutboxCountAsync(d.Provider.User.Email!, "package-not-chosen"));

        var chosen = await OkJsonAsync(await b.Provider.Client.GetAsync($"{f.Package(id)}/response"));
        Assert.Equal("chosen", chosen.GetProperty("outcome").GetString());
        Assert.Equal("ASC-40917", chosen.GetProperty("caseReference").GetString());
        var other = await OkJsonAsync(await a.Provider.Client.GetAsync($"{f.Package(id)}/response"));
        Assert.Equal("not-chosen", other.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, other.GetProperty("caseReference").ValueKind);
    }

    [Fact]
    public async Task An_offer_above_the_members_band_rate_is_refused_and_nothing_is_saved()
    {
        var f = await fixture.AwardedFrameworkAsync(2);
        var id = await f.PostAsync();
        var response = await f.OfferAsync(f.Members[0], id, FrameworkTestSupport.B2Ceiling + 0.01m);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await response.FieldErrorsAsync();
        Assert.Contains("no higher than your framework rate", Assert.Single(errors["HourlyRate"]));
        Assert.Contains("£15.75", errors["HourlyRate"][0]);
        Assert.Equal(0, await fixture.CountAsync($"select count(*) from package_responses where package_request_id = '{id}'"));
        Assert.Equal(HttpStatusCode.Created, (await f.OfferAsync(f.Members[0], id, FrameworkTestSupport.B2Ceiling)).StatusCode);
    }

    [Fact]
    public async Task Offers_are_sealed_from_the_officer_until_the_window_closes_and_no_provider_sees_another_providers_offer()
    {
        var f = await fixture.AwardedFrameworkAsync(2);
        var id = await f.PostAsync();
        Assert.Equal(HttpStatusCode.Created, (await f.OfferAsync(f.Members[0], id, 14.25m)).StatusCode);

        var open = await f.Tender.Officer.GetAsync(f.Package(id));
        var body = await open.Content.ReadAsStringAsync();
        var view = JsonDocument.Parse(body).RootElement;
        Assert.Equal(1, view.GetProperty("offersReceived").GetInt32());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("ranking").ValueKind);
        Assert.DoesNotContain("14.25", body);
        Assert.DoesNotContain(f.Members[0].Provider.Organisation.Name, body);
        var confirm = await f.Tender.Officer.PostAsJsonAsync($"{f.Package(id)}/confirm", new { responseId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, confirm.StatusCode);
        Assert.Contains("sealed", (await confirm.FieldErrorsAsync())["ResponseId"][0]);

        var page = await (await fixture.PageClientAsync(await fixture.OfficerEmailAsync(f))).GetStringAsync($"/{f.Tender.Slug}/package-requests/{id}");
        Assert.Contains("Offers are sealed until the window closes", page);
        Assert.DoesNotContain("14.25", page);

        var mine = await OkJsonAsync(await f.Members[1].Provider.Client.GetAsync($"{f.Package(id)}/response"));
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("yourResponse").ValueKind);
        await using var db = fixture.AppDb(f.Tender.Tenant.Id);
        Assert.Equal(1, await db.PackageResponses.CountAsync(r => r.PackageRequestId == id));

        await fixture.CloseWindowAsync(id);
        var closed = await OkJsonAsync(await f.Tender.Officer.GetAsync(f.Package(id)));
        Assert.Equal(14.25m, Assert.Single(closed.GetProperty("ranking").EnumerateArray()).GetProperty("hourlyRate").GetDecimal());
    }

    [Fact]
    public async Task A_suspended_member_is_not_invited_and_cannot_offer_and_is_told_by_email_with_the_reason()
    {
        var f = await fixture.AwardedFrameworkAsync(3);
        var suspended = f.Members[2];
        var framework = $"{f.Api}/procurements/{f.Tender.Id}/framework";
        var result = await OkJsonAsync(await f.Tender.Officer.PostAsJsonAsync($"{framework}/members/{suspended.MemberId}/suspend",
            new { reason = "CQC rated the service inadequate on 1 December" }));
        Assert.Equal("Suspended", result.GetProperty("status").GetString());
        Assert.Equal(1, await fixture.OutboxCountAsync(suspended.Provider.User.Email!, "framework-member-suspended"));
        Assert.Contains(await fixture.AuditChainAsync(f.Tender.Tenant.Id), x => x.Action == "framework.member_suspended" && x.Summary!.Contains("CQC rated"));

        var id = await f.PostAsync();
        var request = await OkJsonAsync(await f.Tender.Officer.GetAsync(f.Package(id)));
        Assert.Equal(2, request.GetProperty("request").GetProperty("membersInvited").GetInt32());
        Assert.Equal(0, await fixture.OutboxCountAsync(suspended.Provider.User.Email!, "package-request"));
        Assert.Equal(HttpStatusCode.NotFound, (await f.OfferAsync(suspended, id, 14m)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await suspended.Provider.Client.GetAsync($"{f.Package(id)}/response")).StatusCode);

        var back = await OkJsonAsync(await f.Tender.Officer.PostAsync($"{framework}/members/{suspended.MemberId}/reinstate", null));
        Assert.Equal("Active", back.GetProperty("status").GetString());
        Assert.Equal(1, await fixture.OutboxCountAsync(suspended.Provider.User.Email!, "framework-member-reinstated"));
        Assert.Contains(await fixture.AuditChainAsync(f.Tender.Tenant.Id), x => x.Action == "framework.member_reinstated");
        Assert.Equal(HttpStatusCode.Created, (await f.OfferAsync(suspended, id, 14m)).StatusCode);
        await fixture.DeliverMailAsync();
        Assert.Contains(await fixture.Mail.WaitForAsync(suspended.Provider.User.Email!, 2), m => (m.TextBody ?? "").Contains("CQC rated the service inadequate"));

        var members = await OkJsonAsync(await f.Tender.Officer.GetAsync(framework));
        var lot = Assert.Single(members.GetProperty("lots").EnumerateArray());
        Assert.Equal(3, lot.GetProperty("members").GetArrayLength());
        Assert.Equal(15.75m, lot.GetProperty("members")[0].GetProperty("rates").EnumerateArray().Single(r => r.GetProperty("bandCode").GetString() == "B2").GetProperty("rate").GetDecimal());
    }

    [Fact]
    public async Task Another_tenants_package_request_and_a_provider_outside_the_lot_answer_404()
    {
        var f = await fixture.AwardedFrameworkAsync(1);
        var id = await f.PostAsync();
        var blackburn = await fixture.CreateTenantAsync("Blackburn with Darwen");
        var otherOfficer = await fixture.ApiClientAsync((await fixture.CreateUserAsync(blackburn, Core.Domain.Role.ProcurementOfficer)).Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOfficer.GetAsync($"/api/v1/t/{blackburn.Slug}/package-requests/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOfficer.PostAsJsonAsync($"/api/v1/t/{blackburn.Slug}/package-requests/{id}/confirm", new { responseId = Guid.NewGuid() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOfficer.GetAsync(f.Package(id))).StatusCode);
        var outsider = await fixture.ProviderAsync("Not On The Framework Ltd");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"{f.Package(id)}/response")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.PostAsJsonAsync($"{f.Package(id)}/offer", new { canStartOn = "2030-01-01", hourlyRate = 10m })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await f.Tender.Officer.GetAsync($"{f.Api}/package-requests/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_request_with_a_full_postcode_is_refused()
    {
        var f = await fixture.AwardedFrameworkAsync(1);
        var response = await f.Tender.Officer.PostAsJsonAsync($"{f.Api}/procurements/{f.Tender.Id}/package-requests", new
        {
            lotId = f.LotId, postcodeDistrict = "PR1 8XJ", bandCode = "B2", hoursPerWeek = 10m, startsOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)),
            requirements = "Evening calls", caseReference = "ASC-1", responseWindowHours = 24,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("PostcodeDistrict", (await response.FieldErrorsAsync()).Keys);
        Assert.Equal(0, await fixture.CountAsync($"select count(*) from package_requests where procurement_id = '{f.Tender.Id}'"));
    }
}
