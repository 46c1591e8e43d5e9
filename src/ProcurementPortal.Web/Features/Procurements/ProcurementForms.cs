using System.Globalization;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Procurements;

/// <summary>
/// The procurement's form as typed (money with commas, dates in three boxes and a time in UK time). It only reads
/// what was typed into a <see cref="ProcurementFields"/>; the rules are the use case's.
/// Blank fields on the change page leave the value as it is (the use case updates like PATCH).
/// </summary>
public sealed class ProcurementForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? CpvCode { get; set; }
    public string? ProcedureType { get; set; }
    public string? EstimatedValue { get; set; }
    public string? AnnualBudget { get; set; }
    public string? CurrentAnnualSpend { get; set; }
    public string? ContractTermMonths { get; set; }
    public string? ExtensionOptions { get; set; }
    public string? CeilingBreachRule { get; set; }
    public UkDateTimeInput ClarificationDeadline { get; set; } = new();
    public UkDateTimeInput SubmissionDeadline { get; set; } = new();
    public List<PartnerRow> PooledPartners { get; set; } = [];

    public static readonly IReadOnlyList<Choice> ProcedureTypes =
    [
        new(nameof(Core.Domain.Procurements.ProcedureType.OpenFramework), "Open framework", "Reopened to new providers during its term (Procurement Act 2023 s.49)"),
        new(nameof(Core.Domain.Procurements.ProcedureType.CompetitiveFlexible), "Competitive flexible procedure"),
        new(nameof(Core.Domain.Procurements.ProcedureType.DynamicMarket), "Dynamic market", "Providers join at any time by meeting the conditions of membership"),
    ];

    public static readonly IReadOnlyList<Choice> CeilingBreachRules =
    [
        new(nameof(Core.Domain.Procurements.CeilingBreachRule.Refuse), "Refuse the rate", "A rate above its band's ceiling cannot be submitted"),
        new(nameof(Core.Domain.Procurements.CeilingBreachRule.Flag), "Accept the rate and flag it", "Evaluators see that the rate is above the ceiling"),
    ];

    public static ProcurementForm New() => new()
    {
        ProcedureType = nameof(Core.Domain.Procurements.ProcedureType.OpenFramework),
        CeilingBreachRule = nameof(Core.Domain.Procurements.CeilingBreachRule.Refuse),
        PooledPartners = PartnerRow.Pad([]),
    };

    public static ProcurementForm From(Procurement p) => new()
    {
        Title = p.Title,
        Description = p.Description,
        CpvCode = p.CpvCode,
        ProcedureType = p.ProcedureType.ToString(),
        EstimatedValue = Money.ForInput(p.EstimatedValue),
        AnnualBudget = Money.ForInput(p.AnnualBudget),
        CurrentAnnualSpend = Money.ForInput(p.CurrentAnnualSpend),
        ContractTermMonths = p.ContractTermMonths?.ToString(CultureInfo.InvariantCulture),
        ExtensionOptions = p.ExtensionOptions,
        CeilingBreachRule = p.CeilingBreachRule.ToString(),
        ClarificationDeadline = UkDateTimeInput.From(p.ClarificationDeadline),
        SubmissionDeadline = UkDateTimeInput.From(p.SubmissionDeadline),
        PooledPartners = PartnerRow.Pad(p.PooledPartners.Select(x => new PartnerRow { Name = x.Name, Share = x.SharePercent.ToString("0.##", CultureInfo.InvariantCulture) })),
    };

    /// <summary>The command, and in <paramref name="errors"/> what could not be read (a word where a number goes).</summary>
    public ProcurementFields ToFields(Errors errors)
    {
        var partners = PooledPartners.Where(r => !r.IsBlank).ToList();
        var shares = partners.Select(r => FormValues.Number(errors, nameof(PooledPartners), r.Share, "each partner's share as a percentage, like 57.6")).ToList();
        PooledPartners = PartnerRow.Pad(PooledPartners.Where(r => !r.IsBlank));
        return new ProcurementFields
        {
            Title = Title ?? "",
            Description = Description?.Trim() ?? "",
            CpvCode = FieldRules.Clean(CpvCode),
            ProcedureType = ProcedureType,
            EstimatedValue = FormValues.Money(errors, nameof(EstimatedValue), EstimatedValue, "estimated value"),
            AnnualBudget = FormValues.Money(errors, nameof(AnnualBudget), AnnualBudget, "annual budget"),
            CurrentAnnualSpend = FormValues.Money(errors, nameof(CurrentAnnualSpend), CurrentAnnualSpend, "current annual spend"),
            ContractTermMonths = FormValues.Whole(errors, nameof(ContractTermMonths), ContractTermMonths, "contract term in months"),
            ExtensionOptions = ExtensionOptions?.Trim() ?? "",
            CeilingBreachRule = CeilingBreachRule,
            ClarificationDeadline = ClarificationDeadline.Read(errors, nameof(ClarificationDeadline), "clarification deadline"),
            SubmissionDeadline = SubmissionDeadline.Read(errors, nameof(SubmissionDeadline), "submission deadline"),
            PooledPartners = partners.Select((r, i) => new PooledPartnerDto(r.Name?.Trim() ?? "", shares[i] ?? 0m)).ToList(),
        };
    }
}

