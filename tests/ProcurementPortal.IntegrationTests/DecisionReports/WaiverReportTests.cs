using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Support;
using UglyToad.PdfPig;

namespace ProcurementPortal.IntegrationTests.DecisionReports;

/// <summary>
/// Waiver reports: Leeds extends four mental health contracts for a year while the new service is procured (MH 3rd
/// Sector Commissioned Services, Leeds DLT, 23 November 2016, recommendation 1), from contracts recorded in the register.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class WaiverReportTests(PortalFixture fixture)
{
    private static readonly (string Reference, string Provider, decimal Annual)[] Leeds =
    [
        ("ASC-MH-0101", "Leeds Mind", 351_953m),
        ("ASC-MH-0102", "Touchstone", 596_596m),
        ("ASC-MH-0103", "Community Links", 385_248m),
        ("ASC-MH-0104", "Women's Counselling and Therapy Service", 143_340m),
    ];

    [Fact]
    public async Task A_waiver_drafted_for_four_contracts_computes_new_end_dates_and_value_totals()
    {
        var team = await fixture.TeamAsync("Leeds City Council");
        var ids = await RecordLeedsContractsAsync(team);

        var draft = await DraftAsync(team, ids, 12);

        var waiver = draft.GetProperty("facts").GetProperty("waiver");
        Assert.Equal("Waiver", draft.GetProperty("subjectType").GetString());
        Assert.Equal(1_477_137m, waiver.GetProperty("totalAnnualValue").GetDecimal());
        Assert.Equal(1_477_137m, waiver.GetProperty("totalExtensionValue").GetDecimal());
        var rows = waiver.GetProperty("contracts").EnumerateArray().ToList();
        Assert.Equal(Leeds.Select(l => l.Reference), rows.Select(r => r.GetProperty("reference").GetString()));
        Assert.All(rows, r => Assert.Equal("2028-03-31", r.GetProperty("newEndsOn").GetString()));
        Assert.Equal(Leeds.Select(l => l.Annual), rows.Select(r => r.GetProperty("extensionValue").GetDecimal()));
        Assert.Equal("Extension of 4 contracts by 12 months", draft.GetProperty("facts").GetProperty("subjectTitle").GetString());
    }

    [Fact]
    public async Task Approving_a_waiver_extends_its_contracts_records_their_history_and_freezes_the_report()
    {
        var team = await fixture.TeamAsync("Leeds City Council");
        var ids = await RecordLeedsContractsAsync(team);
        var id = (await DraftAsync(team, ids[..2], 12)).GetProperty("id").GetGuid();
        await team.PutAsync(id, Complete(ids[..2]));
        Assert.Equal(HttpStatusCode.OK, (await team.OfficerApi.PostAsync($"{team.Api}/{id}/submit", null)).StatusCode);

        var approved = await team.ApproverApi.PostAsJsonAsync($"{team.Api}/{id}/approve", new { comment = "Agreed at DDP" });

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var register = await team.OfficerApi.GetFromJsonAsync<JsonElement>($"/api/v1/t/{team.Slug}/contracts?sort=reference");
        var byReference = register.EnumerateArray().ToDictionary(c => c.GetProperty("reference").GetString()!);
        Assert.Equal("2028-03-31", byReference["ASC-MH-0101"].GetProperty("endsOn").GetString());
        Assert.Equal("2028-03-31", byReference["ASC-MH-0102"].GetProperty("endsOn").GetString());
        Assert.Equal("2027-03-31", byReference["ASC-MH-0103"].GetProperty("endsOn").GetString());
        var history = await team.OfficerApi.GetFromJsonAsync<JsonElement>($"/api/v1/t/{team.Slug}/contracts/{ids[0]}/extensions");
        var extension = Assert.Single(history.EnumerateArray());
        Assert.Equal("2027-03-31", extension.GetProperty("previousEndsOn").GetString());
        Assert.Equal(351_953m, extension.GetProperty("addedValue").GetDecimal());
        Assert.Contains("version 1, approved by", extension.GetProperty("authority").GetString());
        Assert.Equal(id, extension.GetProperty("decisionReportId").GetGuid());
        var chain = await fixture.AuditChainAsync(team.Tenant.Id);
        Assert.Equal(2, chain.Count(e => e.Action == "contract.extended"));

        // The approved report keeps the figures it was approved with; a new version sees the contracts as extended.
        var v1 = await team.OfficerApi.GetFromJsonAsync<JsonElement>($"{team.Api}/{id}");
        Assert.Equal("2027-03-31", v1.GetProperty("facts").GetProperty("waiver").GetProperty("contracts")[0].GetProperty("endsOn").GetString());
        var refused = await team.OfficerApi.PutAsJsonAsync($"{team.Api}/{id}", Complete(ids[..2]));
        Assert.Contains("approved and cannot be changed", (await refused.FieldErrorsAsync())["Status"].Single());
        var v2 = await (await team.OfficerApi.PostAsync($"{team.Api}/{id}/new-version", null)).Content.ReadFromJsonAsync<JsonElement>();
        var v2Row = v2.GetProperty("facts").GetProperty("waiver").GetProperty("contracts")[0];
        Assert.Equal("2028-03-31", v2Row.GetProperty("endsOn").GetString());
        Assert.Equal("2029-03-31", v2Row.GetProperty("newEndsOn").GetString());
        Assert.Single(v2Row.GetProperty("history").EnumerateArray());
        Assert.Equal("EX1", v2.GetProperty("waiver").GetProperty("exemptionCode").GetString());

        // The register's page for a recorded contract: no procurement, no band rates, its extension with the authority.
        var page = await (await fixture.PageClientAsync(team.Officer.Email!)).GetStringAsync($"/{team.Slug}/contracts/{ids[0]}");
        Assert.Contains("Let outside the portal", page);
        Assert.Contains("31 March 2028", page);
        Assert.Contains("version 1, approved by", page);
        Assert.DoesNotContain("Agreed band rates", page);
    }

    [Fact]
    public async Task A_waiver_is_not_sent_for_review_without_its_exemption_reasons_risks_and_plan()
    {
        var team = await fixture.TeamAsync("Leeds City Council");
        var ids = await RecordLeedsContractsAsync(team);
        var id = (await DraftAsync(team, ids, 12)).GetProperty("id").GetGuid();
        await team.PutAsync(id, Complete(ids, exemptionCode: null, reasons: "", risks: "", plan: ""));

        var submitted = await team.OfficerApi.PostAsync($"{team.Api}/{id}/submit", null);

        var errors = await submitted.FieldErrorsAsync();
        Assert.Equal(["ExemptionCode", "ReprocurementPlan", "WaiverReasons", "WaiverRisks"],
            errors.Keys.Where(k => k is "ExemptionCode" or "WaiverReasons" or "WaiverRisks" or "ReprocurementPlan").Order());
    }

    [Fact]
    public async Task A_waiver_cannot_name_another_tenants_contract_nor_an_exemption_outside_the_tenants_rules()
    {
        var leeds = await fixture.TeamAsync("Leeds City Council");
        var lambeth = await fixture.TeamAsync("Lambeth Council");
        var ours = await RecordLeedsContractsAsync(leeds);
        var theirs = await RecordLeedsContractsAsync(lambeth);
        var admin = await fixture.CreateUserAsync(leeds.Tenant, Role.TenantAdmin);
        var template = await (await fixture.BearerClientAsync(admin.Email!)).PutAsJsonAsync($"{leeds.Api}/template", new
        {
            keyDecisionThreshold = 500_000m,
            sections = new[] { new { key = "summary" }, new { key = "background" } },
            exemptions = new[] { new { code = "CPR 3.1.7", description = "Extension while the service is procured again" } },
        });
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);

        var crossDraft = await leeds.OfficerApi.PostAsJsonAsync($"{leeds.Api}/waivers", new { title = "Not ours", contractIds = new[] { ours[0], theirs[0] }, extensionMonths = 12 });
        Assert.Contains("ContractIds", (await crossDraft.FieldErrorsAsync()).Keys);
        var id = (await DraftAsync(leeds, ours, 12)).GetProperty("id").GetGuid();
        var defaultCode = await leeds.OfficerApi.PutAsJsonAsync($"{leeds.Api}/{id}", Complete(ours, exemptionCode: "EX1"));
        Assert.Contains("ExemptionCode", (await defaultCode.FieldErrorsAsync()).Keys);
        var tooLong = await leeds.OfficerApi.PutAsJsonAsync($"{leeds.Api}/{id}", Complete(ours, exemptionCode: "CPR 3.1.7", months: 61));
        Assert.Contains("ExtensionMonths", (await tooLong.FieldErrorsAsync()).Keys);
        var saved = await leeds.PutAsync(id, Complete(ours, exemptionCode: "CPR 3.1.7"));
        Assert.Equal("Extension while the service is procured again", saved.GetProperty("waiver").GetProperty("exemptionText").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await lambeth.OfficerApi.GetAsync($"/api/v1/t/{lambeth.Slug}/contracts/{ours[0]}/extensions")).StatusCode);
    }

    [Fact]
    public async Task The_waiver_pdf_reads_back_with_its_sections_the_contracts_table_and_the_totals()
    {
        var team = await fixture.TeamAsync("Leeds City Council");
        var ids = await RecordLeedsContractsAsync(team);
        var id = (await DraftAsync(team, ids, 12)).GetProperty("id").GetGuid();
        await team.PutAsync(id, Complete(ids));

        using var pdf = PdfDocument.Open(await team.OfficerApi.GetByteArrayAsync($"{team.Api}/{id}/pdf"));

        var text = Squashed(string.Concat(pdf.GetPages().Select(p => p.Text)));
        foreach (var heading in new[] { "Contracts to be extended", "Extension history", "Reasons for the waiver", "Risks", "Plan to re-procure", "Options appraisal", "Equality impact assessment" })
        {
            Assert.Contains(Squashed(heading), text);
        }
        Assert.Contains(Squashed("EX1: Extension of an existing contract"), text);
        Assert.Contains(Squashed("£1,477,137"), text);
        Assert.Contains(Squashed("31 Mar 2028"), text);
        Assert.Contains(Squashed("Women's Counselling and Therapy Service"), text);
    }

    [Fact]
    public async Task The_word_document_has_the_same_headings_as_word_headings_and_the_contracts_table()
    {
        var team = await fixture.TeamAsync("Leeds City Council");
        var ids = await RecordLeedsContractsAsync(team);
        var id = (await DraftAsync(team, ids, 12)).GetProperty("id").GetGuid();
        await team.PutAsync(id, Complete(ids));

        var response = await team.OfficerApi.GetAsync($"{team.Api}/{id}/docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Waiver-decision-report-v1.docx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var body = docx.MainDocumentPart!.Document!.Body!;
        var headings = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading2")
            .Select(p => p.InnerText).ToList();
        Assert.Equal(["Summary of main issues", "Recommendations", "Background", "Contracts to be extended", "Reasons for the waiver", "Risks", "Plan to re-procure"], headings.Take(7));
        var contracts = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>()
            .First(t => t.InnerText.Contains("Extension value", StringComparison.Ordinal));
        Assert.Contains("£1,477,137", contracts.InnerText);
        Assert.Equal(6, contracts.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Count()); // header, 4 contracts, total
        Assert.Equal("en-GB", docx.PackageProperties.Language);
    }

    [Fact]
    public async Task Recording_a_contract_checks_its_fields_and_refuses_a_reference_already_in_the_register()
    {
        var team = await fixture.TeamAsync("Leeds City Council");
        await RecordLeedsContractsAsync(team);

        var duplicate = await team.OfficerApi.PostAsJsonAsync($"/api/v1/t/{team.Slug}/contracts", Contract("ASC-MH-0101", "Leeds Mind", 1m));
        var backwards = await team.OfficerApi.PostAsJsonAsync($"/api/v1/t/{team.Slug}/contracts", new
        {
            reference = "X-1", title = "Backwards", providerName = "P", startsOn = "2027-01-01", endsOn = "2026-01-01", annualValue = -1m,
        });

        Assert.Contains("Reference", (await duplicate.FieldErrorsAsync()).Keys);
        var errors = await backwards.FieldErrorsAsync();
        Assert.Contains("EndsOn", errors.Keys);
        Assert.Contains("AnnualValue", errors.Keys);
        var recorded = await team.OfficerApi.GetFromJsonAsync<JsonElement>($"/api/v1/t/{team.Slug}/contracts");
        Assert.Equal(4, recorded.GetArrayLength());
        Assert.Equal(351_953m * 13, recorded.EnumerateArray().Single(c => c.GetProperty("reference").GetString() == "ASC-MH-0101").GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task The_pages_draft_a_waiver_from_ticked_contracts_and_show_errors_in_the_summary()
    {
        var team = await fixture.TeamAsync("Leeds City Council");
        var ids = await RecordLeedsContractsAsync(team);
        var officer = await fixture.PageClientAsync(team.Officer.Email!);

        var empty = await officer.PostWithPageTokenAsync($"{team.Pages}/new-waiver", new() { ["Title"] = "", ["ExtensionMonths"] = "" }, $"{team.Pages}/new-waiver");
        await empty.AssertErrorSummaryAsync("Title", "ContractIds", "ExtensionMonths");

        var form = new Dictionary<string, string>
        {
            ["Title"] = "Mental health contracts: waiver", ["ExtensionMonths"] = "12", ["ContractIds[0]"] = ids[0].ToString(), ["ContractIds[1]"] = ids[1].ToString(),
        };
        var created = await officer.PostWithPageTokenAsync($"{team.Pages}/new-waiver", form, $"{team.Pages}/new-waiver");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var edit = await officer.GetStringAsync(created.Headers.Location!.OriginalString);
        Assert.Contains("Contracts to be extended", edit);
        Assert.Contains("EX1: Extension of an existing contract", edit);
    }

    private static async Task<Guid[]> RecordLeedsContractsAsync(DecisionReportTestSupport.Team team)
    {
        var ids = new List<Guid>();
        foreach (var (reference, provider, annual) in Leeds)
        {
            var response = await team.OfficerApi.PostAsJsonAsync($"/api/v1/t/{team.Slug}/contracts", Contract(reference, provider, annual));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }
        return [.. ids];
    }

    private static object Contract(string reference, string provider, decimal annual) => new
    {
        reference, title = "Mental health third sector service", providerName = provider, service = "Mental health",
        startsOn = "2014-04-01", endsOn = "2027-03-31", annualValue = annual,
    };

    private static async Task<JsonElement> DraftAsync(DecisionReportTestSupport.Team team, Guid[] ids, int months)
    {
        var response = await team.OfficerApi.PostAsJsonAsync($"{team.Api}/waivers", new { title = "Mental health contracts: waiver to extend", contractIds = ids, extensionMonths = months });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A complete report (as the procurement's) with the waiver's own fields.</summary>
    private static Dictionary<string, object?> Complete(Guid[] ids, string? exemptionCode = "EX1", int months = 12,
        string reasons = "The new community based mental health service is being procured; the current services must continue until it starts.",
        string risks = "Providers may not agree the extension; services are stretched after two rounds of reductions.",
        string plan = "Procure the Community Based Mental Health Service in early 2027/28; the new contract starts 1 April 2028.")
    {
        var content = JsonSerializer.SerializeToElement(DecisionReportTestSupport.Complete()).Deserialize<Dictionary<string, object?>>()!;
        content["title"] = "Mental health contracts: waiver to extend";
        content["contractIds"] = ids;
        content["extensionMonths"] = months;
        content["exemptionCode"] = exemptionCode;
        content["waiverReasons"] = reasons;
        content["waiverRisks"] = risks;
        content["reprocurementPlan"] = plan;
        return content;
    }

    private static string Squashed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
