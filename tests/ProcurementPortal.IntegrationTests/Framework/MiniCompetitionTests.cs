using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProcurementPortal.Core.Calendar;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.IntegrationTests.Bids;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.Web.Features.MiniCompetitions;
using static ProcurementPortal.IntegrationTests.Award.AwardTestSupport;

namespace ProcurementPortal.IntegrationTests.Framework;

/// <summary>Calling off by mini-competition among a lot's members: lot 1 of the Lancashire framework (B1 £14.50, B2 £15.75 a member's rates).</summary>
public static class MiniCompetitionTestSupport
{
    public static string Competition(this AwardedFramework f, Guid id) => $"{f.Api}/mini-competitions/{id}";

    /// <summary>The officer starts a mini-competition on lot 1 for 10 hours of B1 and 20 of B2 a week, two questions weighted 30 and 10.</summary>
    public static async Task<Guid> StartAsync(this AwardedFramework f)
    {
        var response = await f.Tender.Officer.PostAsJsonAsync($"{f.Api}/procurements/{f.Tender.Id}/mini-competitions", new
        {
            lotId = f.LotId, title = "Supported living for three people in Preston", requirements = "Shared house, 24-hour cover, waking nights at weekends.",
            bands = new[] { new { bandCode = "B1", hoursPerWeek = 10m }, new { bandCode = "B2", hoursPerWeek = 20m } },
            startsOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(14)), closesAt = DateTimeOffset.UtcNow.AddHours(2),
            questions = new[] { new { text = "How will you staff weekend nights?", weight = 30m }, new { text = "How will you involve families?", weight = 10m } },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("competition").GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> RespondAsync(this AwardedFramework f, Member member, Guid id, decimal b1, decimal b2, string answer = "Our own bank of night staff.") =>
        member.Provider.Client.PostAsJsonAsync($"{f.Competition(id)}/response", new
        {
            rates = new[] { new { bandCode = "B1", rate = b1 }, new { bandCode = "B2", rate = b2 } },
            answers = new[] { answer, "A family meeting every month." },
        });

    public static Task CloseCompetitionAsync(this PortalFixture fixture, Guid id) =>
        fixture.SqlAsync("update mini_competitions set closes_at = now() - interval '1 second' where id = @id", ("id", id));

    public static async Task ScoreAsync(this AwardedFramework f, Guid id, Guid responseId, int q1, int q2) =>
        await OkJsonAsync(await f.Tender.Officer.PostAsJsonAsync($"{f.Competition(id)}/responses/{responseId}/scores", new
        {
            scores = new[] { new { score = q1, justification = $"Weekend nights: scored {q1}." }, new { score = q2, justification = $"Families: scored {q2}." } },
        }));

    public static Task<long> ResponsesAsync(this PortalFixture fixture, Guid id) =>
        fixture.CountAsync($"select count(*) from mini_competition_responses where mini_competition_id = '{id}'");
}

[Collection(PortalCollection.Name)]
public sealed class MiniCompetitionTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_response_above_the_members_framework_rate_for_a_band_is_refused_naming_the_band_and_the_ceiling_and_nothing_is_saved()
    {
        var f = await fixture.AwardedFrameworkAsync(2);
        var id = await f.StartAsync();
        foreach (var m in f.Members)
        {
            Assert.Equal(1, await fixture.OutboxCountAsync(m.Provider.User.Email!, "mini-competition-invitation"));
        }

        var above = await f.RespondAsync(f.Members[0], id, 14.51m, 15.00m);
        Assert.Equal(HttpStatusCode.BadRequest, above.StatusCode);
        var error = Assert.Single((await above.FieldErrorsAsync())["Rates[0]"]);
        Assert.Contains("B1 Low support", error);
        Assert.Contains("£14.50", error);
        Assert.Equal(0, await fixture.ResponsesAsync(id));

        var first = await OkJsonAsync(await f.RespondAsync(f.Members[0], id, 14.50m, 15.75m));
        Assert.Equal(1, first.GetProperty("revision").GetInt32());
        Assert.Equal(460.00m, first.GetProperty("weeklyPrice").GetDecimal()); // 10 × 14.50 + 20 × 15.75
        var revised = await OkJsonAsync(await f.RespondAsync(f.Members[0], id, 14.00m, 15.00m));
        Assert.Equal(2, revised.GetProperty("revision").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await f.RespondAsync(f.Members[0], id, 14.00m, 15.76m)).StatusCode);
        Assert.Equal(1, await fixture.ResponsesAsync(id));
        var mine = await OkJsonAsync(await f.Members[0].Provider.Client.GetAsync($"{f.Competition(id)}/response"));
        Assert.Equal(440.00m, mine.GetProperty("yourResponse").GetProperty("weeklyPrice").GetDecimal());
    }