/// <summary>One pooled-budget partner row of the form: a name and a share in percent.</summary>
public sealed class PartnerRow
{
    public const int Rows = 3;

    public string? Name { get; set; }
    public string? Share { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Share);

    /// <summary>The rows given, then blank ones up to <see cref="Rows"/>.</summary>
    public static List<PartnerRow> Pad(IEnumerable<PartnerRow> rows)
    {
        var list = rows.ToList();
        while (list.Count < Rows)
        {
            list.Add(new PartnerRow());
        }
        return list;
    }
}

public sealed class LotForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Area { get; set; }
    public string? MaxProviders { get; set; }
    public string? AnnualBudget { get; set; }

    public static LotForm From(Lot lot) => new()
    {
        Name = lot.Name,
        Description = lot.Description,
        Area = lot.Area,
        MaxProviders = lot.MaxProviders?.ToString(CultureInfo.InvariantCulture),
        AnnualBudget = Money.ForInput(lot.AnnualBudget),
    };

    public LotFields ToFields(Errors errors) => new()
    {
        Name = Name,
        Description = Description,
        Area = FieldRules.Clean(Area),
        MaxProviders = FormValues.Whole(errors, nameof(MaxProviders), MaxProviders, "maximum number of providers"),
        AnnualBudget = FormValues.Money(errors, nameof(AnnualBudget), AnnualBudget, "lot budget"),
    };
}

public sealed class BandForm
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? NeedDescription { get; set; }
    public string? Unit { get; set; } = nameof(FeeUnit.Hour);
    public string? CeilingRate { get; set; }
    public string? ExpectedAnnualVolume { get; set; }

    public static readonly IReadOnlyList<Choice> Units =
        Enum.GetValues<FeeUnit>().Select(u => new Choice(u.ToString(), u.ToString())).ToList();

    public static BandForm From(FeeBand band) => new()
    {
        Code = band.Code,
        Name = band.Name,
        NeedDescription = band.NeedDescription,
        Unit = band.Unit.ToString(),
        CeilingRate = Money.ForInput(band.CeilingRate),
        ExpectedAnnualVolume = band.ExpectedAnnualVolume.ToString("0.##", CultureInfo.InvariantCulture),
    };

    public BandFields ToFields(Errors errors) => new()
    {
        Code = Code,
        Name = Name,
        NeedDescription = NeedDescription,
        Unit = Unit,
        CeilingRate = FormValues.Money(errors, nameof(CeilingRate), CeilingRate, "ceiling rate"),
        ExpectedAnnualVolume = FormValues.Number(errors, nameof(ExpectedAnnualVolume), ExpectedAnnualVolume, "expected annual volume as a number, like 5200"),
    };
}

/// <summary>What a form page shows around its fields: where it sits, what it posts to, what its button says.</summary>
public sealed record FormPage(string Caption, string Heading, string Action, string Back, string Submit);

/// <summary>Reading numbers typed into forms; a value that is not one adds an error for its field.</summary>
public static class FormValues
{
    public static decimal? Money(Errors errors, string field, string? text, string what)
    {
        if (Infrastructure.Money.TryParse(text, out var amount))
        {
            return amount;
        }
        errors.Add(field, $"Enter the {what} as an amount of money, like 1,250,000.00");
        return null;
    }

    public static int? Whole(Errors errors, string field, string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (int.TryParse(text.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        errors.Add(field, $"Enter the {what} as a whole number");
        return null;
    }

    public static decimal? Number(Errors errors, string field, string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (decimal.TryParse(text.Trim().TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        errors.Add(field, $"Enter {what}");
        return null;
    }

    /// <summary>A use case's errors for one part of a bigger command (e.g. "Sections[1].Title"), keyed as the form's fields ("Title").</summary>
    public static Errors Rekey(Errors errors, string prefix)
    {
        var rekeyed = new Errors();
        foreach (var (field, messages) in errors.ToDictionary())
        {
            foreach (var message in messages)
            {
                rekeyed.Add(prefix.Length > 0 && field.StartsWith(prefix, StringComparison.Ordinal) ? field[prefix.Length..] : field, message);
            }
        }
        return rekeyed;
    }
}
