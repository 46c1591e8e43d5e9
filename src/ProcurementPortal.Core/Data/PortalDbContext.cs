using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Bids;
using ProcurementPortal.Core.Domain.MarketIntent;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Core.Data;

public class PortalDbContext(DbContextOptions<PortalDbContext> options, ITenantContext tenant, IProviderContext? provider = null)
    : IdentityDbContext<PortalUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>The name of the query filter every tenant-owned entity carries (first tenancy lock).</summary>
    public const string TenantFilter = "Tenant";

    /// <summary>The name of the query filter every provider-owned entity carries (first provider lock).</summary>
    public const string ProviderFilter = "Provider";

    public Guid? CurrentTenantId => tenant.TenantId;

    /// <summary>The provider the unit of work acts for; null for officers and jobs.</summary>
    public Guid? CurrentProviderId => provider?.ProviderId;

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Procurement> Procurements => Set<Procurement>();
    public DbSet<Lot> Lots => Set<Lot>();
    public DbSet<FeeBand> FeeBands => Set<FeeBand>();
    public DbSet<EvaluationSection> EvaluationSections => Set<EvaluationSection>();
    public DbSet<EvaluationQuestion> EvaluationQuestions => Set<EvaluationQuestion>();
    public DbSet<ProcurementInterest> ProcurementInterests => Set<ProcurementInterest>();
    public DbSet<Clarification> Clarifications => Set<Clarification>();
    public DbSet<TenderDocument> TenderDocuments => Set<TenderDocument>();
    public DbSet<TenderDocumentVersion> TenderDocumentVersions => Set<TenderDocumentVersion>();
    public DbSet<Addendum> Addenda => Set<Addendum>();
    public DbSet<SubmissionReminder> SubmissionReminders => Set<SubmissionReminder>();
    public DbSet<MarketIntentStatement> MarketIntentStatements => Set<MarketIntentStatement>();
    public DbSet<EngagementEvent> EngagementEvents => Set<EngagementEvent>();
    public DbSet<EventRegistration> EventRegistrations => Set<EventRegistration>();
    public DbSet<ExpressionOfInterest> ExpressionsOfInterest => Set<ExpressionOfInterest>();
    public DbSet<Bid> Bids => Set<Bid>();
    public DbSet<BidVersion> BidVersions => Set<BidVersion>();
    public DbSet<BidReceiptCounter> BidReceiptCounters => Set<BidReceiptCounter>();
    public DbSet<Domain.DecisionReports.DecisionReport> DecisionReports => Set<Domain.DecisionReports.DecisionReport>();
    public DbSet<Domain.DecisionReports.DecisionReportTemplate> DecisionReportTemplates => Set<Domain.DecisionReports.DecisionReportTemplate>();
    public DbSet<Domain.Evaluation.BidOpening> BidOpenings => Set<Domain.Evaluation.BidOpening>();
    public DbSet<Domain.Evaluation.PanelMember> PanelMembers => Set<Domain.Evaluation.PanelMember>();
    public DbSet<Domain.Evaluation.PanelInvitation> PanelInvitations => Set<Domain.Evaluation.PanelInvitation>();
    public DbSet<Domain.Evaluation.ConflictDeclaration> ConflictDeclarations => Set<Domain.Evaluation.ConflictDeclaration>();
    public DbSet<Domain.Evaluation.GateDecision> GateDecisions => Set<Domain.Evaluation.GateDecision>();
    public DbSet<Domain.Evaluation.IndividualScore> IndividualScores => Set<Domain.Evaluation.IndividualScore>();
    public DbSet<Domain.Evaluation.ModeratedScore> ModeratedScores => Set<Domain.Evaluation.ModeratedScore>();
    public DbSet<Domain.Evaluation.PriceEvaluation> PriceEvaluations => Set<Domain.Evaluation.PriceEvaluation>();
    public DbSet<BidAttachment> BidAttachments => Set<BidAttachment>();
    public DbSet<Domain.Award.Award> Awards => Set<Domain.Award.Award>();
    public DbSet<Domain.Award.AwardedBid> AwardedBids => Set<Domain.Award.AwardedBid>();
    public DbSet<Domain.Award.AwardLetter> AwardLetters => Set<Domain.Award.AwardLetter>();
    public DbSet<Domain.Award.FrameworkAgreement> FrameworkAgreements => Set<Domain.Award.FrameworkAgreement>();
    public DbSet<Domain.Award.Contract> Contracts => Set<Domain.Award.Contract>();
    public DbSet<Domain.Award.ContractExtension> ContractExtensions => Set<Domain.Award.ContractExtension>();
    public DbSet<Domain.Award.TenantNonWorkingDay> TenantNonWorkingDays => Set<Domain.Award.TenantNonWorkingDay>();
    public DbSet<Domain.Framework.FrameworkMember> FrameworkMembers => Set<Domain.Framework.FrameworkMember>();
    public DbSet<Domain.Framework.PackageRequest> PackageRequests => Set<Domain.Framework.PackageRequest>();
    public DbSet<Domain.Framework.PackageResponse> PackageResponses => Set<Domain.Framework.PackageResponse>();
    public DbSet<Domain.Framework.FrameworkScheme> FrameworkSchemes => Set<Domain.Framework.FrameworkScheme>();
    public DbSet<Domain.Framework.SchemeRound> SchemeRounds => Set<Domain.Framework.SchemeRound>();
    public DbSet<Domain.Framework.SchemeWarning> SchemeWarnings => Set<Domain.Framework.SchemeWarning>();
    public DbSet<Domain.Framework.MarketApplication> MarketApplications => Set<Domain.Framework.MarketApplication>();
    public DbSet<Domain.Framework.MarketDecision> MarketDecisions => Set<Domain.Framework.MarketDecision>();
    public DbSet<Domain.Framework.MiniCompetition> MiniCompetitions => Set<Domain.Framework.MiniCompetition>();
    public DbSet<Domain.Framework.MiniCompetitionResponse> MiniCompetitionResponses => Set<Domain.Framework.MiniCompetitionResponse>();
    public DbSet<Integrations.ApiClient> ApiClients => Set<Integrations.ApiClient>();
    public DbSet<Integrations.WebhookSubscription> WebhookSubscriptions => Set<Integrations.WebhookSubscription>();
    public DbSet<Integrations.WebhookDelivery> WebhookDeliveries => Set<Integrations.WebhookDelivery>();
    public DbSet<Integrations.WebhookAttempt> WebhookAttempts => Set<Integrations.WebhookAttempt>();

    /// <summary>
    /// The Data Protection key ring, shared by the web app and the worker: it protects sign-in cookies and tokens and
    /// encrypts bid content at rest, so it must outlive any one process and machine.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Maps to the SQL function the audit trigger uses, so that verification recomputes the same hash.</summary>
    public static byte[] AuditEventHash(
        Guid? tenantId, long seq, DateTime occurredAt, Guid? actorUserId, string actorName, string action,
        string entityType, string? entityId, string? summary, byte[] prevHash) =>
        throw new NotSupportedException("Only for use in queries.");

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<PortalUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.ReminderEmails).HasDefaultValue(true);
        });

        builder.Entity<Organisation>(e =>
        {
            e.Property(o => o.Name).HasMaxLength(200);
            e.Property(o => o.Slug).HasMaxLength(60);
            e.HasIndex(o => o.Slug).IsUnique();
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(o => o.CreatedAt).HasDefaultValueSql("now()");
        });

        builder.Entity<Membership>(e =>
        {
            e.Property(m => m.Role).HasConversion<string>().HasMaxLength(30);
            e.HasIndex(m => new { m.UserId, m.OrganisationId, m.Role }).IsUnique();
            e.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            e.Property(m => m.CreatedAt).HasDefaultValueSql("now()");
        });

        builder.Entity<Invitation>(e =>
        {
            e.Property(i => i.Email).HasMaxLength(256);
            e.Property(i => i.Role).HasConversion<string>().HasMaxLength(30);
            e.HasIndex(i => i.TokenHash).IsUnique();
            e.HasOne<Organisation>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AuditEvent>(e =>
        {
            e.HasIndex(a => new { a.TenantId, a.Seq }).IsUnique().AreNullsDistinct(false);
            e.Property(a => a.Action).HasMaxLength(100);
            e.Property(a => a.EntityType).HasMaxLength(100);
            e.Property(a => a.EntityId).HasMaxLength(100);
            e.Property(a => a.ActorName).HasMaxLength(256);
            // Filled by the chain trigger; EF reads them back after insert.
            e.Property(a => a.Seq).ValueGeneratedOnAdd();
            e.Property(a => a.OccurredAt).ValueGeneratedOnAdd();
            e.Property(a => a.PrevHash).ValueGeneratedOnAdd();
            e.Property(a => a.Hash).ValueGeneratedOnAdd();
            // Platform events (no tenant) are visible only where no tenant is set; see the RLS policy.
            e.HasQueryFilter(TenantFilter, a => a.TenantId == CurrentTenantId);
        });

        builder.HasDbFunction(typeof(PortalDbContext).GetMethod(nameof(AuditEventHash))!)
            .HasName("audit_event_hash");

        builder.Entity<OutboxMessage>(e =>
        {
            e.Property(m => m.ToAddress).HasMaxLength(320);
            e.Property(m => m.Subject).HasMaxLength(300);
            e.HasIndex(m => m.NextAttemptAt).HasFilter("sent_at is null and failed_at is null and skipped_at is null");
            e.Property(m => m.AttachmentName).HasMaxLength(200);
            e.Property(m => m.Template).HasMaxLength(100);
        });

        builder.Entity<Notification>(e =>
        {
            e.HasOne<PortalUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(n => n.OutboxMessageId).IsUnique();
            e.HasIndex(n => new { n.UserId, n.CreatedAt });
            e.Property(n => n.Subject).HasMaxLength(300);
        });

        ConfigureProcurements(builder);
        ConfigureMarketIntent(builder);
        BidsModel.Configure(builder);
        DecisionReportsModel.Configure(builder);
        EvaluationDataModel.Configure(builder);
        AwardDataModel.Configure(builder);
        FrameworkDataModel.Configure(builder);
        SchemeDataModel.Configure(builder);
        IntegrationsModel.Configure(builder);
        ConfigureTenderDocuments(builder);

        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)))
        {
            typeof(PortalDbContext)
                .GetMethod(nameof(ApplyTenantFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(entity.ClrType)
                .Invoke(this, [builder]);
        }

        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(IProviderOwned).IsAssignableFrom(t.ClrType)))
        {
            typeof(PortalDbContext)
                .GetMethod(nameof(ApplyProviderFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(entity.ClrType)
                .Invoke(this, [builder]);
        }

        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
                     .Where(p => (p.ClrType == typeof(decimal) || p.ClrType == typeof(decimal?)) && p.GetPrecision() is null))
        {
            property.SetPrecision(18);
            property.SetScale(2);
        }
    }

    private static void ConfigureProcurements(ModelBuilder builder)
    {
        builder.Entity<Organisation>().Property(o => o.ReferencePrefix).HasMaxLength(10);

        builder.Entity<Procurement>(e =>
        {
            e.HasIndex(p => new { p.TenantId, p.Reference }).IsUnique();
            e.Property(p => p.Reference).HasMaxLength(30);
            e.Property(p => p.Title).HasMaxLength(300);
            e.Property(p => p.CpvCode).HasMaxLength(12);
            e.Property(p => p.State).HasConversion<string>().HasMaxLength(30);
            e.Property(p => p.ProcedureType).HasConversion<string>().HasMaxLength(30);
            e.Property(p => p.CeilingBreachRule).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.PriceFormula).HasMaxLength(40);
            e.Property(p => p.PriceWeight).HasPrecision(5, 2);
            e.Property(p => p.ExtensionOptions).HasMaxLength(500);
            e.Property(p => p.CancellationReason).HasMaxLength(2000);
            e.Property(p => p.CreatedAt).HasDefaultValueSql("now()");
            e.Property(p => p.RowVersion).IsRowVersion();
            e.OwnsMany(p => p.PooledPartners, partners =>
            {
                partners.ToJson();
                partners.Property(x => x.SharePercent).HasPrecision(5, 2);
            });
            e.HasOne<Organisation>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(p => p.Lots).WithOne().HasForeignKey(l => l.ProcurementId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.Sections).WithOne().HasForeignKey(s => s.ProcurementId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Lot>(e =>
        {
            e.HasIndex(l => new { l.ProcurementId, l.Number }).IsUnique();
            e.Property(l => l.Name).HasMaxLength(200);
            e.Property(l => l.Area).HasMaxLength(200);
            e.HasMany(l => l.Bands).WithOne().HasForeignKey(b => b.LotId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<FeeBand>(e =>
        {
            e.HasIndex(b => new { b.LotId, b.Code }).IsUnique();
            e.Property(b => b.Code).HasMaxLength(20);
            e.Property(b => b.Name).HasMaxLength(200);
            e.Property(b => b.Unit).HasConversion<string>().HasMaxLength(20);
            e.Property(b => b.ExpectedAnnualVolume).HasPrecision(14, 2);
        });

        builder.Entity<EvaluationSection>(e =>
        {
            e.HasIndex(s => new { s.ProcurementId, s.Number }).IsUnique();
            e.Property(s => s.Title).HasMaxLength(200);
            e.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.SectionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<EvaluationQuestion>(e =>
        {
            e.Property(q => q.Type).HasConversion<string>().HasMaxLength(20);
            e.Property(q => q.Weight).HasPrecision(5, 2);
            e.Property(q => q.Attachments).HasConversion<string>().HasMaxLength(20).HasDefaultValue(AttachmentRule.None);
        });

        builder.Entity<ProcurementInterest>(e =>
        {
            e.HasIndex(i => new { i.ProcurementId, i.ProviderId }).IsUnique();
            e.Property(i => i.ContactEmail).HasMaxLength(320);
            e.HasOne<Procurement>().WithMany().HasForeignKey(i => i.ProcurementId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Organisation>().WithMany().HasForeignKey(i => i.ProviderId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Clarification>(e =>
        {
            e.HasIndex(c => new { c.ProcurementId, c.Number }).IsUnique();
            e.Property(c => c.Question).HasMaxLength(4000);
            e.Property(c => c.PublishedQuestion).HasMaxLength(4000);
            e.Property(c => c.Answer).HasMaxLength(8000);
            e.HasOne<Procurement>().WithMany().HasForeignKey(c => c.ProcurementId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.AskedByProviderId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    private static void ConfigureMarketIntent(ModelBuilder builder)
    {
        builder.Entity<MarketIntentStatement>(e =>
        {
            e.Property(s => s.Title).HasMaxLength(300);
            e.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.CreatedAt).HasDefaultValueSql("now()");
            e.OwnsMany(s => s.Milestones, milestones => milestones.ToJson());
            e.HasOne<Organisation>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Procurement>().WithMany().HasForeignKey(s => s.ProcurementId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(s => s.Events).WithOne().HasForeignKey(v => v.StatementId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<EngagementEvent>(e =>
        {
            e.Property(v => v.Title).HasMaxLength(200);
            e.Property(v => v.Venue).HasMaxLength(500);
            e.Property(v => v.OnlineLink).HasMaxLength(500);
            e.Property(v => v.CreatedAt).HasDefaultValueSql("now()");
            e.Property(v => v.RowVersion).IsRowVersion();
            e.HasIndex(v => v.StartsAt);
            e.HasMany(v => v.Registrations).WithOne().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<EventRegistration>(e =>
        {
            e.Property(r => r.ProviderName).HasMaxLength(200);
            e.Property(r => r.AttendeeName).HasMaxLength(200);
            e.Property(r => r.AttendeeEmail).HasMaxLength(256);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            // One live registration per provider organisation per event; cancelled ones stay as history.
            e.HasIndex(r => new { r.EventId, r.ProviderId }).IsUnique().HasFilter("status <> 'Cancelled'");
            e.HasOne<Organisation>().WithMany().HasForeignKey(r => r.ProviderId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ExpressionOfInterest>(e =>
        {
            e.Property(x => x.ProviderName).HasMaxLength(200);
            e.Property(x => x.ContactEmail).HasMaxLength(256);
            e.Property(x => x.AreasOfInterest).HasMaxLength(1000);
            e.Property(x => x.Comment).HasMaxLength(4000);
            e.HasIndex(x => new { x.StatementId, x.ProviderId }).IsUnique();
            e.HasOne<MarketIntentStatement>().WithMany().HasForeignKey(x => x.StatementId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    private static void ConfigureTenderDocuments(ModelBuilder builder)
    {
        builder.Entity<TenderDocument>(e =>
        {
            e.Property(d => d.Title).HasMaxLength(200);
            e.HasOne<Procurement>().WithMany().HasForeignKey(d => d.ProcurementId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<TenderDocumentVersion>(e =>
        {
            e.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
            e.HasIndex(v => v.StorageName).IsUnique();
            e.Property(v => v.FileName).HasMaxLength(200);
            e.Property(v => v.ContentType).HasMaxLength(100);
            e.Property(v => v.Sha256).HasMaxLength(64).IsFixedLength();
            e.Property(v => v.StorageName).HasMaxLength(32);
            e.HasOne<Addendum>().WithMany().HasForeignKey(v => v.AddendumId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Addendum>(e =>
        {
            e.HasIndex(a => new { a.ProcurementId, a.Number }).IsUnique();
            e.Property(a => a.Title).HasMaxLength(200);
            e.Property(a => a.Text).HasMaxLength(20000);
            e.HasOne<Procurement>().WithMany().HasForeignKey(a => a.ProcurementId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<SubmissionReminder>(e =>
        {
            e.HasIndex(r => new { r.ProcurementId, r.ProviderId, r.Kind, r.Deadline }).IsUnique();
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
            e.HasOne<Procurement>().WithMany().HasForeignKey(r => r.ProcurementId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Organisation>().WithMany().HasForeignKey(r => r.ProviderId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    private void ApplyTenantFilter<T>(ModelBuilder builder) where T : class, ITenantOwned
    {
        Expression<Func<T, bool>> filter = e => e.TenantId == CurrentTenantId;
        builder.Entity<T>().HasQueryFilter(TenantFilter, filter);
        builder.Entity<T>().HasIndex(e => e.TenantId);
    }

    private void ApplyProviderFilter<T>(ModelBuilder builder) where T : class, IProviderOwned
    {
        Expression<Func<T, bool>> filter = e => CurrentProviderId == null || e.ProviderId == CurrentProviderId;
        builder.Entity<T>().HasQueryFilter(ProviderFilter, filter);
    }
}
