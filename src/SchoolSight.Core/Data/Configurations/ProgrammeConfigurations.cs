using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSight.Domain.Calendar;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Data.Configurations;

public sealed class SchoolTermConfiguration : IEntityTypeConfiguration<SchoolTerm>
{
    public void Configure(EntityTypeBuilder<SchoolTerm> builder)
    {
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.AcademicYear, x.Name }).IsUnique();
        builder.Ignore(x => x.Title);
        builder.ConfigureVersion();
    }
}

public sealed class ImprovingOutcomesCaseConfiguration : IEntityTypeConfiguration<ImprovingOutcomesCase>
{
    public void Configure(EntityTypeBuilder<ImprovingOutcomesCase> builder)
    {
        builder.ToTable("ProgrammeCases");
        builder.HasKey(x => x.Id);
        builder.HasOne<School>().WithMany().HasForeignKey(x => x.Urn).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.Urn, x.State });
        // One open case per school, whoever proposes at the same moment.
        builder.HasIndex(x => x.Urn).IsUnique().HasFilter("\"State\" <> 'Closed'").HasDatabaseName("IX_ProgrammeCases_OneOpenPerSchool");
        builder.Property(x => x.Concerns).HasMaxLength(4000);
        builder.Property(x => x.CaseOfficerName).HasMaxLength(200);
        builder.Property(x => x.CaseOfficerEmail).HasMaxLength(256);
        builder.Property(x => x.PlanTitle).HasMaxLength(300);
        builder.Property(x => x.PlanNotRobustReason).HasMaxLength(2000);
        builder.Property(x => x.ProgrammeBudget).HasPrecision(12, 2);
        builder.Property(x => x.SchoolContribution).HasPrecision(12, 2);
        builder.ComplexProperty(x => x.Communications, c =>
        {
            c.Property(p => p.ParentsCommunication).HasMaxLength(4000);
            c.Ignore(p => p.IsComplete);
        });
        builder.OwnsOne(x => x.Baseline, b =>
        {
            b.ToTable("ProgrammeCaseBaselines");
            b.WithOwner().HasForeignKey("CaseId");
            b.Property(p => p.Strengths).HasMaxLength(4000);
            b.Property(p => p.AreasForImprovement).HasMaxLength(4000);
            b.Property(p => p.Reference).HasMaxLength(300);
        });
        builder.OwnsOne(x => x.ExitStrategy, e =>
        {
            e.ToTable("ProgrammeCaseExitStrategies");
            e.WithOwner().HasForeignKey("CaseId");
            e.Property(p => p.Summary).HasMaxLength(4000);
            e.Property(p => p.MonitoringLead).HasMaxLength(200);
            e.Property(p => p.Sustainability).HasMaxLength(4000);
        });
        builder.HasMany(x => x.Decisions).WithOne().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.PlanActions).WithOne().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Members).WithOne().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.GroupMeetings).WithOne().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Meetings).WithOne().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Visits).WithOne().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Spending).WithOne().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.WarningNotices).WithOne().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Powers).WithOne().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        foreach (var navigation in new[] { "Decisions", "PlanActions", "Members", "GroupMeetings", "Meetings", "Visits", "Spending", "WarningNotices", "Powers" })
            builder.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(x => x.IsOpen);
        builder.ConfigureVersion();
    }
}

public sealed class CaseDecisionConfiguration : IEntityTypeConfiguration<CaseDecision>
{
    public void Configure(EntityTypeBuilder<CaseDecision> builder)
    {
        builder.ToTable("ProgrammeCaseDecisions");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.By).HasMaxLength(256);
        builder.Property(x => x.Reason).HasMaxLength(4000);
        builder.Ignore(x => x.Decision);
    }
}

public sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> builder)
    {
        builder.ToTable("ProgrammePlanActions");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.CaseId, x.Number }).IsUnique();
        builder.Property(x => x.Description).HasMaxLength(1000);
        builder.Property(x => x.Owner).HasMaxLength(200);
        builder.Property(x => x.SuccessCriteria).HasMaxLength(1000);
        builder.Property(x => x.ProgressNote).HasMaxLength(2000);
        builder.Ignore(x => x.IsMeasurable);
        builder.ConfigureVersion();
    }
}

public sealed class ManagementGroupMemberConfiguration : IEntityTypeConfiguration<ManagementGroupMember>
{
    public void Configure(EntityTypeBuilder<ManagementGroupMember> builder)
    {
        builder.ToTable("ProgrammeGroupMembers");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Name).HasMaxLength(200);
    }
}

