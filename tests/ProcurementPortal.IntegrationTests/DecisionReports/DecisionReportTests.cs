using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.DecisionReports;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.IntegrationTests.Support;
using UglyToad.PdfPig;

namespace ProcurementPortal.IntegrationTests.DecisionReports;

[Collection(PortalCollection.Name)]
public sealed class DecisionReportTests(PortalFixture fixture)
{
    [Fact]
    public async Task Leeds_figures_are_rebuilt_from_the_procurement_and_shown_in_the_report()
    {
        var leeds = await fixture.TeamAsync("Leeds City Council");
        var procurement = await fixture.LeedsCbmhsAsync(leeds);
        var id = (await leeds.DraftAsync(procurement.Id)).GetProperty("id").GetGuid();

        var report = await leeds.PutAsync(id, DecisionReportTestSupport.Complete(reductionPercent: 10m));

        var savings = report.GetProperty("facts").GetProperty("savings");
        Assert.Equal(1_334_697m, savings.GetProperty("currentBudget").GetDecimal());
        Assert.Equal(1_201_227m, savings.GetProperty("newBudget").GetDecimal());
        Assert.Equal(133_470m, savings.GetProperty("saving").GetDecimal());
        var officer = await fixture.PageClientAsync(leeds.Officer.Email!);
        var page = WebUtility.HtmlDecode(await officer.GetStringAsync($"{leeds.Pages}/{id}"));
        Assert.Contains("£1,334,697", page);
        Assert.Contains("£1,201,227", page);
        Assert.Contains("£133,470", page);
    }

    [Fact]
    public async Task Lambeth_pooled_split_and_key_decision_dates_are_computed_for_the_decision_date()
    {
        var lambeth = await fixture.TeamAsync("Lambeth Council");
        var procurement = await fixture.ProcurementAsync(lambeth, p =>
        {
            p.Title = "Integrated Personalised Support Alliance";
            p.AnnualBudget = 11_542_000m;
            p.PooledPartners = [new PooledPartner { Name = "NHS Lambeth CCG", SharePercent = 57.6m }, new PooledPartner { Name = "Lambeth Council", SharePercent = 42.4m }];
        });
        var id = (await lambeth.DraftAsync(procurement.Id, "IPSA: Section 75 pooled fund")).GetProperty("id").GetGuid();

        var facts = (await lambeth.PutAsync(id, DecisionReportTestSupport.Complete(reductionPercent: null, decisionDate: "2027-02-08"))).GetProperty("facts");

        var split = facts.GetProperty("pooledSplit").EnumerateArray().ToList();
        Assert.Equal(("NHS Lambeth CCG", 57.6m, 6_648_192m), (split[0].GetProperty("partner").GetString(), split[0].GetProperty("sharePercent").GetDecimal(), split[0].GetProperty("amount").GetDecimal()));
        Assert.Equal(("Lambeth Council", 42.4m, 4_893_808m), (split[1].GetProperty("partner").GetString(), split[1].GetProperty("sharePercent").GetDecimal(), split[1].GetProperty("amount").GetDecimal()));
        var key = facts.GetProperty("keyDecision");
        Assert.True(key.GetProperty("isKeyDecision").GetBoolean());
        Assert.Equal(500_000m, key.GetProperty("threshold").GetDecimal());
        // 29 days before Monday 8 February 2027 is a Sunday: the notice goes out on Friday 8 January (28 clear days and more).
        Assert.Equal("2027-01-08", key.GetProperty("forwardPlanNoticeBy").GetString());
        // Five clear working days after the decision: Tuesday to Friday, then Monday 15 February.
        Assert.Equal("2027-02-15", key.GetProperty("callInEnds").GetString());
    }

