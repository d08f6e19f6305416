using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.Data.Configurations;

public sealed class PupilDataBlockConfiguration : IEntityTypeConfiguration<PupilDataBlock>
{
    public void Configure(EntityTypeBuilder<PupilDataBlock> builder)
    {
        builder.HasKey(x => new { x.Urn, x.AcademicYear });
        builder.Property(x => x.Sha256).HasMaxLength(64);
        builder.HasIndex(x => x.AcademicYear);
    }
}

public sealed class SurveyDataBlockConfiguration : IEntityTypeConfiguration<SurveyDataBlock>
{
    public void Configure(EntityTypeBuilder<SurveyDataBlock> builder)
    {
        builder.HasKey(x => new { x.Urn, x.AcademicYear });
        builder.Property(x => x.Sha256).HasMaxLength(64);
        builder.HasIndex(x => x.AcademicYear);
    }
}

public sealed class IndicatorResultSetConfiguration : IEntityTypeConfiguration<IndicatorResultSet>
{
    public void Configure(EntityTypeBuilder<IndicatorResultSet> builder)
    {
        builder.HasKey(x => new { x.AreaKind, x.AreaCode, x.AcademicYear });
        builder.Property(x => x.AreaCode).HasMaxLength(20);
        builder.Property(x => x.InputHash).HasMaxLength(64);
        builder.Property(x => x.Source).HasMaxLength(40);
        builder.HasIndex(x => new { x.AcademicYear, x.AreaKind });
    }
}

public sealed class SimilarSchoolSetConfiguration : IEntityTypeConfiguration<SimilarSchoolSet>
{
    public void Configure(EntityTypeBuilder<SimilarSchoolSet> builder)
    {
        builder.HasKey(x => new { x.Urn, x.AcademicYear });
        builder.Property(x => x.Method).HasMaxLength(400);
        builder.Property(x => x.Members).HasMaxLength(4000);
    }
}

public sealed class PendingRecomputeConfiguration : IEntityTypeConfiguration<PendingRecompute>
{
    public void Configure(EntityTypeBuilder<PendingRecompute> builder)
    {
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => x.AcademicYear);
    }
}

public sealed class FiguresVersionConfiguration : IEntityTypeConfiguration<FiguresVersion>
{
    public void Configure(EntityTypeBuilder<FiguresVersion> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.HasData(new FiguresVersion(0, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
    }
}
