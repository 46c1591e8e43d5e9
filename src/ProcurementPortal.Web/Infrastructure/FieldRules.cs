using System.Net.Mail;
using System.Text.RegularExpressions;
using ProcurementPortal.Core.Domain;

namespace ProcurementPortal.Web.Infrastructure;

/// <summary>Checks several forms share, each phrased once so that the same field reads the same everywhere.</summary>
public static partial class FieldRules
{
    public static bool IsEmail(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= 256
        && MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim() && value.Contains('.', StringComparison.Ordinal);

    /// <summary>Requires an email address in the field, with GOV.UK's wording.</summary>
    public static Errors RequireEmail(this Errors errors, string? value, string field, string what = "email address") =>
        string.IsNullOrWhiteSpace(value)
            ? errors.Add(field, $"Enter the {what}")
            : errors.Require(IsEmail(value), field, $"Enter the {what} in the correct format, like name@example.com");

    /// <summary>Requires text of at most <paramref name="max"/> characters.</summary>
    public static Errors RequireText(this Errors errors, string? value, string field, string what, int max = 200) =>
        string.IsNullOrWhiteSpace(value)
            ? errors.Add(field, $"Enter {what}")
            : errors.Require(value.Trim().Length <= max, field, $"{char.ToUpperInvariant(what[0])}{what[1..]} must be {max} characters or fewer");

    /// <summary>Optional text of at most <paramref name="max"/> characters.</summary>
    public static Errors LimitText(this Errors errors, string? value, string field, string what, int max = 200) =>
        errors.Require(value is null || value.Trim().Length <= max, field, $"{char.ToUpperInvariant(what[0])}{what[1..]} must be {max} characters or fewer");

    /// <summary>Requires a UK postcode (the shape only: outward code, optional space, inward code).</summary>
    public static Errors RequirePostcode(this Errors errors, string? value, string field) =>
        string.IsNullOrWhiteSpace(value)
            ? errors.Add(field, "Enter the postcode")
            : errors.Require(Postcode().IsMatch(value.Trim()), field, "Enter a real postcode, like PR1 8XJ");

    /// <summary>A postal address as the address forms collect it (field names shared by every such form).</summary>
    public static Errors RequireAddress(this Errors errors, IAddressFields address) => errors
        .RequireText(address.AddressLine1, nameof(address.AddressLine1), "the first line of the address")
        .LimitText(address.AddressLine2, nameof(address.AddressLine2), "the second line of the address")
        .RequireText(address.Town, nameof(address.Town), "the town or city", 100)
        .RequirePostcode(address.Postcode, nameof(address.Postcode));

    /// <summary>Copies a validated address onto an organisation, tidied.</summary>
    public static void SetAddress(this Organisation organisation, IAddressFields address)
    {
        organisation.AddressLine1 = Clean(address.AddressLine1);
        organisation.AddressLine2 = Clean(address.AddressLine2);
        organisation.Town = Clean(address.Town);
        organisation.Postcode = Clean(address.Postcode)?.ToUpperInvariant();
    }

    /// <summary>A contact person as the contact forms collect it.</summary>
    public static Errors RequireContact(this Errors errors, IContactFields contact) => errors
        .RequireText(contact.ContactName, nameof(contact.ContactName), "the contact's name")
        .RequireEmail(contact.ContactEmail, nameof(contact.ContactEmail), "contact email address")
        .Require(!string.IsNullOrWhiteSpace(contact.ContactPhone), nameof(contact.ContactPhone), "Enter the contact telephone number")
        .Require(string.IsNullOrWhiteSpace(contact.ContactPhone) || Phone().IsMatch(contact.ContactPhone.Trim()),
            nameof(contact.ContactPhone), "Enter a telephone number, like 01632 960 001 or +44 808 157 0192");

    public static void SetContact(this Organisation organisation, IContactFields contact)
    {
        organisation.ContactName = Clean(contact.ContactName);
        organisation.ContactEmail = Clean(contact.ContactEmail);
        organisation.ContactPhone = Clean(contact.ContactPhone);
    }

    /// <summary>Trims a form value and turns blank into null.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$")]
    private static partial Regex Postcode();

    [GeneratedRegex(@"^\+?[0-9][0-9 ()-]{8,18}[0-9]$")]
    private static partial Regex Phone();
}

/// <summary>The address fields of a form; <see cref="FieldRules.RequireAddress"/> and the _AddressFields partial use them.</summary>
public interface IAddressFields
{
    string? AddressLine1 { get; }
    string? AddressLine2 { get; }
    string? Town { get; }
    string? Postcode { get; }
}

/// <summary>The contact fields of a form; <see cref="FieldRules.RequireContact"/> and the _ContactFields partial use them.</summary>
public interface IContactFields
{
    string? ContactName { get; }
    string? ContactEmail { get; }
    string? ContactPhone { get; }
}