    [Fact]
    public async Task Responses_are_sealed_from_officers_until_the_deadline_on_the_page_and_the_api_and_the_audit_names_no_provider()
    {
        var f = await fixture.AwardedFrameworkAsync(2);
        var id = await f.StartAsync();
        var a = f.Members[0];
        Assert.Equal(HttpStatusCode.OK, (await f.RespondAsync(a, id, 14.25m, 15.10m)).StatusCode);

        var body = await (await f.Tender.Officer.GetAsync(f.Competition(id))).Content.ReadAsStringAsync();
        var view = JsonDocument.Parse(body).RootElement;
        Assert.True(view.GetProperty("sealed").GetBoolean());
        Assert.Equal(1, view.GetProperty("responsesReceived").GetInt32());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("responses").ValueKind);
        Assert.DoesNotContain("14.25", body);
        Assert.DoesNotContain(a.Provider.Organisation.Name, body);
        Assert.Equal(40m, view.GetProperty("priceWeight").GetDecimal());
        Assert.Contains("price 40%, quality 60%", view.GetProperty("rule").GetString());
        var responseId = (await OkJsonAsync(await a.Provider.Client.GetAsync($"{f.Competition(id)}/response"))).GetProperty("yourResponse").GetProperty("id").GetGuid();
        var score = await f.Tender.Officer.PostAsJsonAsync($"{f.Competition(id)}/responses/{responseId}/scores",
            new { scores = new[] { new { score = 5, justification = "x" }, new { score = 5, justification = "x" } } });
        Assert.Equal(HttpStatusCode.BadRequest, score.StatusCode);
        Assert.Contains("sealed", (await score.FieldErrorsAsync())["Scores"][0]);
        Assert.Equal(HttpStatusCode.BadRequest, (await f.Tender.Officer.PostAsJsonAsync($"{f.Competition(id)}/award", new { standstill = "None", standstillReason = "x" })).StatusCode);

        var pages = await fixture.PageClientAsync(await fixture.OfficerEmailAsync(f));
        var page = await pages.GetStringAsync($"/{f.Tender.Slug}/mini-competitions/{id}");
        Assert.Contains("Responses are sealed until the deadline", page);
        Assert.DoesNotContain("14.25", page);
        Assert.DoesNotContain(a.Provider.Organisation.Name, page);
        Assert.DoesNotContain(await fixture.AuditChainAsync(f.Tender.Tenant.Id), e => (e.Summary ?? "").Contains(a.Provider.Organisation.Name));

