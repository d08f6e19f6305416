using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSight.Domain.Register;
using SchoolSight.Domain.Voice;

namespace SchoolSight.Core.Data.Configurations;

public sealed class SurveyWindowConfiguration : IEntityTypeConfiguration<SurveyWindow>
{
    public void Configure(EntityTypeBuilder<SurveyWindow> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Property(x => x.Title).HasMaxLength(200);
        builder.Property(x => x.YearGroups).HasMaxLength(60);
        builder.Property(x => x.QuestionnaireVersion).HasMaxLength(60);
        builder.Property(x => x.OpenedBy).HasMaxLength(256);
        builder.Property(x => x.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(x => new { x.Urn, x.AcademicYear });
        builder.Ignore(x => x.YearGroupCodes);
    }
}

public sealed class SurveyCodeConfiguration : IEntityTypeConfiguration<SurveyCode>
{
    public void Configure(EntityTypeBuilder<SurveyCode> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Code).HasMaxLength(20);
        builder.HasIndex(x => x.Code).IsUnique();
        builder.Property(x => x.Group).HasMaxLength(100);
        builder.Property(x => x.Saves).IsConcurrencyToken();
        builder.HasIndex(x => new { x.WindowId, x.YearGroup });
        builder.HasOne<SurveyWindow>().WithMany().HasForeignKey(x => x.WindowId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(x => x.IsSent);
    }
}

/// <summary>
/// A school's well-being self-evaluation for a year is one row: its five outcomes, with their priorities, are held
/// with it as JSON, read and written whole, so a change to any outcome moves the self-evaluation's version on.
/// </summary>
public sealed class WellbeingSelfEvaluationConfiguration : IEntityTypeConfiguration<WellbeingSelfEvaluation>
{
    public void Configure(EntityTypeBuilder<WellbeingSelfEvaluation> builder)
    {
        builder.ToTable("WellbeingSelfEvaluations");
        builder.HasKey(x => x.Id);
        builder.HasOne<School>().WithMany().HasForeignKey(x => x.Urn).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.Urn, x.AcademicYear }).IsUnique();
        builder.HasIndex(x => x.AcademicYear);
        builder.Property(x => x.NamedGroups).HasMaxLength(200);
        builder.OwnsMany(x => x.Outcomes, b =>
        {
            b.ToJson();
            b.OwnsMany(o => o.Priorities);
            b.Navigation(o => o.Priorities).UsePropertyAccessMode(PropertyAccessMode.Field);
            b.Ignore(o => o.Grade);
        });
        builder.Navigation(x => x.Outcomes).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(x => x.Scale);
        builder.Ignore(x => x.IsCompleted);
        builder.Ignore(x => x.GroupsNamed);
        builder.Ignore(x => x.GroupsLookedAt);
        builder.Ignore(x => x.PersonalDevelopment);
        builder.Ignore(x => x.PersonalDevelopmentArea);
        builder.ConfigureVersion();
    }
}

public sealed class PlanPriorityConfiguration : IEntityTypeConfiguration<PlanPriority>
{
    public void Configure(EntityTypeBuilder<PlanPriority> builder)
    {
        builder.ToTable("PlanPriorities");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Title).HasMaxLength(PlanPriority.TitleMaxLength);
        builder.Property(x => x.Source).HasMaxLength(PlanPriority.TitleMaxLength);
        builder.ConfigureVersion();
    }
}

public sealed class SurveySummaryConfiguration : IEntityTypeConfiguration<SurveySummary>
{
    public void Configure(EntityTypeBuilder<SurveySummary> builder)
    {
        builder.ToTable("SurveySummaries");
        builder.HasKey(x => x.Id);
        builder.HasOne<School>().WithMany().HasForeignKey(x => x.Urn).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.Urn, x.AcademicYear }).IsUnique();
        builder.Property(x => x.Text).HasMaxLength(SurveySummary.TextMaxLength);
        builder.ConfigureVersion();
    }
}
