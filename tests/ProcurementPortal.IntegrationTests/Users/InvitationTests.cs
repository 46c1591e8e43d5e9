using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Users;

[Collection(PortalCollection.Name)]
public sealed partial class InvitationTests(PortalFixture fixture)
{
    [Fact]
    public async Task Invited_user_who_accepts_gets_the_role_and_sees_it_on_the_dashboard()
    {
        var (tenant, admin) = await fixture.CreateTenantWithAdminAsync("Northamptonshire County Council");
        var api = await fixture.BearerClientAsync(admin.Email!);
        var email = $"evaluator-{Guid.NewGuid():N}@northants.test";

        var invited = await api.PostAsJsonAsync($"/api/v1/t/{tenant.Slug}/invitations", new { email, role = "Evaluator" });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var invitationId = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        await fixture.DeliverMailAsync();
        var mail = Assert.Single(await fixture.Mail.WaitForAsync(email));
        var link = InvitationLink().Match(mail.TextBody ?? "");
        Assert.True(link.Success, mail.TextBody);
        var path = new Uri(link.Value).AbsolutePath;

        var user = await fixture.CreateUserWithEmailAsync(email);
        var browser = await fixture.PageClientAsync(email);
        var page = await browser.GetStringAsync(path);
        Assert.Contains("Northamptonshire County Council", page);
        Assert.Contains("Accept invitation", page);
        var accepted = await browser.PostFormAsync(path, []);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal($"/{tenant.Slug}", accepted.Headers.Location?.OriginalString);
        await using (var db = fixture.SuperuserDb(tenant.Id))
        {
            Assert.True(await db.Memberships.AnyAsync(m => m.UserId == user.Id && m.OrganisationId == tenant.Id && m.Role == Role.Evaluator));
            var invitation = await db.Invitations.SingleAsync(i => i.Id == invitationId);
            Assert.Equal(user.Id, invitation.AcceptedByUserId);
        }
        var dashboard = await browser.GetStringAsync($"/{tenant.Slug}");
        Assert.Contains("Evaluator", dashboard);
        Assert.Contains("You have joined Northamptonshire County Council as Evaluator", dashboard);
        var chain = await fixture.AuditChainAsync(tenant.Id);
        Assert.Equal(["invitation.created", "invitation.accepted"], chain.Select(e => e.Action));
        Assert.Equal(user.Id, chain[1].ActorUserId);
        Assert.DoesNotContain(await fixture.AuditChainAsync(null), e => e.Action.StartsWith("invitation.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tenant_admin_invites_on_the_page_and_sees_the_open_invitation_and_its_count_on_the_dashboard()
    {
        var (tenant, admin) = await fixture.CreateTenantWithAdminAsync();
        var browser = await fixture.PageClientAsync(admin.Email!);
        var email = $"officer-{Guid.NewGuid():N}@tenant.test";

        var response = await browser.PostFormAsync($"/{tenant.Slug}/admin/users/invite", new() { ["Email"] = email, ["Role"] = "ProcurementOfficer" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var users = await browser.GetStringAsync($"/{tenant.Slug}/admin/users");
        Assert.Contains($"Invitation sent to {email}", users);
        Assert.Contains("Procurement officer", users);
        Assert.Contains("1 invitation is waiting to be accepted.", await browser.GetStringAsync($"/{tenant.Slug}"));
    }

    [Fact]
    public async Task An_invitation_without_a_valid_email_or_role_is_refused_with_field_errors()
    {
        var (tenant, admin) = await fixture.CreateTenantWithAdminAsync();
        var api = await fixture.BearerClientAsync(admin.Email!);
        var browser = await fixture.PageClientAsync(admin.Email!);

        var errors = await (await api.PostAsJsonAsync($"/api/v1/t/{tenant.Slug}/invitations", new { email = "not an email", role = "BidWriter" })).FieldErrorsAsync();
        Assert.Equal(["Email", "Role"], errors.Keys.Order());
        var page = await browser.PostFormAsync($"/{tenant.Slug}/admin/users/invite", new() { ["Email"] = "" });
        await page.AssertErrorSummaryAsync("Email", "Role");
        await using var db = fixture.SuperuserDb(tenant.Id);
        Assert.Equal(0, await db.Invitations.CountAsync());
    }

    [Fact]
    public async Task Someone_who_is_not_signed_in_is_offered_sign_in_or_registration_that_return_to_the_invitation()
    {
        var tenant = await fixture.CreateTenantAsync("Leeds City Council");
        var (_, token) = await fixture.CreateInvitationAsync(tenant.Id, "newcomer@leeds.test");

        var response = await fixture.CreateClient().GetAsync($"/invitations/{token}");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Join Leeds City Council", html);
        Assert.Contains($"/account/sign-in?ReturnUrl=%2Finvitations%2F{token}", html);
        Assert.Contains($"/account/register?ReturnUrl=%2Finvitations%2F{token}", html);
    }

    [Fact]
    public async Task Expired_withdrawn_used_and_unknown_links_each_get_a_clear_page_and_grant_nothing()
    {
        var tenant = await fixture.CreateTenantAsync();
        var email = $"late-{Guid.NewGuid():N}@tenant.test";
        var user = await fixture.CreateUserWithEmailAsync(email);
        var browser = await fixture.PageClientAsync(email);
        var (_, expired) = await fixture.CreateInvitationAsync(tenant.Id, email, change: i => i.ExpiresAt = DateTime.UtcNow.AddMinutes(-1));
        var (_, revoked) = await fixture.CreateInvitationAsync(tenant.Id, email, change: i => i.RevokedAt = DateTime.UtcNow);
        var (_, used) = await fixture.CreateInvitationAsync(tenant.Id, email, change: i => i.AcceptedAt = DateTime.UtcNow);

        foreach (var (token, status, heading) in new[]
                 {
                     (expired, HttpStatusCode.Gone, "This invitation has expired"),
                     (revoked, HttpStatusCode.Gone, "This invitation has been withdrawn"),
                     (used, HttpStatusCode.Gone, "This invitation has already been used"),
                     (new string('0', 64), HttpStatusCode.NotFound, "This invitation link is not valid"),
                 })
        {
            var shown = await browser.GetAsync($"/invitations/{token}");
            Assert.Equal(status, shown.StatusCode);
            Assert.Contains(heading, await shown.Content.ReadAsStringAsync());
            var posted = await browser.PostWithPageTokenAsync($"/invitations/{token}", [], tokenPage: "/");
            Assert.Equal(status, posted.StatusCode);
        }
        await using var db = fixture.SuperuserDb();
        Assert.False(await db.Memberships.AnyAsync(m => m.UserId == user.Id));
    }

    [Fact]
    public async Task An_invitation_cannot_be_accepted_by_someone_signed_in_with_another_email_address()
    {
        var tenant = await fixture.CreateTenantAsync();
        var (invitation, token) = await fixture.CreateInvitationAsync(tenant.Id, $"intended-{Guid.NewGuid():N}@tenant.test");
        var other = await fixture.CreateUserAsync();
        var api = await fixture.BearerClientAsync(other.Email!);

        var errors = await (await api.PostAsync($"/api/v1/invitations/{token}/accept", null)).FieldErrorsAsync();

        Assert.Contains(invitation.Email, Assert.Single(errors).Value[0]);
        await using var db = fixture.SuperuserDb();
        Assert.False(await db.Memberships.AnyAsync(m => m.UserId == other.Id));
    }

    [Fact]
    public async Task Tenant_admin_withdraws_an_invitation_and_its_link_stops_working()
    {
        var (tenant, admin) = await fixture.CreateTenantWithAdminAsync();
        var browser = await fixture.PageClientAsync(admin.Email!);
        var api = await fixture.BearerClientAsync(admin.Email!);
        var (onPage, onPageToken) = await fixture.CreateInvitationAsync(tenant.Id, $"a-{Guid.NewGuid():N}@tenant.test");
        var (byApi, _) = await fixture.CreateInvitationAsync(tenant.Id, $"b-{Guid.NewGuid():N}@tenant.test");

        var detail = $"/{tenant.Slug}/admin/invitations/{onPage.Id}";
        Assert.Contains(onPage.Email, await browser.GetStringAsync(detail));
        var revoked = await browser.PostFormAsync($"{detail}/revoke", [], formPage: detail);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/t/{tenant.Slug}/invitations/{byApi.Id}")).StatusCode);

        var status = await api.GetFromJsonAsync<JsonElement>($"/api/v1/t/{tenant.Slug}/invitations/{byApi.Id}");
        Assert.Equal("Revoked", status.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Gone, (await fixture.CreateClient().GetAsync($"/invitations/{onPageToken}")).StatusCode);
        Assert.Equal(2, (await fixture.AuditChainAsync(tenant.Id)).Count(e => e.Action == "invitation.revoked"));
    }

    [GeneratedRegex("http://localhost/invitations/[0-9a-f]{64}")]
    private static partial Regex InvitationLink();
}
