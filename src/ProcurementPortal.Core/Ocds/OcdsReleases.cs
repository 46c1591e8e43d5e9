using System.Globalization;
using System.Text.Json.Nodes;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.Core.Ocds;

/// <summary>What a procurement's OCDS releases are made from: only what has been published (never sealed-bid content or evaluators).</summary>
/// <param name="Buyer">The tenant that runs the procurement.</param>
/// <param name="Awards">The award (null until approved); its appointed bids name the suppliers.</param>
/// <param name="Suppliers">Provider organisations appointed by the award, for their identifiers.</param>
/// <param name="Documents">Every version of the tender documents that providers may see, with the time each became public.</param>
public sealed record OcdsSource(
    string OcidPrefix,
    Organisation Buyer,
    Procurement Procurement,
    IReadOnlyList<Addendum> Addenda,
    Domain.Award.Award? Award,
    IReadOnlyList<AwardedBid> AwardedBids,
    IReadOnlyList<Organisation> Suppliers,
    IReadOnlyList<Contract> Contracts,
    DateTime? StatementPublishedAt,
    IReadOnlyList<OcdsDocument>? Documents = null);

/// <summary>One published version of a tender document: the newest published by a release's date is the one it lists.</summary>
public sealed record OcdsDocument(Guid DocumentId, int Version, string Title, string FileName, string ContentType, DateTime PublishedAt);

/// <summary>
/// The Open Contracting Data Standard 1.1.5 releases of one procurement, one per stage that has happened: planning (the
/// market intent statement), tender (publication), tenderAmendment (each addendum), award (approval, with the
/// appointed suppliers), contract (the contracts made at the end of the standstill) and tenderCancellation. Lots use
/// the lots extension's fields; each fee band is an item of its lot with the ceiling rate as its unit value.
/// </summary>
public static class OcdsReleases
{
    public const string Currency = "GBP";

    /// <summary>The lots extension, whose fields (tender.lots, items' relatedLot, awards' relatedLots) the releases use.</summary>
    public const string LotsExtension = "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json";

    public static string Ocid(string prefix, Guid procurementId) => $"{prefix}-{procurementId}";

