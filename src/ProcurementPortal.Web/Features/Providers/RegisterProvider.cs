using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Providers;

public sealed partial record RegisterProviderCommand(
    string? Name, string? CompaniesHouseNumber, string? CharityNumber, string? CqcLocationId,
    string? AddressLine1, string? AddressLine2, string? Town, string? Postcode,
    string? ContactName, string? ContactEmail, string? ContactPhone) : IAddressFields, IContactFields
{
    public static readonly RegisterProviderCommand Empty = new(null, null, null, null, null, null, null, null, null, null, null);

    public string? CompanyNumber => Normalise(CompaniesHouseNumber);
    public string? Charity => Normalise(CharityNumber);
    public string? CqcLocation => Normalise(CqcLocationId);

    public Errors Validate()
    {
        var errors = new Errors().RequireText(Name, nameof(Name), "the name of the organisation");
        if (CompanyNumber is null && Charity is null)
        {
            errors.Add(nameof(CompaniesHouseNumber), "Enter a Companies House number or a registered charity number");
        }
        errors
            .Require(CompanyNumber is null || CompanyNumberPattern().IsMatch(CompanyNumber), nameof(CompaniesHouseNumber),
                "Enter a Companies House number of 8 characters, like 01234567 or SC123456")
            .Require(Charity is null || CharityNumberPattern().IsMatch(Charity), nameof(CharityNumber),
                "Enter a registered charity number, like 1234567, SC012345 or NIC100001")
            .Require(CqcLocation is null || CqcLocationPattern().IsMatch(CqcLocation), nameof(CqcLocationId),
                "Enter a CQC location ID, like 1-123456789")
            .RequireAddress(this)
            .RequireContact(this);
        return errors;
    }

    private static string? Normalise(string? value) => FieldRules.Clean(value)?.Replace(" ", "").ToUpperInvariant();

    /// <summary>Companies House: 8 digits (England and Wales) or a 2-letter prefix and 6 digits (SC, NI, OC ...).</summary>
    [GeneratedRegex("^([0-9]{8}|[A-Z]{2}[0-9]{6})$")]
    private static partial Regex CompanyNumberPattern();

    /// <summary>Charity registers: England and Wales (6-7 digits, optional -N subsidiary), Scotland (SC), Northern Ireland (NIC).</summary>
    [GeneratedRegex("^([0-9]{6,7}(-[0-9]{1,2})?|SC[0-9]{6}|NIC[0-9]{6})$")]
    private static partial Regex CharityNumberPattern();

    /// <summary>CQC location IDs: "1-" and 9 or 10 digits.</summary>
    [GeneratedRegex("^1-[0-9]{9,10}$")]
    private static partial Regex CqcLocationPattern();
}

/// <summary>
/// A signed-in person registers the care provider they work for, once; they become its provider admin and can
/// then bid to any tenant. Providers are not tenants, so the event goes in the platform audit chain.
/// </summary>
public sealed class RegisterProvider(PortalDbContext db, AuditLog audit, IActor actor, ProviderAccess access)
{
    public async Task<Outcome<ProviderView>> HandleAsync(RegisterProviderCommand command, CancellationToken ct)
    {
        var errors = command.Validate();
        if (errors.IsEmpty && command.CompanyNumber is { } number
            && await db.Organisations.AnyAsync(o => o.Kind == OrganisationKind.Provider && o.CompaniesHouseNumber == number, ct))
        {
            errors.Add(nameof(command.CompaniesHouseNumber),
                "An organisation with this Companies House number is already registered; ask its provider admin to add you");
        }
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var userId = actor.UserId ?? throw new InvalidOperationException("Registering a provider needs a signed-in user.");
        var provider = new Organisation
        {
            Kind = OrganisationKind.Provider,
            Name = command.Name!.Trim(),
            CompaniesHouseNumber = command.CompanyNumber,
            CharityNumber = command.Charity,
            CqcLocationId = command.CqcLocation,
        };
        provider.SetAddress(command);
        provider.SetContact(command);
        db.Organisations.Add(provider);
        db.Memberships.Add(new Membership { UserId = userId, OrganisationId = provider.Id, Role = Role.ProviderAdmin });
        audit.Record("provider.registered", nameof(Organisation), provider.Id, $"Registered provider {provider.Name}");
        await db.SaveChangesAsync(ct);
        return Outcome<ProviderView>.Ok((await access.FindAsync(provider.Id, ct))!);
    }
}
