using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSight.Domain.QualityStandards;

namespace SchoolSight.Core.Data.Configurations;

/// <summary>The LA's self-evaluation: one row per academic year, and one per standard and phase rated.</summary>
public sealed class LaSelfEvaluationConfiguration : IEntityTypeConfiguration<LaSelfEvaluationYear>
{
    public void Configure(EntityTypeBuilder<LaSelfEvaluationYear> builder)
    {
        builder.ToTable("LaSelfEvaluations");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => x.AcademicYear).IsUnique();
        builder.Property(x => x.StandardsVersion).HasMaxLength(60);
        builder.Property(x => x.SignedOffBy).HasMaxLength(256);
        builder.Property(x => x.SignOffReason).HasMaxLength(4000);
        builder.HasMany(x => x.Ratings).WithOne().HasForeignKey(r => r.SelfEvaluationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Ratings).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.ConfigureVersion();
    }
}

public sealed class StandardRatingConfiguration : IEntityTypeConfiguration<StandardRating>
{
    public void Configure(EntityTypeBuilder<StandardRating> builder)
    {
        builder.ToTable("LaStandardRatings");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.SelfEvaluationId, x.StandardId, x.Phase }).IsUnique();
        builder.Property(x => x.StandardId).HasMaxLength(20);
        builder.Property(x => x.CriteriaMet).HasMaxLength(4000);
        builder.Property(x => x.Evidence).HasMaxLength(8000);
        builder.Property(x => x.ComputedFigures).HasMaxLength(4000);
        builder.Property(x => x.OverrideReason).HasMaxLength(4000);
        builder.Property(x => x.ExternalNote).HasMaxLength(4000);
        builder.Property(x => x.RatedBy).HasMaxLength(256);
        builder.Ignore(x => x.Met);
        builder.Ignore(x => x.EvidenceItems);
        builder.Ignore(x => x.DiffersFromExternal);
        builder.ConfigureVersion();
    }
}

public sealed class NationalOfstedCountConfiguration : IEntityTypeConfiguration<NationalOfstedCount>
{
    public void Configure(EntityTypeBuilder<NationalOfstedCount> builder)
    {
        builder.HasKey(x => x.LaCode);
        builder.Property(x => x.LaCode).ValueGeneratedNever();
        builder.Property(x => x.LaName).HasMaxLength(100);
    }
}
