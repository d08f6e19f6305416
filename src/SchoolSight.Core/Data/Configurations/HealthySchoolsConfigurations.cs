using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSight.Domain.HealthySchools;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Data.Configurations;

/// <summary>
/// A school's enhancement work is one row: its group, priorities, outcomes, early success indicators, activities and
/// its exchange with the QUAS are held with it as JSON, read and written whole, so a change to any of them moves the
/// engagement's version on.
/// </summary>
public sealed class HealthySchoolEngagementConfiguration : IEntityTypeConfiguration<HealthySchoolEngagement>
{
    public void Configure(EntityTypeBuilder<HealthySchoolEngagement> builder)
    {
        builder.ToTable("HealthySchoolEngagements");
        builder.HasKey(x => x.Id);
        builder.HasOne<School>().WithMany().HasForeignKey(x => x.Urn).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.Urn).IsUnique();
        builder.HasIndex(x => x.Stage);
        builder.Property(x => x.KeyTasks).HasMaxLength(4000);
        builder.Property(x => x.NeedsAnalysisNotes).HasMaxLength(4000);
        builder.Property(x => x.ApprovedBy).HasMaxLength(256);
        builder.OwnsMany(x => x.Members, b => b.ToJson());
        builder.OwnsMany(x => x.Priorities, b => b.ToJson());
        builder.OwnsMany(x => x.Outcomes, b => b.ToJson());
        builder.OwnsMany(x => x.SuccessIndicators, b =>
        {
            b.ToJson();
            b.OwnsMany(i => i.Earlier);
            b.Navigation(i => i.Earlier).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        builder.OwnsMany(x => x.Activities, b => b.ToJson());
        builder.OwnsMany(x => x.Exchange, b => b.ToJson());
        foreach (var navigation in new[] { "Members", "Priorities", "Outcomes", "SuccessIndicators", "Activities", "Exchange" })
            builder.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(x => x.CurrentPriorities);
        builder.Ignore(x => x.CurrentOutcomes);
        builder.Ignore(x => x.AwaitsAnswer);
        builder.Ignore(x => x.Barometer);
        builder.ConfigureVersion();
    }
}

public sealed class LocalPriorityConfiguration : IEntityTypeConfiguration<LocalPriority>
{
    public void Configure(EntityTypeBuilder<LocalPriority> builder)
    {
        builder.ToTable("HealthySchoolsLocalPriorities");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Title).HasMaxLength(300);
        builder.Property(x => x.IndicatorId).HasMaxLength(100);
        builder.Property(x => x.Source).HasMaxLength(300);
        builder.ConfigureVersion();
    }
}

public sealed class HealthySchoolStatusConfiguration : IEntityTypeConfiguration<HealthySchoolStatus>
{
    public void Configure(EntityTypeBuilder<HealthySchoolStatus> builder)
    {
        builder.ToTable("HealthySchoolStatuses");
        builder.HasKey(x => x.Id);
        builder.HasOne<School>().WithMany().HasForeignKey(x => x.Urn).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.Urn).IsUnique();
        builder.Property(x => x.RecordedBy).HasMaxLength(256);
        builder.ConfigureVersion();
    }
}

/// <summary>One annual review per school and academic year; its confirmations are held with it as JSON.</summary>
public sealed class AnnualReviewConfiguration : IEntityTypeConfiguration<AnnualReview>
{
    public void Configure(EntityTypeBuilder<AnnualReview> builder)
    {
        builder.ToTable("HealthySchoolsAnnualReviews");
        builder.HasKey(x => x.Id);
        builder.HasOne<School>().WithMany().HasForeignKey(x => x.Urn).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.Urn, x.Year }).IsUnique();
        builder.HasIndex(x => x.Year);
        builder.Property(x => x.CriteriaVersion).HasMaxLength(60);
        builder.Property(x => x.SelfValidatedBy).HasMaxLength(256);
        builder.Property(x => x.Moderator).HasMaxLength(256);
        builder.Property(x => x.ModerationOutcome).HasMaxLength(20);
        builder.Property(x => x.ModerationComments).HasMaxLength(4000);
        builder.OwnsMany(x => x.Confirmations, b => b.ToJson());
        builder.Navigation(x => x.Confirmations).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(x => x.IsSelfValidated);
        builder.Ignore(x => x.AwaitsModeration);
        builder.ConfigureVersion();
    }
}

/// <summary>One moderation draw per academic year, with the schools in it and drawn, so it can be re-done.</summary>
public sealed class ModerationDrawConfiguration : IEntityTypeConfiguration<ModerationDraw>
{
    public void Configure(EntityTypeBuilder<ModerationDraw> builder)
    {
        builder.ToTable("HealthySchoolsModerationDraws");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => x.Year).IsUnique();
        builder.Property(x => x.Method).HasMaxLength(500);
        builder.Property(x => x.DrawnBy).HasMaxLength(256);
        builder.ConfigureVersion();
    }
}