    [Fact]
    public async Task Consultation_is_drawn_from_the_statement_events_and_expressions_of_interest()
    {
        var lambeth = await fixture.TeamAsync("Lambeth Council");
        var procurement = await fixture.ProcurementAsync(lambeth, p => p.AnnualBudget = 300_000m);
        await fixture.EngagementAsync(lambeth, procurement.Id, confirmed: 3, waiting: 1, ("Brixton Wellbeing Partnership CIC", 120), ("Thames Reach", 200));
        var id = (await lambeth.DraftAsync(procurement.Id)).GetProperty("id").GetGuid();

        var report = await lambeth.OfficerApi.GetFromJsonAsync<JsonElement>($"{lambeth.Api}/{id}");

        var facts = report.GetProperty("facts");
        var engagement = Assert.Single(facts.GetProperty("events").EnumerateArray());
        Assert.Equal(3, engagement.GetProperty("registered").GetInt32());
        Assert.Equal(1, engagement.GetProperty("waiting").GetInt32());
        Assert.Equal(["Brixton Wellbeing Partnership CIC", "Thames Reach"],
            facts.GetProperty("expressionsOfInterest").EnumerateArray().Select(i => i.GetProperty("provider").GetString()));
        Assert.False(facts.GetProperty("keyDecision").GetProperty("isKeyDecision").GetBoolean());
        var page = WebUtility.HtmlDecode(await (await fixture.PageClientAsync(lambeth.Officer.Email!)).GetStringAsync($"{lambeth.Pages}/{id}"));
        Assert.Contains("Provider event, Brixton", page);
        Assert.Contains("3 (+1 waiting)", page);
        Assert.Contains("2 providers expressed interest, offering 320 hours of support a week", page);
    }