        await fixture.CloseCompetitionAsync(id);
        var open = await OkJsonAsync(await f.Tender.Officer.GetAsync(f.Competition(id)));
        var response = Assert.Single(open.GetProperty("responses").EnumerateArray());
        Assert.Equal(a.Provider.Organisation.Name, response.GetProperty("providerName").GetString());
        Assert.Equal(14.25m, response.GetProperty("rates")[0].GetProperty("rate").GetDecimal());
        Assert.Contains("14.25", await pages.GetStringAsync($"/{f.Tender.Slug}/mini-competitions/{id}"));
    }

    [Fact]
    public async Task A_response_at_or_after_the_deadline_is_refused_with_the_receipt_time_and_the_deadline()
    {
        var f = await fixture.AwardedFrameworkAsync(1);
        var id = await f.StartAsync();
        await fixture.CloseCompetitionAsync(id);
        var late = await f.RespondAsync(f.Members[0], id, 14.00m, 15.00m);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        var problem = await late.Content.ReadFromJsonAsync<JsonElement>();
        var deadline = problem.GetProperty("deadline").GetDateTimeOffset();
        var receivedAt = problem.GetProperty("receivedAt").GetDateTimeOffset();
        Assert.True(receivedAt - deadline >= TimeSpan.FromSeconds(1), $"{deadline:O} / {receivedAt:O}");
        Assert.Contains("after the deadline", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await fixture.ResponsesAsync(id));
    }

    [Fact]
    public async Task Another_tenants_competition_answers_404_and_no_provider_reads_another_providers_response_and_a_suspended_member_cannot_respond()
    {
        var f = await fixture.AwardedFrameworkAsync(3);
        var (a, b, suspended) = (f.Members[0], f.Members[1], f.Members[2]);
        await OkJsonAsync(await f.Tender.Officer.PostAsJsonAsync($"{f.Api}/procurements/{f.Tender.Id}/framework/members/{suspended.MemberId}/suspend",
            new { reason = "CQC rated the service inadequate" }));
        var id = await f.StartAsync();
        Assert.Equal(2, (await OkJsonAsync(await f.Tender.Officer.GetAsync(f.Competition(id)))).GetProperty("competition").GetProperty("membersInvited").GetInt32());
        Assert.Equal(0, await fixture.OutboxCountAsync(suspended.Provider.User.Email!, "mini-competition-invitation"));
        Assert.Equal(HttpStatusCode.NotFound, (await f.RespondAsync(suspended, id, 14.00m, 15.00m)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await f.RespondAsync(a, id, 14.25m, 15.10m)).StatusCode);
        var bView = await OkJsonAsync(await b.Provider.Client.GetAsync($"{f.Competition(id)}/response"));
        Assert.Equal(JsonValueKind.Null, bView.GetProperty("yourResponse").ValueKind);
        Assert.DoesNotContain("14.25", bView.GetRawText());
        Assert.Equal(0, await fixture.CountAsync($"select count(*) from mini_competition_responses where provider_id = '{b.Provider.Organisation.Id}'"));

        var blackburn = await fixture.CreateTenantAsync("Blackburn with Darwen");
        var otherEmail = (await fixture.CreateUserAsync(blackburn, Core.Domain.Role.ProcurementOfficer)).Email!;
        var otherOfficer = await fixture.ApiClientAsync(otherEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOfficer.GetAsync($"/api/v1/t/{blackburn.Slug}/mini-competitions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOfficer.PostAsJsonAsync($"/api/v1/t/{blackburn.Slug}/mini-competitions/{id}/award",
            new { standstill = "None", standstillReason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOfficer.GetAsync(f.Competition(id))).StatusCode);
        var otherPages = await fixture.PageClientAsync(otherEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await otherPages.GetAsync($"/{blackburn.Slug}/mini-competitions/{id}")).StatusCode);
        var outsider = await fixture.ProviderAsync("Not On The Framework Ltd");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"{f.Competition(id)}/response")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await f.RespondAsync(new Member(outsider, Guid.Empty, 9, 0m), id, 10m, 10m)).StatusCode);
    }

    [Fact]
    public async Task The_award_goes_to_the_best_by_the_framework_weights_emails_each_responder_once_even_when_run_twice_and_makes_one_call_off()
    {
        var f = await fixture.AwardedFrameworkAsync(3);
        var (a, b, c) = (f.Members[0], f.Members[1], f.Members[2]);
        var id = await f.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await f.RespondAsync(a, id, 14.00m, 15.00m)).StatusCode); // £440 a week
        Assert.Equal(HttpStatusCode.OK, (await f.RespondAsync(b, id, 13.50m, 15.75m)).StatusCode); // £450
        Assert.Equal(HttpStatusCode.OK, (await f.RespondAsync(c, id, 14.50m, 14.00m)).StatusCode); // £425, the lowest
        await fixture.CloseCompetitionAsync(id);

        var view = await OkJsonAsync(await f.Tender.Officer.GetAsync(f.Competition(id)));
        var ids = view.GetProperty("responses").EnumerateArray().ToDictionary(r => r.GetProperty("providerName").GetString()!, r => r.GetProperty("responseId").GetGuid());
        await f.ScoreAsync(id, ids[a.Provider.Organisation.Name], 4, 5);
        var unscored = await f.Tender.Officer.PostAsJsonAsync($"{f.Competition(id)}/award", new { standstill = "None", standstillReason = "Below the threshold" });
        Assert.Equal(HttpStatusCode.BadRequest, unscored.StatusCode);
        await f.ScoreAsync(id, ids[b.Provider.Organisation.Name], 5, 5);
        await f.ScoreAsync(id, ids[c.Provider.Organisation.Name], 2, 3);
        var noReason = await f.Tender.Officer.PostAsJsonAsync($"{f.Competition(id)}/award", new { standstill = "None" });
        Assert.Contains("StandstillReason", (await noReason.FieldErrorsAsync()).Keys);

        var awarded = await OkJsonAsync(await f.Tender.Officer.PostAsJsonAsync($"{f.Competition(id)}/award",
            new { standstill = "None", standstillReason = "A call-off under the framework: no standstill is required and none is applied" }));
        // a: quality 60 × 34 ÷ 40 = 51.00, price 40 × 425 ÷ 440 = 38.64, total 89.64
        // b: quality 60.00, price 40 × 425 ÷ 450 = 37.78, total 97.78
        // c: quality 60 × 18 ÷ 40 = 27.00, price 40.00, total 67.00
        var ranking = awarded.GetProperty("responses").EnumerateArray().ToList();
        Assert.Equal([b.Provider.Organisation.Name, a.Provider.Organisation.Name, c.Provider.Organisation.Name], ranking.Select(r => r.GetProperty("providerName").GetString()));
        Assert.Equal([97.78m, 89.64m, 67.00m], ranking.Select(r => r.GetProperty("total").GetDecimal()));
        var award = awarded.GetProperty("award");
        Assert.Equal("None", award.GetProperty("standstill").GetString());
        Assert.Contains("no standstill is required", award.GetProperty("standstillReason").GetString());
        Assert.Equal(JsonValueKind.Null, award.GetProperty("standstillLastDay").ValueKind);

        var again = await f.Tender.Officer.PostAsJsonAsync($"{f.Competition(id)}/award", new { standstill = "None", standstillReason = "again" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already awarded", (await again.FieldErrorsAsync())["Standstill"][0]);
        foreach (var m in new[] { a, b, c })
        {
            Assert.Equal(1, await fixture.OutboxCountAsync(m.Provider.User.Email!, "mini-competition-outcome"));
        }
        Assert.Equal(1, await fixture.CountAsync($"select count(*) from contracts where framework_agreement_id = '{f.AgreementId}' and lot_id is null"));
        Assert.Equal(1, await fixture.CountAsync(
            $"select count(*) from contracts where framework_agreement_id = '{f.AgreementId}' and lot_id is null and provider_id = '{b.Provider.Organisation.Id}' and annual_value = 23400.00"));
        await fixture.RunJobAsync<MiniCompetitionCallOffJob>(j => j.RunAsync(f.Tender.Tenant.Id, id, CancellationToken.None));
        Assert.Equal(1, await fixture.CountAsync($"select count(*) from contracts where framework_agreement_id = '{f.AgreementId}' and lot_id is null"));
        // The call-off counts in the lot's committed spend and hours on the spend page's API.
        var spend = await OkJsonAsync(await f.Tender.Officer.GetAsync($"{f.Api}/procurements/{f.Tender.Id}/framework/spend"));
        var lot = spend.GetProperty("lots").EnumerateArray().Single(l => l.GetProperty("lotId").GetGuid() == f.LotId);
        Assert.Equal(23_400.00m, lot.GetProperty("committedAnnualSpend").GetDecimal());
        Assert.True(lot.GetProperty("committedHoursPerWeek").GetDecimal() > 0);

        await fixture.DeliverMailAsync();
        var loser = Assert.Single(await fixture.Mail.WaitForAsync(a.Provider.User.Email!, 2), m => (m.Subject ?? "").Contains("outcome"));
        Assert.Contains("yours 4 of 5, the successful response 5 of 5", loser.TextBody);
        Assert.Contains("Weekend nights: scored 4.", loser.TextBody);
        Assert.Contains("Total: yours 89.64, the successful response 97.78", loser.TextBody);
        Assert.Single(await fixture.Mail.WaitForAsync(b.Provider.User.Email!, 2), m => (m.Subject ?? "").Contains("successful"));
        var outcome = await OkJsonAsync(await a.Provider.Client.GetAsync($"{f.Competition(id)}/response"));
        Assert.Equal("unsuccessful", outcome.GetProperty("outcome").GetString());
        Assert.Contains(await fixture.AuditChainAsync(f.Tender.Tenant.Id), e => e.Action == "minicomp.awarded" && e.Summary!.Contains("no standstill is required"));
    }

    [Fact]
    public async Task A_mandatory_standstill_is_recorded_with_its_reason_ends_after_eight_working_days_skipping_the_councils_closure_and_the_job_makes_one_call_off()
    {
        var f = await fixture.AwardedFrameworkAsync(1);
        var today = Standstill.LondonDay(DateTime.UtcNow);
        var closure = WorkingCalendar.Shipped.NextWorkingDayOnOrAfter(today.AddDays(2));
        await using (var db = fixture.AppDb(f.Tender.Tenant.Id))
        {
            db.TenantNonWorkingDays.Add(new Core.Domain.Award.TenantNonWorkingDay { Day = closure, Name = "County Hall closure" });
            await db.SaveChangesAsync();
        }
        var id = await f.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await f.RespondAsync(f.Members[0], id, 14.00m, 15.00m)).StatusCode);
        await fixture.CloseCompetitionAsync(id);
        var responseId = (await OkJsonAsync(await f.Tender.Officer.GetAsync(f.Competition(id)))).GetProperty("responses")[0].GetProperty("responseId").GetGuid();
        await f.ScoreAsync(id, responseId, 3, 3);

        var awarded = await OkJsonAsync(await f.Tender.Officer.PostAsJsonAsync($"{f.Competition(id)}/award",
            new { standstill = "Mandatory", standstillReason = "Above the threshold: the Act requires a standstill" }));
        var award = awarded.GetProperty("award");
        Assert.Equal("Mandatory", award.GetProperty("standstill").GetString());
        Assert.Equal("Above the threshold: the Act requires a standstill", award.GetProperty("standstillReason").GetString());
        var awardedAt = award.GetProperty("awardedAt").GetDateTimeOffset().UtcDateTime;
        var expected = MiniCompetitionScoring.StandstillEnd(awardedAt, new WorkingCalendar([closure]));
        Assert.NotEqual(MiniCompetitionScoring.StandstillEnd(awardedAt, WorkingCalendar.Shipped).LastDay, expected.LastDay);
        Assert.Equal(expected.LastDay, DateOnly.Parse(award.GetProperty("standstillLastDay").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected.EndsAtUtc, award.GetProperty("standstillEndsAt").GetDateTimeOffset().UtcDateTime);
        Assert.Equal(JsonValueKind.Null, award.GetProperty("callOffContractId").ValueKind);

        await fixture.RunJobAsync<MiniCompetitionCallOffJob>(j => j.RunAsync(f.Tender.Tenant.Id, id, CancellationToken.None));
        Assert.Equal(0, await fixture.CountAsync($"select count(*) from contracts where framework_agreement_id = '{f.AgreementId}' and lot_id is null"));

        await fixture.SqlAsync("update mini_competitions set standstill_ends_at = now() - interval '1 second' where id = @id", ("id", id));
        await fixture.RunJobAsync<MiniCompetitionCallOffJob>(j => j.RunAsync(f.Tender.Tenant.Id, id, CancellationToken.None));
        await fixture.RunJobAsync<MiniCompetitionCallOffJob>(j => j.RunAsync(f.Tender.Tenant.Id, id, CancellationToken.None));
        Assert.Equal(1, await fixture.CountAsync($"select count(*) from contracts where framework_agreement_id = '{f.AgreementId}' and lot_id is null"));
        var done = await OkJsonAsync(await f.Tender.Officer.GetAsync(f.Competition(id)));
        Assert.Equal("CalledOff", done.GetProperty("competition").GetProperty("status").GetString());
        Assert.Equal(1, await fixture.OutboxCountAsync(f.Members[0].Provider.User.Email!, "mini-competition-outcome"));
        Assert.Contains(await fixture.AuditChainAsync(f.Tender.Tenant.Id), e => e.Action == "minicomp.called_off");
    }

    [Fact]
    public async Task The_officer_starts_one_on_the_page_with_the_frameworks_weights_shown()
    {
        var f = await fixture.AwardedFrameworkAsync(1);
        var pages = await fixture.PageClientAsync(await fixture.OfficerEmailAsync(f));
        var form = $"/{f.Tender.Slug}/procurements/{f.Tender.Id}/mini-competitions/new";
        var page = await pages.GetStringAsync(form);
        Assert.Contains("price 40%, quality 60%", page);
        var closes = DateTime.UtcNow.AddDays(3);
        var startsOn = DateTime.UtcNow.AddDays(14);
        var posted = await pages.PostFormAsync(form, new Dictionary<string, string>
        {
            ["LotId"] = f.LotId.ToString(), ["Title"] = "Short breaks in Chorley", ["Requirements"] = "Weekend short breaks.",
            ["Bands[0].BandCode"] = "B1", ["Bands[0].HoursPerWeek"] = "12",
            ["StartsOnDay"] = startsOn.Day.ToString(), ["StartsOnMonth"] = startsOn.Month.ToString(), ["StartsOnYear"] = startsOn.Year.ToString(),
            ["ClosesAt.Day"] = closes.Day.ToString(), ["ClosesAt.Month"] = closes.Month.ToString(), ["ClosesAt.Year"] = closes.Year.ToString(), ["ClosesAt.Time"] = "12:00",
            ["Questions[0].Text"] = "How will you plan the first weekend?", ["Questions[0].Weight"] = "10",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(1, await fixture.OutboxCountAsync(f.Members[0].Provider.User.Email!, "mini-competition-invitation"));
        var shown = await pages.GetStringAsync(posted.Headers.Location!.ToString());
        Assert.Contains("Short breaks in Chorley", shown);
    }

    [Fact]
    public async Task A_member_responds_on_the_page_is_refused_above_its_band_rate_and_may_revise_until_the_deadline()
    {
        var f = await fixture.AwardedFrameworkAsync(1);
        var id = await f.StartAsync();
        var member = f.Members[0];
        var pages = await fixture.PageClientAsync(member.Provider.User.Email!);
        var url = $"/{f.Tender.Slug}/mini-competitions/{id}/response";
        var fields = new Dictionary<string, string>
        {
            ["ProviderId"] = member.Provider.Organisation.Id.ToString(), ["Rates[0]"] = "14.60", ["Rates[1]"] = "15.00",
            ["Answers[0]"] = "Our own night staff.", ["Answers[1]"] = "Monthly family meetings.",
        };
        var refused = await pages.PostFormAsync(url, fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Your rate for B1 Low support must be no higher than your framework rate for that band, &#xA3;14.50 an hour", page);
        Assert.Equal(0, await fixture.ResponsesAsync(id));

        fields["Rates[0]"] = "14.50";
        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostFormAsync(url, fields)).StatusCode);
        fields["Rates[1]"] = "15.25";
        var revised = await pages.PostFormAsync(url, fields);
        Assert.Equal(HttpStatusCode.Redirect, revised.StatusCode);
        var shown = await pages.GetStringAsync(revised.Headers.Location!.ToString());
        Assert.Contains("Your revised response is received", shown);
        Assert.Contains("version 2", shown);
        Assert.Equal(1, await fixture.ResponsesAsync(id));

        var form = await pages.GetStringAsync($"{url}?providerId={member.Provider.Organisation.Id}");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        await fixture.CloseCompetitionAsync(id);
        var late = await pages.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
        Assert.Contains("after the deadline, so it was not accepted", await late.Content.ReadAsStringAsync());
        Assert.Equal(15.25m, (await OkJsonAsync(await member.Provider.Client.GetAsync($"{f.Competition(id)}/response"))).GetProperty("yourResponse").GetProperty("rates")[1].GetProperty("rate").GetDecimal());
    }
}
