using System.Diagnostics;
using System.Text.Json;
using ProcurementPortal.Core.Calendar;
using ProcurementPortal.Core.Demo;

namespace ProcurementPortal.Web.Infrastructure.Demo;

public enum DemoStageOutcome
{
    Done,
    AlreadyThere,
    Failed,
}

public sealed record DemoStageResult(int Number, string Name, DemoStageOutcome Outcome, TimeSpan Took);

/// <summary>
/// Leaves the demo portal with the seed papers' procurements at six stages (issue 11, item 4; issue 13, item 8), driving the real use
/// cases through the portal's own API as the demo users, so that bids are sealed with receipts, the audit chain and the
/// outbox are written as they would be by people. Runs after the demo data is seeded (<c>Portal:DemoStages</c>).
/// Idempotent: each stage first looks for its procurement (or statement) by title and does nothing when it has gone
/// past the stage's start. A stage that fails is logged and the next one still runs.
/// </summary>
public sealed class DemoStager(DemoBackstage backstage, ILogger<DemoStager> log)
{
    public const int Stages = 6;

    public async Task<IReadOnlyList<DemoStageResult>> RunAsync(HttpClient http, CancellationToken ct)
    {
        var api = new DemoApi(http);
        var stages = new (string Name, Func<Task<bool>> Run)[]
        {
            ("engagement open: Northamptonshire's market intent statement", () => EngagementOpenAsync(api, ct)),
            ("tender open: Lancashire's mental health framework", () => TenderOpenAsync(api, ct)),
            ("in evaluation: Lambeth's IPSA alliance", () => InEvaluationAsync(api, ct)),
            ("awarded with contracts: Leeds Community Based Mental Health Service", () => AwardedAsync(api, ct)),
            ("waiver and DDP report: Leeds", () => ReportsAsync(api, ct)),
            ("framework at work: Lancashire's first round, its members, placements and an open package request", () => FrameworkAtWorkAsync(api, ct)),
        };
        var results = new List<DemoStageResult>();
        foreach (var (stage, i) in stages.Select((s, i) => (s, i + 1)))
        {
            var watch = Stopwatch.StartNew();
            DemoStageOutcome outcome;
            try
            {
                outcome = await stage.Run() ? DemoStageOutcome.Done : DemoStageOutcome.AlreadyThere;
                log.LogInformation("Demo stage {Number} of {Stages} ({Stage}): {Outcome} in {Seconds:0.0} s", i, Stages, stage.Name,
                    outcome == DemoStageOutcome.Done ? "done" : "already there, nothing changed", watch.Elapsed.TotalSeconds);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                outcome = DemoStageOutcome.Failed;
                log.LogError(e, "Demo stage {Number} of {Stages} ({Stage}) failed after {Seconds:0.0} s", i, Stages, stage.Name, watch.Elapsed.TotalSeconds);
            }
            results.Add(new DemoStageResult(i, stage.Name, outcome, watch.Elapsed));
        }
        return results;
    }

