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
