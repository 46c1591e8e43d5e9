using Microsoft.AspNetCore.Identity;

namespace ProcurementPortal.Core.Domain;

/// <summary>One global account per person; roles come from memberships, not from Identity roles.</summary>
public class PortalUser : IdentityUser<Guid>
{
    public PortalUser() => Id = Guid.CreateVersion7();

    public string DisplayName { get; set; } = "";

    /// <summary>Operator of the installation, bootstrapped from configuration.</summary>
    public bool IsPlatformAdmin { get; set; }

    /// <summary>The last TOTP time step accepted, so that a code cannot be used twice.</summary>
    public long? LastTotpTimeStep { get; set; }

    /// <summary>False when the person turned reminder emails off (they still see the reminders in the portal).</summary>
    public bool ReminderEmails { get; set; } = true;
}