    public static IReadOnlyList<JsonObject> For(OcdsSource source)
    {
        var p = source.Procurement;
        var releases = new List<JsonObject>();
        if (source.StatementPublishedAt is { } planned)
        {
            releases.Add(Release(source, "planning", planned, TenderStatus(p, planning: true)));
        }
        if (p.PublishedAt is not { } published)
        {
            AddCancellation(source, releases);
            return releases;
        }
        releases.Add(Release(source, "tender", published, "active"));
        foreach (var addendum in source.Addenda.Where(a => a.PublishedAt is not null).OrderBy(a => a.Number))
        {
            var release = Release(source, "tenderAmendment", addendum.PublishedAt!.Value, "active", $"amendment-{addendum.Number}");
            release["tender"]!["amendments"] = new JsonArray(new JsonObject
            {
                ["id"] = addendum.Number.ToString(CultureInfo.InvariantCulture),
                ["date"] = Date(addendum.PublishedAt!.Value),
                ["rationale"] = addendum.Title,
                ["description"] = addendum.Text,
            });
            releases.Add(release);
        }
        if (p.State == ProcurementState.Cancelled)
        {
            AddCancellation(source, releases);
            return releases;
        }
        if (source.Award is { Decision: ApprovalDecision.Approved, DecidedAt: { } approved })
        {
            var release = Release(source, "award", approved, TenderStatus(p, planning: false));
            AddSuppliers(source, release);
            release["awards"] = Awards(source, approved);
            releases.Add(release);
        }
        if (source.Contracts.Count > 0 && source.Award?.AwardedAt is { } awarded)
        {
            var release = Release(source, "contract", awarded, "complete");
            AddSuppliers(source, release);
            release["awards"] = Awards(source, source.Award.DecidedAt ?? awarded);
            release["contracts"] = new JsonArray(source.Contracts.OrderBy(c => c.Reference).Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Reference,
                ["awardID"] = AwardId(c.LotId!.Value),
                ["title"] = $"{c.Title}: {c.ProviderName}",
                ["status"] = "active",
                ["period"] = new JsonObject { ["startDate"] = Day(c.StartsOn), ["endDate"] = Day(c.EndsOn) },
                ["value"] = Money(c.Value),
                ["items"] = new JsonArray(c.Rates.Select(r => (JsonNode)new JsonObject
                {
                    ["id"] = $"{c.Reference}-{r.BandCode}",
                    ["description"] = $"{r.BandCode} {r.BandName}",
                    ["unit"] = new JsonObject { ["name"] = r.Unit.ToLowerInvariant(), ["value"] = Money(r.Rate) },
                }).ToArray()),
            }).ToArray());
            releases.Add(release);
        }
        return releases;
    }

    /// <summary>
    /// A call-off contract under a framework (a brokerage placement or a direct award) as its own contracting process:
    /// its own ocid, one release tagged award and contract, linked to the framework's ocid through relatedProcesses
    /// (relationship framework, scheme ocid). It carries what the contract register holds about the call-off (provider,
    /// need band, hours, rate, term, value) and nothing of the case: no case reference, postcode district or requirements.
    /// </summary>
    public static JsonObject CallOff(string ocidPrefix, Organisation buyer, Procurement framework, Contract callOff, Organisation? supplier, bool brokered)
    {
        var ocid = Ocid(ocidPrefix, callOff.Id);
        var rate = callOff.Rates.FirstOrDefault();
        var title = $"Call-off under {framework.Reference} {callOff.LotName}: {rate?.BandCode} {rate?.BandName}, {callOff.HoursPerWeek:0.##} hours a week";
        var buyerParty = Party(buyer, "buyer", "procuringEntity");
        var supplierParty = supplier is null
            ? new JsonObject { ["id"] = $"provider-{callOff.ProviderId}", ["name"] = callOff.ProviderName, ["roles"] = new JsonArray("supplier") }
            : Party(supplier, "supplier");
        var supplierRef = new JsonObject { ["id"] = supplierParty["id"]!.GetValue<string>(), ["name"] = callOff.ProviderName };
        var awardId = $"award-{callOff.Id}";
        var value = Money(callOff.Value);
        return new JsonObject
        {
            ["ocid"] = ocid,
            ["id"] = $"{ocid}-contract",
            ["date"] = Date(callOff.CreatedAt),
            ["tag"] = new JsonArray("award", "contract"),
            ["initiationType"] = "tender",
            ["language"] = "en",
            ["parties"] = new JsonArray(buyerParty, supplierParty),
            ["buyer"] = new JsonObject { ["id"] = buyerParty["id"]!.GetValue<string>(), ["name"] = buyer.Name },
            ["tender"] = new JsonObject
            {
                ["id"] = callOff.Reference,
                ["title"] = title,
                ["status"] = "complete",
                ["procuringEntity"] = new JsonObject { ["id"] = PartyId(buyer), ["name"] = buyer.Name },
                ["procurementMethod"] = brokered ? "selective" : "direct",
                ["procurementMethodDetails"] = brokered
                    ? "Call-off by further competition among the lot's active framework members (brokerage of a package of care)"
                    : "Call-off by direct award under the framework's objective mechanism",
                ["mainProcurementCategory"] = "services",
                ["awardCriteria"] = "ratedCriteria",
                ["awardCriteriaDetails"] = brokered
                    ? "60% quality (the provider's framework evaluation score) and 40% price (the offered hourly rate)"
                    : "The framework's stated rule for direct award",
                ["submissionMethod"] = new JsonArray("electronicSubmission"),
            },
            ["relatedProcesses"] = new JsonArray(new JsonObject
            {
                ["id"] = "framework",
                ["relationship"] = new JsonArray("framework"),
                ["title"] = framework.Title,
                ["scheme"] = "ocid",
                ["identifier"] = Ocid(ocidPrefix, framework.Id),
            }),
            ["awards"] = new JsonArray(new JsonObject
            {
                ["id"] = awardId,
                ["title"] = title,
                ["status"] = "active",
                ["date"] = Date(callOff.CreatedAt),
                ["value"] = value.DeepClone(),
                ["suppliers"] = new JsonArray(supplierRef),
            }),
            ["contracts"] = new JsonArray(new JsonObject
            {
                ["id"] = callOff.Reference,
                ["awardID"] = awardId,
                ["title"] = title,
                ["status"] = "active",
                ["period"] = new JsonObject { ["startDate"] = Day(callOff.StartsOn), ["endDate"] = Day(callOff.EndsOn) },
                ["value"] = value,
                ["dateSigned"] = Date(callOff.CreatedAt),
                ["items"] = new JsonArray(callOff.Rates.Select(r => (JsonNode)new JsonObject
                {
                    ["id"] = $"{callOff.Reference}-{r.BandCode}",
                    ["description"] = $"{r.BandCode} {r.BandName}",
                    ["quantity"] = callOff.HoursPerWeek,
                    ["unit"] = new JsonObject { ["name"] = $"{r.Unit.ToLowerInvariant()} a week", ["value"] = Money(r.Rate) },
                }).ToArray()),
            }),
        };
    }

    /// <summary>
    /// The tenderCancellation release (tender.status cancelled) at the time of cancelling, with the officer's reason as
    /// a cancellationDetails document. Only for a procurement that had a release before: a cancelled draft has none.
    /// </summary>
    private static void AddCancellation(OcdsSource source, List<JsonObject> releases)
    {
        var p = source.Procurement;
        if (releases.Count == 0 || p.State != ProcurementState.Cancelled || p.CancelledAt is not { } cancelled)
        {
            return;
        }
        var release = Release(source, "tenderCancellation", cancelled, "cancelled");
        var tender = (JsonObject)release["tender"]!;
        foreach (var lot in tender["lots"]!.AsArray())
        {
            lot!["status"] = "cancelled";
        }
        var documents = tender["documents"] as JsonArray ?? [];
        documents.Add(new JsonObject
        {
            ["id"] = $"cancellation-{p.Id}",
            ["documentType"] = "cancellationDetails",
            ["title"] = "Reason for cancelling the procurement",
            ["description"] = p.CancellationReason ?? "",
            ["datePublished"] = Date(cancelled),
            ["language"] = "en",
        });
        tender["documents"] = documents;
        releases.Add(release);
    }

    /// <summary>A release package holding releases, as the standard's package schema describes it.</summary>
    public static JsonObject Package(string uri, DateTime published, string publisherName, IEnumerable<JsonObject> releases)
    {
        var package = PackageHeader(uri, published, publisherName);
        package["releases"] = new JsonArray(releases.Select(r => (JsonNode)r).ToArray());
        return package;
    }

    /// <summary>
    /// A record package holding one procurement's record: its ocid, all its releases and the compiled release (the
    /// current state). Each release here states every field as of its date, so the newest release, tagged
    /// compiled, is what merging them by the standard's rules gives.
    /// </summary>
    public static JsonObject RecordPackage(string uri, DateTime published, string publisherName, string ocid, IReadOnlyList<JsonObject> releases)
    {
        var package = PackageHeader(uri, published, publisherName);
        var record = new JsonObject
        {
            ["ocid"] = ocid,
            ["releases"] = new JsonArray(releases.Select(r => r.DeepClone()).ToArray()),
        };
        if (releases.Count > 0)
        {
            var compiled = (JsonObject)releases[^1].DeepClone();
            compiled["id"] = $"{ocid}-compiled";
            compiled["tag"] = new JsonArray("compiled");
            record["compiledRelease"] = compiled;
        }
        package["records"] = new JsonArray(record);
        return package;
    }

    private static JsonObject PackageHeader(string uri, DateTime published, string publisherName) => new()
    {
        ["uri"] = uri,
        ["version"] = "1.1",
        ["extensions"] = new JsonArray(LotsExtension),
        ["publishedDate"] = Date(published),
        ["publisher"] = new JsonObject { ["name"] = publisherName },
    };

    private static JsonObject Release(OcdsSource source, string tag, DateTime date, string tenderStatus, string? suffix = null)
    {
        var p = source.Procurement;
        var ocid = Ocid(source.OcidPrefix, p.Id);
        var buyer = Party(source.Buyer, "buyer");
        var parties = new JsonArray(buyer);
        foreach (var partner in p.PooledPartners.Where(x => x.Name != source.Buyer.Name))
        {
            parties.Add(new JsonObject { ["id"] = $"partner-{Slug(partner.Name)}", ["name"] = partner.Name, ["roles"] = new JsonArray("funder") });
        }
        return new JsonObject
        {
            ["ocid"] = ocid,
            ["id"] = $"{ocid}-{suffix ?? tag}",
            ["date"] = Date(date),
            ["tag"] = new JsonArray(tag),
            ["initiationType"] = "tender",
            ["language"] = "en",
            ["parties"] = parties,
            ["buyer"] = new JsonObject { ["id"] = buyer["id"]!.GetValue<string>(), ["name"] = source.Buyer.Name },
            ["planning"] = Planning(p),
            ["tender"] = Tender(source, tag == "planning" ? "planning" : tenderStatus, date),
        };
    }

    private static JsonObject Planning(Procurement p)
    {
        var planning = new JsonObject();
        if (p.AnnualBudget is { } budget)
        {
            planning["budget"] = new JsonObject { ["description"] = "Annual budget", ["amount"] = Money(budget) };
        }
        return planning;
    }

    private static JsonObject Tender(OcdsSource source, string status, DateTime asOf)
    {
        var p = source.Procurement;
        var tender = new JsonObject
        {
            ["id"] = p.Reference,
            ["title"] = p.Title,
            ["description"] = p.Description,
            ["status"] = status,
            ["procuringEntity"] = new JsonObject { ["id"] = PartyId(source.Buyer), ["name"] = source.Buyer.Name },
            ["procurementMethod"] = "open",
            ["procurementMethodDetails"] = "Open procedure for a framework of providers (Procurement Act 2023)",
            ["mainProcurementCategory"] = "services",
            ["awardCriteria"] = p.PriceWeight >= 100 ? "priceOnly" : "ratedCriteria",
            ["submissionMethod"] = new JsonArray("electronicSubmission"),
            ["hasEnquiries"] = p.ClarificationDeadline is not null,
        };
        if (p.EstimatedValue is { } value)
        {
            tender["value"] = Money(value);
        }
        if (p.PublishedAt is { } start)
        {
            tender["tenderPeriod"] = new JsonObject { ["startDate"] = Date(start), ["endDate"] = p.SubmissionDeadline is { } end ? Date(end) : null };
        }
        if (p.ClarificationDeadline is { } enquiries)
        {
            tender["enquiryPeriod"] = new JsonObject { ["endDate"] = Date(enquiries) };
        }
        if (Milestones(p, asOf) is { Count: > 0 } milestones)
        {
            tender["milestones"] = milestones;
        }
        if (Documents(source, asOf) is { Count: > 0 } documents)
        {
            tender["documents"] = documents;
        }
        var lots = p.Lots.OrderBy(l => l.Number).ToList();
        tender["lots"] = new JsonArray(lots.Select(l =>
        {
            var lot = new JsonObject { ["id"] = LotId(l.Id), ["title"] = $"Lot {l.Number}: {l.Name}", ["description"] = l.Description, ["status"] = status };
            if (l.AnnualBudget is { } budget)
            {
                lot["value"] = Money(budget);
            }
            return (JsonNode)lot;
        }).ToArray());
        tender["items"] = new JsonArray(lots.SelectMany(l => l.Bands.OrderBy(b => b.Code).Select(b =>
        {
            var item = new JsonObject
            {
                ["id"] = $"{LotId(l.Id)}-{b.Code}",
                ["description"] = $"Lot {l.Number} {b.Code} {b.Name}",
                ["quantity"] = b.ExpectedAnnualVolume,
                ["unit"] = new JsonObject { ["name"] = b.Unit.ToString().ToLowerInvariant() },
                ["relatedLot"] = LotId(l.Id),
            };
            if (p.CpvCode is { } cpv)
            {
                item["classification"] = new JsonObject { ["scheme"] = "CPV", ["id"] = cpv.Split('-')[0] };
            }
            if (b.CeilingRate is { } ceiling)
            {
                item["unit"]!["value"] = Money(ceiling);
            }
            return (JsonNode)item;
        })).ToArray());
        return tender;
    }

    /// <summary>The tender's timetable as the release's date saw it: a due date already passed is met.</summary>
    private static JsonArray Milestones(Procurement p, DateTime asOf)
    {
        var milestones = new JsonArray();
        foreach (var (id, title, type, due) in new[]
        {
            ("clarification-deadline", "Clarification questions close", "engagement", p.ClarificationDeadline),
            ("submission-deadline", "Tenders due", "engagement", p.SubmissionDeadline),
            ("evaluation-deadline", "Evaluators' scores due", "assessment", p.EvaluationDeadline),
        })
        {
            if (due is { } when)
            {
                milestones.Add(new JsonObject
                {
                    ["id"] = id, ["title"] = title, ["type"] = type, ["dueDate"] = Date(when),
                    ["status"] = when <= asOf ? "met" : "scheduled",
                });
            }
        }
        return milestones;
    }

    /// <summary>Each tender document's newest version public by the release's date (never a bidder's document).</summary>
    private static JsonArray Documents(OcdsSource source, DateTime asOf) => new((source.Documents ?? [])
        .Where(d => d.PublishedAt <= asOf)
        .GroupBy(d => d.DocumentId)
        .Select(g => g.MaxBy(d => d.Version)!)
        .OrderBy(d => d.Title, StringComparer.Ordinal)
        .Select(d => (JsonNode)new JsonObject
        {
            ["id"] = $"document-{d.DocumentId}-v{d.Version}",
            ["documentType"] = "biddingDocuments",
            ["title"] = d.Title,
            ["description"] = $"{d.FileName} (version {d.Version})",
            ["datePublished"] = Date(d.PublishedAt),
            ["format"] = d.ContentType,
            ["language"] = "en",
        }).ToArray());

    private static JsonArray Awards(OcdsSource source, DateTime date) => new(source.Procurement.Lots.OrderBy(l => l.Number).Select(l => (JsonNode)new JsonObject
    {
        ["id"] = AwardId(l.Id),
        ["title"] = $"Lot {l.Number}: {l.Name}",
        ["status"] = "active",
        ["date"] = Date(date),
        ["suppliers"] = new JsonArray(source.AwardedBids.Where(b => b.LotId == l.Id && b.Appointed).OrderBy(b => b.Rank)
            .Select(b => (JsonNode)new JsonObject { ["id"] = SupplierId(source, b.ProviderId), ["name"] = b.ProviderName }).ToArray()),
        ["relatedLots"] = new JsonArray(LotId(l.Id)),
    }).ToArray());

    private static void AddSuppliers(OcdsSource source, JsonObject release)
    {
        var parties = (JsonArray)release["parties"]!;
        foreach (var bid in source.AwardedBids.Where(b => b.Appointed).DistinctBy(b => b.ProviderId))
        {
            var org = source.Suppliers.FirstOrDefault(o => o.Id == bid.ProviderId);
            var party = org is null
                ? new JsonObject { ["id"] = $"provider-{bid.ProviderId}", ["name"] = bid.ProviderName, ["roles"] = new JsonArray("supplier", "tenderer") }
                : Party(org, "supplier", "tenderer");
            parties.Add(party);
        }
    }

    private static string SupplierId(OcdsSource source, Guid providerId) =>
        source.Suppliers.FirstOrDefault(o => o.Id == providerId) is { } org ? PartyId(org) : $"provider-{providerId}";

    private static JsonObject Party(Organisation org, params string[] roles)
    {
        var party = new JsonObject { ["id"] = PartyId(org), ["name"] = org.Name, ["roles"] = new JsonArray(roles.Select(r => (JsonNode)r).ToArray()) };
        if (Identifier(org) is { } identifier)
        {
            party["identifier"] = new JsonObject { ["scheme"] = identifier.Scheme, ["id"] = identifier.Id, ["legalName"] = org.Name };
        }
        if (!string.IsNullOrWhiteSpace(org.Town) || !string.IsNullOrWhiteSpace(org.Postcode))
        {
            party["address"] = new JsonObject { ["streetAddress"] = org.AddressLine1, ["locality"] = org.Town, ["postalCode"] = org.Postcode, ["countryName"] = "United Kingdom" };
        }
        return party;
    }

    /// <summary>Companies House (GB-COH) before the Charity Commission (GB-CHC), as org-id.guide lists them.</summary>
    private static (string Scheme, string Id)? Identifier(Organisation org) =>
        !string.IsNullOrWhiteSpace(org.CompaniesHouseNumber) ? ("GB-COH", org.CompaniesHouseNumber.Trim())
        : !string.IsNullOrWhiteSpace(org.CharityNumber) ? ("GB-CHC", org.CharityNumber.Trim())
        : null;

    private static string PartyId(Organisation org) => Identifier(org) is { } id ? $"{id.Scheme}-{id.Id}" : $"org-{org.Id}";

    private static string LotId(Guid id) => $"lot-{id}";

    private static string AwardId(Guid lotId) => $"award-{lotId}";

    private static string TenderStatus(Procurement p, bool planning) => planning ? "planning" : p.State switch
    {
        ProcurementState.Cancelled => "cancelled",
        ProcurementState.TenderOpen => "active",
        ProcurementState.Awarded or ProcurementState.Live or ProcurementState.Expired => "complete",
        _ => "active",
    };

    private static JsonObject Money(decimal amount) => new() { ["amount"] = amount, ["currency"] = Currency };

    private static string Date(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    private static string Slug(string name) => string.Concat(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-');
}