public sealed class ManagementGroupMeetingConfiguration : IEntityTypeConfiguration<ManagementGroupMeeting>
{
    public void Configure(EntityTypeBuilder<ManagementGroupMeeting> builder)
    {
        builder.ToTable("ProgrammeGroupMeetings");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.ProgressReviewed).HasMaxLength(4000);
        builder.Property(x => x.RecordedBy).HasMaxLength(256);
    }
}

public sealed class ProgrammeMeetingConfiguration : IEntityTypeConfiguration<ProgrammeMeeting>
{
    public void Configure(EntityTypeBuilder<ProgrammeMeeting> builder)
    {
        builder.ToTable("ProgrammeMeetings");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Venue).HasMaxLength(300);
        builder.Property(x => x.NotAtSchoolReason).HasMaxLength(1000);
        builder.Property(x => x.ProgressReportBy).HasMaxLength(256);
        builder.Property(x => x.SipComment).HasMaxLength(2000);
        builder.Property(x => x.SipAgreementBy).HasMaxLength(256);
        foreach (var text in new[] { "ProgressReportSummary", "PartnershipWork", "Attendance", "Decisions", "RevisedActionsAndTargets", "ProfessionalsMeetingNotes", "GoverningBodyFeedback" })
            builder.Property(text).HasMaxLength(4000);
        builder.HasMany(x => x.Evidence).WithOne().HasForeignKey(e => e.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Evidence).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(x => x.IsHeld);
        builder.Ignore(x => x.Date);
        builder.ConfigureVersion();
    }
}

public sealed class ProgressEvidenceConfiguration : IEntityTypeConfiguration<ProgressEvidence>
{
    public void Configure(EntityTypeBuilder<ProgressEvidence> builder)
    {
        builder.ToTable("ProgrammeProgressEvidence");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Evidence).HasMaxLength(2000);
        builder.HasOne<PlanAction>().WithMany().HasForeignKey(x => x.PlanActionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MonitoringVisitConfiguration : IEntityTypeConfiguration<MonitoringVisit>
{
    public void Configure(EntityTypeBuilder<MonitoringVisit> builder)
    {
        builder.ToTable("ProgrammeMonitoringVisits");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.VisitedBy).HasMaxLength(256);
        builder.Property(x => x.Findings).HasMaxLength(4000);
    }
}

public sealed class SpendingLineConfiguration : IEntityTypeConfiguration<SpendingLine>
{
    public void Configure(EntityTypeBuilder<SpendingLine> builder)
    {
        builder.ToTable("ProgrammeSpendingLines");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Description).HasMaxLength(500);
        builder.Property(x => x.RecordedBy).HasMaxLength(256);
        builder.Property(x => x.Total).HasPrecision(12, 2);
        builder.Property(x => x.FromProgramme).HasPrecision(12, 2);
        builder.Property(x => x.FromSchool).HasPrecision(12, 2);
        builder.HasOne<PlanAction>().WithMany().HasForeignKey(x => x.PlanActionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class WarningNoticeConfiguration : IEntityTypeConfiguration<WarningNotice>
{
    public void Configure(EntityTypeBuilder<WarningNotice> builder)
    {
        builder.ToTable("ProgrammeWarningNotices");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Grounds).HasMaxLength(4000);
        builder.Property(x => x.RequiredActions).HasMaxLength(4000);
        builder.Property(x => x.Letter).HasMaxLength(20000);
        builder.Property(x => x.DraftedBy).HasMaxLength(256);
        builder.Property(x => x.ApprovedBy).HasMaxLength(256);
        builder.Property(x => x.ApprovalNote).HasMaxLength(2000);
        builder.Property(x => x.IssuedBy).HasMaxLength(256);
        builder.ConfigureVersion();
    }
}

public sealed class StatutoryPowerUseConfiguration : IEntityTypeConfiguration<StatutoryPowerUse>
{
    public void Configure(EntityTypeBuilder<StatutoryPowerUse> builder)
    {
        builder.ToTable("ProgrammeStatutoryPowers");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Rationale).HasMaxLength(4000);
        builder.Property(x => x.ProposedBy).HasMaxLength(256);
        builder.Property(x => x.ApprovedBy).HasMaxLength(256);
        builder.Property(x => x.Outcome).HasMaxLength(4000);
        builder.Ignore(x => x.IsApproved);
        builder.ConfigureVersion();
    }
}

public sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> builder)
    {
        builder.ToTable("SentReminders");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.DeadlineKey).HasMaxLength(200);
        builder.Property(x => x.Recipient).HasMaxLength(256);
        builder.Property(x => x.Subject).HasMaxLength(300);
        builder.HasIndex(x => new { x.DeadlineKey, x.Kind, x.DueOn, x.Recipient }).IsUnique();
        builder.HasIndex(x => x.CaseId);
    }
}
