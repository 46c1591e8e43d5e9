using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Users;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Tenants;

public sealed partial record CreateTenantCommand(
    string? Name, string? Slug, string? AddressLine1, string? AddressLine2, string? Town, string? Postcode,
    string? ContactEmail, string? AdminEmail) : IAddressFields
{
    /// <summary>First segments of the portal's own routes: a tenant named so would shadow them.</summary>
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string>(StringComparer.Ordinal)
    {
        "admin", "account", "api", "providers", "hangfire", "scalar", "openapi", "error", "switch", "accessibility",
        "invitations", "notices", "help", "assets", "govuk", "favicon.ico", "portal.css", "portal.js",
    };

    public Errors Validate()
    {
        var errors = new Errors()
            .RequireText(Name, nameof(Name), "the name of the organisation")
            .RequireAddress(this)
            .RequireEmail(ContactEmail, nameof(ContactEmail), "contact email address")
            .RequireEmail(AdminEmail, nameof(AdminEmail), "email address of the first tenant admin");
        var slug = Slug?.Trim() ?? "";
        if (slug.Length == 0)
        {
            errors.Add(nameof(Slug), "Enter the web address name");
        }
        else if (slug.Length is < 2 or > 60 || !SlugPattern().IsMatch(slug))
        {
            errors.Add(nameof(Slug), "The web address name must be 2 to 60 lowercase letters, digits or hyphens, starting and ending with a letter or digit");
        }
        else if (ReservedSlugs.Contains(slug))
        {
            errors.Add(nameof(Slug), $"'{slug}' is used by the portal itself; choose another web address name");
        }
        return errors;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}

public sealed record CreatedTenant(Guid Id, string Slug, Guid AdminInvitationId);

/// <summary>
/// A platform admin creates a tenant and invites its first tenant admin. The tenant's creation is a platform event;
/// the invitation belongs to the new tenant. Both happen in one transaction, which switches <c>app.tenant_id</c>
/// to the new tenant half-way (row-level security checks each row against the setting of its own statement).
/// </summary>
public sealed class CreateTenant(PortalDbContext db, TenantContext tenant, AuditLog audit, InvitationSender invitations)
{
    public async Task<Outcome<CreatedTenant>> HandleAsync(CreateTenantCommand command, CancellationToken ct)
    {
        var errors = command.Validate();
        var slug = command.Slug?.Trim() ?? "";
        if (!errors.ToDictionary().ContainsKey(nameof(command.Slug)) && await db.Organisations.AnyAsync(o => o.Slug == slug, ct))
        {
            errors.Add(nameof(command.Slug), "Another tenant already uses this web address name");
        }
        if (!errors.IsEmpty)
        {
            return errors;
        }

        var organisation = new Organisation
        {
            Kind = OrganisationKind.CommissioningBody,
            Name = command.Name!.Trim(),
            Slug = slug,
            ContactEmail = FieldRules.Clean(command.ContactEmail),
        };
        organisation.SetAddress(command);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Organisations.Add(organisation);
        audit.Record("tenant.created", nameof(Organisation), organisation.Id, $"Created tenant {organisation.Name} (/{slug})");
        await db.SaveChangesAsync(ct);

        tenant.Set(organisation);
        await db.Database.ExecuteSqlAsync($"select set_config('app.tenant_id', {organisation.Id.ToString()}, true)", ct);
        var invitation = invitations.Send(command.AdminEmail!.Trim(), Role.TenantAdmin);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<CreatedTenant>.Ok(new CreatedTenant(organisation.Id, slug, invitation.Id));
    }
}