    [Fact]
    public async Task Approved_report_cannot_be_edited_and_the_attempt_is_audited_but_a_new_version_can()
    {
        var leeds = await fixture.TeamAsync("Leeds City Council");
        var procurement = await fixture.LeedsCbmhsAsync(leeds);
        var id = await leeds.InReviewAsync(procurement.Id);
        var approved = await leeds.ApproverApi.PostAsJsonAsync($"{leeds.Api}/{id}/approve", new { comment = "Agreed at DDP" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        var edit = await leeds.OfficerApi.PutAsJsonAsync($"{leeds.Api}/{id}", DecisionReportTestSupport.Complete(summary: "Changed after approval"));

        var errors = await edit.FieldErrorsAsync();
        Assert.Contains("approved and cannot be changed", errors["Status"].Single());
        var chain = await fixture.AuditChainAsync(leeds.Tenant.Id);
        Assert.Equal(["decision-report.drafted", "decision-report.changed", "decision-report.submitted", "decision-report.approved", "decision-report.change-refused"],
            chain.Select(e => e.Action));
        Assert.All(chain.TakeLast(2), e => Assert.Equal(id.ToString(), e.EntityId));

        var next = await leeds.OfficerApi.PostAsync($"{leeds.Api}/{id}/new-version", null);
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        var v2 = await next.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, v2.GetProperty("version").GetInt32());
        Assert.Equal("Draft", v2.GetProperty("status").GetString());
        var v2Id = v2.GetProperty("id").GetGuid();
        var changed = await leeds.PutAsync(v2Id, DecisionReportTestSupport.Complete(summary: "Changed in version 2"));
        Assert.Equal("Changed in version 2", changed.GetProperty("summaryOfMainIssues").GetString());
        var v1 = await leeds.OfficerApi.GetFromJsonAsync<JsonElement>($"{leeds.Api}/{id}");
        Assert.Equal("Three services are to be procured as one.", v1.GetProperty("summaryOfMainIssues").GetString());
        Assert.Equal("Approved", v1.GetProperty("status").GetString());
        Assert.Equal([1, 2], v1.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task The_edit_page_refuses_an_approved_report_with_the_reason()
    {
        var leeds = await fixture.TeamAsync("Leeds City Council");
        var id = await leeds.InReviewAsync((await fixture.LeedsCbmhsAsync(leeds)).Id);
        Assert.Equal(HttpStatusCode.OK, (await leeds.ApproverApi.PostAsJsonAsync($"{leeds.Api}/{id}/approve", new { })).StatusCode);
        var officer = await fixture.PageClientAsync(leeds.Officer.Email!);

        var response = await officer.PostWithPageTokenAsync($"{leeds.Pages}/{id}/edit", new() { ["Title"] = "Changed", ["SummaryOfMainIssues"] = "Changed" }, $"{leeds.Pages}/{id}");

        await response.AssertErrorSummaryAsync("Status");
        Assert.Contains("approved and cannot be changed", await response.Content.ReadAsStringAsync());
        Assert.Equal("decision-report.change-refused", (await fixture.AuditChainAsync(leeds.Tenant.Id)).Last().Action);
    }

    [Fact]
    public async Task The_author_cannot_approve_their_own_report_and_an_officer_cannot_approve_at_all()
    {
        var leeds = await fixture.TeamAsync("Leeds City Council");
        var both = await fixture.CreateUserAsync(leeds.Tenant, Role.ProcurementOfficer, Role.Approver);
        var bothApi = await fixture.BearerClientAsync(both.Email!);
        var procurement = await fixture.LeedsCbmhsAsync(leeds);
        var own = leeds with { OfficerApi = bothApi };
        var id = await own.InReviewAsync(procurement.Id);

        var self = await bothApi.PostAsJsonAsync($"{leeds.Api}/{id}/approve", new { });
        var officerOnly = await leeds.OfficerApi.PostAsJsonAsync($"{leeds.Api}/{id}/approve", new { });

        Assert.Contains("another approver", (await self.FieldErrorsAsync())["Status"].Single());
        Assert.Equal(HttpStatusCode.Forbidden, officerOnly.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leeds.ApproverApi.PostAsJsonAsync($"{leeds.Api}/{id}/approve", new { })).StatusCode);
    }

    [Fact]
    public async Task An_incomplete_report_is_not_sent_for_review_and_every_gap_is_named()
    {
        var leeds = await fixture.TeamAsync("Leeds City Council");
        var id = (await leeds.DraftAsync((await fixture.LeedsCbmhsAsync(leeds)).Id)).GetProperty("id").GetGuid();

        var errors = await (await leeds.OfficerApi.PostAsync($"{leeds.Api}/{id}/submit", null)).FieldErrorsAsync();

        foreach (var field in new[] { "SummaryOfMainIssues", "Recommendations", "Background", "Options", "LegalImplications", "FinancialImplications", "DecisionMaker", "DecisionDate", "Equality[0].Impact", "Equality[8].Evidence" })
        {
            Assert.True(errors.ContainsKey(field), $"no error for {field}: {string.Join(", ", errors.Keys)}");
        }
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_and_a_rejected_report_takes_a_new_version()
    {
        var leeds = await fixture.TeamAsync("Leeds City Council");
        var id = await leeds.InReviewAsync((await fixture.LeedsCbmhsAsync(leeds)).Id);

        Assert.True((await (await leeds.ApproverApi.PostAsJsonAsync($"{leeds.Api}/{id}/reject", new { })).FieldErrorsAsync()).ContainsKey("Comment"));
        var rejected = await leeds.ApproverApi.PostAsJsonAsync($"{leeds.Api}/{id}/reject", new { comment = "Add the CST saving" });

        Assert.Equal("Rejected", (await rejected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await leeds.OfficerApi.PutAsJsonAsync($"{leeds.Api}/{id}", DecisionReportTestSupport.Complete())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await leeds.OfficerApi.PostAsync($"{leeds.Api}/{id}/new-version", null)).StatusCode);
    }

    [Fact]
    public async Task The_pdf_reads_back_with_every_section_heading_the_options_table_and_the_equality_table()
    {
        var leeds = await fixture.TeamAsync("Leeds City Council");
        var id = await leeds.InReviewAsync((await fixture.LeedsCbmhsAsync(leeds)).Id);
        Assert.Equal(HttpStatusCode.OK, (await leeds.ApproverApi.PostAsJsonAsync($"{leeds.Api}/{id}/approve", new { })).StatusCode);

        var response = await leeds.OfficerApi.GetAsync($"{leeds.Api}/{id}/pdf");

        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = Squashed(string.Concat(pdf.GetPages().Select(p => p.Text)));
        Assert.StartsWith(Squashed("Leeds City Council"), text);
        foreach (var section in ReportSections.Defaults.Where(s => !s.WaiverOnly))
        {
            Assert.Contains(Squashed(section.Heading), text);
        }
        Assert.Contains(Squashed("OptionBenefitsRisksCostPreferred"), text);
        Assert.Contains(Squashed("Undertake a procurement exercise for a single service"), text);
        Assert.Contains(Squashed("Protected characteristic Impact Evidence"), text);
        foreach (var characteristic in ProtectedCharacteristics.All)
        {
            Assert.Contains(Squashed(characteristic), text);
        }
        Assert.Contains(Squashed("£1,201,227"), text);
        Assert.Contains(Squashed($"Page {pdf.NumberOfPages} of {pdf.NumberOfPages}"), text);
    }

    [Fact]
    public async Task The_tenant_template_sets_the_section_order_the_standing_text_and_the_key_decision_threshold()
    {
        var leeds = await fixture.TeamAsync("Leeds City Council");
        var admin = await fixture.CreateUserAsync(leeds.Tenant, Role.TenantAdmin);
        var adminApi = await fixture.BearerClientAsync(admin.Email!);
        var id = (await leeds.DraftAsync((await fixture.LeedsCbmhsAsync(leeds)).Id)).GetProperty("id").GetGuid();
        var before = await leeds.PutAsync(id, DecisionReportTestSupport.Complete());
        Assert.True(before.GetProperty("facts").GetProperty("keyDecision").GetProperty("isKeyDecision").GetBoolean());

        var saved = await adminApi.PutAsJsonAsync($"{leeds.Api}/template", new
        {
            keyDecisionThreshold = 10_000_000m,
            sections = new[] { new { key = "recommendations", boilerplate = "Members of the panel are asked to agree:" }, new { key = "summary", boilerplate = "" } },
        });
        var officerCannot = await leeds.OfficerApi.PutAsJsonAsync($"{leeds.Api}/template", new { keyDecisionThreshold = 1m, sections = new[] { new { key = "summary" } } });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, officerCannot.StatusCode);
        var after = await leeds.OfficerApi.GetFromJsonAsync<JsonElement>($"{leeds.Api}/{id}");
        Assert.False(after.GetProperty("facts").GetProperty("keyDecision").GetProperty("isKeyDecision").GetBoolean());
        using var pdf = PdfDocument.Open(await leeds.OfficerApi.GetByteArrayAsync($"{leeds.Api}/{id}/pdf"));
        var text = Squashed(string.Concat(pdf.GetPages().Select(p => p.Text)));
        var recommendations = text.IndexOf(Squashed("RecommendationsMembers of the panel are asked to agree:"), StringComparison.Ordinal);
        var summary = text.IndexOf(Squashed("Summary of main issues"), StringComparison.Ordinal);
        Assert.True(recommendations >= 0 && summary > recommendations, text);
        Assert.DoesNotContain(Squashed("Equality impact assessment"), text);
    }

    [Fact]
    public async Task Another_tenants_report_is_not_found()
    {
        var leeds = await fixture.TeamAsync("Leeds City Council");
        var lambeth = await fixture.TeamAsync("Lambeth Council");
        var id = (await leeds.DraftAsync((await fixture.LeedsCbmhsAsync(leeds)).Id)).GetProperty("id").GetGuid();
        var lambethProcurement = await fixture.ProcurementAsync(lambeth, _ => { });

        Assert.Equal(HttpStatusCode.NotFound, (await lambeth.OfficerApi.GetAsync($"{lambeth.Api}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lambeth.OfficerApi.GetAsync($"{lambeth.Api}/{id}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lambeth.OfficerApi.PutAsJsonAsync($"{lambeth.Api}/{id}", DecisionReportTestSupport.Complete())).StatusCode);
        var crossDraft = await leeds.OfficerApi.PostAsJsonAsync(leeds.Api, new { procurementId = lambethProcurement.Id, title = "Not ours" });
        Assert.True((await crossDraft.FieldErrorsAsync()).ContainsKey("ProcurementId"));
    }

    [Fact]
    public async Task The_database_itself_refuses_to_change_an_approved_report()
    {
        var leeds = await fixture.TeamAsync("Leeds City Council");
        var id = await leeds.InReviewAsync((await fixture.LeedsCbmhsAsync(leeds)).Id);
        Assert.Equal(HttpStatusCode.OK, (await leeds.ApproverApi.PostAsJsonAsync($"{leeds.Api}/{id}/approve", new { })).StatusCode);

        await using var db = fixture.AppDb(leeds.Tenant.Id);
        var report = Assert.Single(db.DecisionReports.Where(r => r.Id == id));
        report.Title = "Rewritten";
        var error = await Assert.ThrowsAsync<Microsoft.EntityFrameworkCore.DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Contains("approved and cannot be changed", error.InnerException!.Message);
    }

    private static string Squashed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
