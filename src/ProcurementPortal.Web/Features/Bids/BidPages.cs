using Microsoft.AspNetCore.Mvc.ViewFeatures;
using ProcurementPortal.Core.Domain.Bids;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Bids;

/// <summary>What every bid page needs: where it is, the provider acting (kept in links), and the bid.</summary>
public sealed record BidPage(string Slug, Guid ProcurementId, Guid? ProviderId, BidView Bid)
{
    public string Here => $"/{Slug}/opportunities/{ProcurementId}/bid";
    public string Query => ProviderId is { } id ? $"?providerId={id}" : "";
    public string Url(string path = "") => $"{Here}{path}{Query}";
}

/// <summary>The prices page's form: rates as typed ("£12.50", "1,234.50"), read as money before the draft is saved.</summary>
public sealed record PricesForm
{
    public uint? RowVersion { get; init; }
    public Dictionary<Guid, string?> Rates { get; init; } = [];

    public (SaveBidDraftCommand Command, Errors Errors) ToCommand()
    {
        var errors = new Errors();
        var rates = new Dictionary<Guid, decimal?>();
        foreach (var (bandId, text) in Rates)
        {
            if (Money.TryParse(text, out var rate))
            {
                rates[bandId] = rate;
            }
            else
            {
                errors.Add($"{nameof(Rates)}[{bandId}]", "Enter the rate in pounds and pence, like 17.50");
            }
        }
        return (new SaveBidDraftCommand { RowVersion = RowVersion, Rates = rates }, errors);
    }
}

public sealed record DeclarationsFields
{
    public string? CqcRegistrationNumber { get; init; }
    public string? EmployersLiabilityCover { get; init; }
    public string? PublicLiabilityCover { get; init; }
    public string? ConflictsOfInterest { get; init; }
}

/// <summary>The declarations page's form: insurance cover typed as money.</summary>
public sealed record DeclarationsForm
{
    public uint? RowVersion { get; init; }
    public DeclarationsFields Declarations { get; init; } = new();

    public (SaveBidDraftCommand Command, Errors Errors) ToCommand()
    {
        var errors = new Errors();
        var d = Declarations;
        decimal? Cover(string? text, string field)
        {
            if (Money.TryParse(text, out var amount))
            {
                return amount;
            }
            errors.Add($"{nameof(Declarations)}.{field}", "Enter the cover in pounds, like 10,000,000");
            return null;
        }
        var command = new SaveBidDraftCommand
        {
            RowVersion = RowVersion,
            Declarations = new BidDeclarations
            {
                CqcRegistrationNumber = d.CqcRegistrationNumber,
                EmployersLiabilityCover = Cover(d.EmployersLiabilityCover, nameof(d.EmployersLiabilityCover)),
                PublicLiabilityCover = Cover(d.PublicLiabilityCover, nameof(d.PublicLiabilityCover)),
                ConflictsOfInterest = d.ConflictsOfInterest,
            },
        };
        return (command, errors);
    }
}

public static class BidFormValues
{
    /// <summary>What the person typed, if this is the form coming back with an error or a conflict; else what is saved.</summary>
    public static string Value(ViewDataDictionary viewData, string key, string? saved) =>
        viewData.ModelState.TryGetValue(key, out var entry) && entry.AttemptedValue is not null ? entry.AttemptedValue : saved ?? "";

    public static string? Error(ViewDataDictionary viewData, string key) =>
        viewData.ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
