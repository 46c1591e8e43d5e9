using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Email;

namespace ProcurementPortal.Core.Identity;

/// <summary>
/// Identity's account emails (confirmation, password reset) go through the outbox like every other email.
/// Identity resolves its sender once from the root provider, so each message is queued in a scope of its own:
/// account emails belong to no tenant and follow an Identity change that has already been saved.
/// </summary>
public sealed class OutboxIdentityEmailSender(IServiceScopeFactory scopes) : IEmailSender<PortalUser>
{
    public Task SendConfirmationLinkAsync(PortalUser user, string email, string confirmationLink) =>
        QueueAsync(email, "confirm-email", new { Name = NameOf(user), Link = confirmationLink });

    public Task SendPasswordResetLinkAsync(PortalUser user, string email, string resetLink) =>
        QueueAsync(email, "reset-password", new { Name = NameOf(user), Link = resetLink });

    public Task SendPasswordResetCodeAsync(PortalUser user, string email, string resetCode) =>
        QueueAsync(email, "reset-code", new { Name = NameOf(user), Code = resetCode });

    private static string NameOf(PortalUser user) => string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName;

    private async Task QueueAsync(string to, string template, object model)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<EmailOutbox>().Enqueue(to, template, model);
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();
    }
}