    /// <summary>Stage 1: a published statement with a provider event open for registration, one registration, one expression of interest.</summary>
    private static async Task<bool> EngagementOpenAsync(DemoApi api, CancellationToken ct)
    {
        const string slug = "northamptonshire";
        var officer = api.As($"officer1@{slug}.demo");
        var url = $"/api/v1/t/{slug}/market-intent-statements";
        if ((await officer.GetAsync(url, ct)).EnumerateArray().Any(s => s.GetProperty("title").GetString() == NorthamptonshirePartnerships.Title))
        {
            return false;
        }
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var statement = await officer.PostAsync(url, new
        {
            title = NorthamptonshirePartnerships.Title,
            body = NorthamptonshirePartnerships.Body,
            indicativeValueMin = NorthamptonshirePartnerships.IndicativeValueMin,
            indicativeValueMax = NorthamptonshirePartnerships.IndicativeValueMax,
            milestones = NorthamptonshirePartnerships.Timetable.Select(m => today.AddMonths(m.MonthsAfter))
                .Zip(NorthamptonshirePartnerships.Timetable, (d, m) => new { label = m.Label, year = d.Year, month = d.Month, day = (int?)null }).ToList(),
        }, ct);
        var id = statement.GetProperty("id").GetGuid();
        await officer.PostAsync($"{url}/{id}/publish", null, ct);
        var startsAt = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(21).AddHours(10), TimeSpan.Zero);
        var engagement = await officer.PostAsync($"{url}/{id}/events", new
        {
            title = NorthamptonshirePartnerships.EventTitle,
            startsAt,
            endsAt = startsAt.AddHours(3),
            venue = NorthamptonshirePartnerships.EventVenue,
            onlineLink = (string?)null,
            capacity = NorthamptonshirePartnerships.EventCapacity,
        }, ct);
        var notice = $"/api/v1/t/{slug}/notices/{id}";
        await api.As("admin@aire-valley.demo").PostAsync($"{notice}/events/{engagement.GetProperty("id").GetGuid()}/registrations",
            new { providerId = (Guid?)null, attendeeName = "Aire Valley Recovery Trust admin" }, ct);
        await api.As("admin@ribble-valley.demo").PutAsync($"{notice}/expression-of-interest", new
        {
            providerId = (Guid?)null,
            areasOfInterest = "Supported living and community support for adults with learning disabilities or mental health needs, countywide",
            capacityHoursPerWeek = 600,
            comment = "We run supported living in Lancashire and would subcontract to a prime provider in Northamptonshire.",
        }, ct);
        return true;
    }

    /// <summary>Stage 2: the seeded draft framework published, a clarification asked and answered, a provider's draft bid.</summary>
    private async Task<bool> TenderOpenAsync(DemoApi api, CancellationToken ct)
    {
        const string slug = "lancashire";
        var officer = api.As($"officer1@{slug}.demo");
        var framework = await FindAsync(officer, slug, LancashireFramework.Title, ct);
        if (framework is not { } found || found.GetProperty("state").GetString() != "Draft")
        {
            return false;
        }
        var tender = await DemoTender.ExistingAsync(api, backstage, slug, found.GetProperty("id").GetGuid(), ct);
        await officer.PatchAsync(tender.Api, new
        {
            procedureType = "OpenFramework",
            contractTermMonths = 36,
            extensionOptions = "Two optional extensions of 12 months",
            clarificationDeadline = DateTimeOffset.UtcNow.AddDays(21),
            submissionDeadline = DateTimeOffset.UtcNow.AddDays(35),
        }, ct);
        await tender.PublishAsync(ct);

        var provider = api.As("bidwriter@ribble-valley.demo");
        var opportunity = $"/api/v1/t/{slug}/opportunities/{tender.Id}";
        await provider.PostAsync($"{opportunity}/interest", new { providerId = (Guid?)null }, ct);
        await provider.PostAsync($"{opportunity}/clarifications", new
        {
            providerId = (Guid?)null,
            question = "May one provider bid for all three lots, and be appointed to more than one of them?",
        }, ct);
        var asked = (await officer.GetAsync($"{tender.Api}/clarifications", ct)).EnumerateArray().First();
        await officer.PostAsync($"{tender.Api}/clarifications/{asked.GetProperty("id").GetGuid()}/answer", new
        {
            answer = "Yes. A provider may bid for any or all of the lots East, North and Central, and each lot appoints up to eight providers on its own evaluation.",
        }, ct);
        await tender.DraftBidAsync("ribble-valley", "We support people in the Ribble Valley to recover at home, with a named worker and a plan reviewed every twelve weeks.", 0.96m, ct);
        return true;
    }

    /// <summary>Stage 3: Lambeth's pooled IPSA tender closed with three bids, opened, one evaluator done and one part-way.</summary>
    private async Task<bool> InEvaluationAsync(DemoApi api, CancellationToken ct)
    {
        const string slug = "lambeth";
        if (await FindAsync(api.As($"officer1@{slug}.demo"), slug, LambethIpsa.Title, ct) is not null)
        {
            return false;
        }
        var tender = await DemoTender.CreateAsync(api, backstage, slug, DemoData.JointOfficerEmail, new
        {
            title = LambethIpsa.Title,
            description = LambethIpsa.Description,
            cpvCode = "85312000-9",
            procedureType = "CompetitiveFlexible",
            annualBudget = LambethIpsa.AnnualBudget,
            currentAnnualSpend = LambethIpsa.CurrentAnnualSpend,
            contractTermMonths = LambethIpsa.ContractTermMonths,
            extensionOptions = LambethIpsa.ExtensionOptions,
            clarificationDeadline = DateTimeOffset.UtcNow.AddDays(14),
            submissionDeadline = DateTimeOffset.UtcNow.AddDays(28),
            pooledPartners = new[]
            {
                new { name = "NHS Lambeth CCG", sharePercent = LambethIpsa.CcgSharePercent },
                new { name = "Lambeth Council", sharePercent = LambethIpsa.CouncilSharePercent },
            },
        }, ct);
        await tender.PublishAsync(LambethIpsa.LotName, "Lambeth", 4, LambethIpsa.Bands,
            "How will you give each person a personalised recovery package and help them move on from residential care?", ct);
        var scores = await tender.ReadyForScoringAsync(
        [
            new("brixton-wellbeing", "Brixton Wellbeing works with housing partners so that people move on to a home of their own, with a peer worker for the first year.", 0.92m, 4),
            new("aire-valley", "Our recovery college and a personal budget for everyone who wants one give people choice and control.", 0.96m, 3),
            new("ribble-valley", "We would bring our supported living model to Lambeth with a local team and a housing officer.", 0.90m, 3),
        ], [tender.Evaluator1, tender.Evaluator2], tender.Officer, ct);
        await tender.ScoreAsync(tender.Evaluator1, bid => scores[bid], ct);
        await tender.ScoreAsync(tender.Evaluator2, bid => scores[bid], ct, questionsToScore: 4);
        return true;
    }

    /// <summary>Stage 4: the seeded Leeds procurement tendered, evaluated, ranked, approved, letters sent, standstill over, contract made.</summary>
    private async Task<bool> AwardedAsync(DemoApi api, CancellationToken ct)
    {
        const string slug = "leeds";
        var found = await FindAsync(api.As($"officer1@{slug}.demo"), slug, LeedsCbmhs.Title, ct);
        if (found is not { } draft || draft.GetProperty("state").GetString() != "Draft")
        {
            return false;
        }
        var tender = await DemoTender.ExistingAsync(api, backstage, slug, draft.GetProperty("id").GetGuid(), ct);
        await tender.Officer.PatchAsync(tender.Api, new
        {
            procedureType = "CompetitiveFlexible",
            extensionOptions = "One optional extension of 24 months",
            clarificationDeadline = DateTimeOffset.UtcNow.AddDays(14),
            submissionDeadline = DateTimeOffset.UtcNow.AddDays(28),
        }, ct);
        await tender.PublishAsync(LeedsCbmhs.LotName, "Leeds", 1, LeedsCbmhs.Bands,
            "How will the one service give information, a single point of access and recovery focused support across Leeds?", ct);
        var scores = await tender.ReadyForScoringAsync(
        [
            new("aire-valley", "Aire Valley brings the three services together with one front door, peer support groups across the city and a recovery plan for everyone.", 0.95m, 4),
            new("ribble-valley", "We would open a Leeds base with outreach workers and a telephone single point of access.", 0.90m, 3),
            new("brixton-wellbeing", "Our model of community wellbeing hubs would come to Leeds with a local partner.", 0.98m, 2),
        ], [tender.Evaluator1], tender.Evaluator2, ct);
        await tender.ScoreAsync(tender.Evaluator1, bid => scores[bid], ct);
        await tender.ModerateAndPublishAsync(tender.Evaluator2, bid => scores[bid], ct);

        await tender.AwardAsync("Within the budget of £1,201,227 and well evidenced.", ct);
        return true;
    }

    /// <summary>Stage 5: Leeds's approved DDP report is there, and a waiver report extends the four contracts for a year.</summary>
    private static async Task<bool> ReportsAsync(DemoApi api, CancellationToken ct)
    {
        const string slug = "leeds";
        var officer = api.As($"officer1@{slug}.demo");
        var reports = (await officer.GetAsync($"/api/v1/t/{slug}/decision-reports", ct)).EnumerateArray().ToList();
        if (!reports.Any(r => r.GetProperty("subjectType").GetString() == "Procurement"))
        {
            throw new InvalidOperationException("Leeds has no DDP report: the demo data should have seeded one (start with Portal:SeedDemoData=true)");
        }
        if (reports.Any(r => r.GetProperty("subjectType").GetString() == "Waiver"))
        {
            return false;
        }
        var contracts = (await officer.GetAsync($"/api/v1/t/{slug}/contracts?sort=reference", ct)).EnumerateArray()
            .Where(c => c.GetProperty("reference").GetString()!.StartsWith(LeedsCbmhs.WaiverContractPrefix, StringComparison.Ordinal))
            .Select(c => c.GetProperty("id").GetGuid()).ToList();
        await officer.PostAsync($"/api/v1/t/{slug}/decision-reports/waivers", new { title = LeedsCbmhs.WaiverTitle, contractIds = contracts, extensionMonths = 12 }, ct);
        return true;
    }

    /// <summary>
    /// Stage 6: Lancashire's first round of the framework, let on the same lots and bands as the tender now open: the
    /// three demo providers bid for every lot, are evaluated and appointed, and the standstill ends, so each lot has
    /// its members. Then the daily flow: two packages of care placed (offers, the window closed, the best confirmed as a
    /// call-off) and one package request still open with an offer in.
    /// </summary>
    private async Task<bool> FrameworkAtWorkAsync(DemoApi api, CancellationToken ct)
    {
        const string slug = "lancashire";
        if (await FindAsync(api.As($"officer1@{slug}.demo"), slug, LancashireFramework.FirstRoundTitle, ct) is not null)
        {
            return false;
        }
        var tender = await DemoTender.CreateAsync(api, backstage, slug, $"officer2@{slug}.demo", new
        {
            title = LancashireFramework.FirstRoundTitle,
            description = "The first round of the framework: care and support for adults with mental health needs, in their own homes and supported accommodation.",
            cpvCode = "85312000-9",
            procedureType = "OpenFramework",
            annualBudget = LancashireFramework.AnnualBudget,
            currentAnnualSpend = LancashireFramework.CurrentAnnualSpend,
            contractTermMonths = 36,
            extensionOptions = "Two optional extensions of 12 months",
            clarificationDeadline = DateTimeOffset.UtcNow.AddDays(14),
            submissionDeadline = DateTimeOffset.UtcNow.AddDays(28),
        }, ct);
        await tender.PublishAsync(LancashireFramework.Lots.Select(l => (l.Name, $"{l.Name} Lancashire", 8, LancashireFramework.DemoBands(l.HoursPerWeek))),
            "How will you promote recovery and rehabilitation?", ct);
        var scores = await tender.ReadyForScoringAsync(
        [
            new("ribble-valley", "We support people in the Ribble Valley to recover at home, with a named worker and a plan reviewed every twelve weeks.", 0.96m, 4),
            new("aire-valley", "Our recovery college and a personal budget for everyone who wants one give people choice and control.", 0.92m, 3),
            new("brixton-wellbeing", "Community wellbeing hubs with a local partner in each district, and peer workers who have used services.", 0.98m, 3),
        ], [tender.Evaluator1], tender.Evaluator2, ct);
        await tender.ScoreAsync(tender.Evaluator1, bid => scores[bid], ct);
        await tender.ModerateAndPublishAsync(tender.Evaluator2, bid => scores[bid], ct);
        await tender.AwardAsync("Within the affordability model of £6,000,000 a year; every lot has three providers.", ct);

        var officer = tender.Officer;
        var central = (await officer.GetAsync($"{tender.Api}/framework", ct)).GetProperty("lots").EnumerateArray()
            .Single(l => l.GetProperty("name").GetString() == "Central").GetProperty("lotId").GetGuid();
        var packages = new (string District, string Band, decimal Hours, string Needs, string Case, bool Place)[]
        {
            ("PR1", "B2", 14m, "Morning calls, help with medication and meals; the person speaks Gujarati.", "ASC-40917", true),
            ("PR2", "B3", 21m, "Daily support to keep a tenancy, two visits a day, a worker confident with self-harm plans.", "ASC-41102", true),
            ("PR5", "B1", 7m, "Weekly shopping and budgeting support, and help to join a community group.", "ASC-41388", false),
        };
        // Offers as a share of the band's ceiling: under every member's framework rate (its bid, 92–98% of the ceiling).
        var offers = new (string Provider, decimal Share)[] { ("aire-valley", 0.86m), ("ribble-valley", 0.87m), ("brixton-wellbeing", 0.89m) };
        foreach (var package in packages)
        {
            var posted = await officer.PostAsync($"/api/v1/t/{slug}/procurements/{tender.Id}/package-requests", new
            {
                lotId = central, postcodeDistrict = package.District, bandCode = package.Band, hoursPerWeek = package.Hours,
                startsOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)), requirements = package.Needs, caseReference = package.Case,
                responseWindowHours = 24,
            }, ct);
            var request = $"/api/v1/t/{slug}/package-requests/{posted.GetProperty("request").GetProperty("id").GetGuid()}";
            var ceiling = LancashireFramework.Bands.Single(b => b.Code == package.Band).Ceiling;
            foreach (var (provider, share) in package.Place ? offers : offers.Take(1))
            {
                await api.As($"bidwriter@{provider}.demo").PostAsync($"{request}/offer", new
                {
                    canStartOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)), hourlyRate = Math.Round(ceiling * share, 2),
                }, ct);
            }
            if (package.Place)
            {
                await backstage.CloseWindowAsync(tender.TenantId, posted.GetProperty("request").GetProperty("id").GetGuid(), ct);
                var best = (await officer.GetAsync(request, ct)).GetProperty("ranking").EnumerateArray().First().GetProperty("responseId").GetGuid();
                await officer.PostAsync($"{request}/confirm", new { responseId = best }, ct);
            }
        }
        return true;
    }

    private static async Task<JsonElement?> FindAsync(DemoCaller officer, string slug, string title, CancellationToken ct) =>
        (await officer.GetAsync($"/api/v1/t/{slug}/procurements", ct)).EnumerateArray()
            .Where(p => p.GetProperty("title").GetString() == title).Select(p => (JsonElement?)p).FirstOrDefault();
}
