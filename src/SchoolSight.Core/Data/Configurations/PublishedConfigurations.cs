using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSight.Core.Published;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Published;

namespace SchoolSight.Core.Data.Configurations;

public sealed class PublishedFigureConfiguration : IEntityTypeConfiguration<PublishedFigure>
{
    public void Configure(EntityTypeBuilder<PublishedFigure> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.AreaCode).HasMaxLength(PublishedFigure.MaxAreaCodeLength);
        builder.Property(x => x.Measure).HasMaxLength(PublishedFigure.MaxMeasureLength);
        builder.Property(x => x.Marker).HasMaxLength(PublishedFigure.MaxMarkerLength);
        builder.Property(x => x.Value).HasPrecision(18, 4);
        builder.HasIndex(x => new { x.AreaKind, x.AreaCode, x.AcademicYear, x.Measure }).IsUnique();
        // Reading one measure for every school (benchmarks, aggregates) and replacing a source's year on re-import.
        builder.HasIndex(x => new { x.Measure, x.AcademicYear });
        builder.HasIndex(x => x.ImportId);
    }
}

public sealed class PublishedFileCoverageConfiguration : IEntityTypeConfiguration<PublishedFileCoverage>
{
    public void Configure(EntityTypeBuilder<PublishedFileCoverage> builder)
    {
        builder.HasKey(x => x.ImportId);
        builder.Property(x => x.ImportId).ValueGeneratedNever();
        builder.Property(x => x.LaCodes).HasMaxLength(PublishedFileCoverage.MaxLaCodesLength);
    }
}

public sealed class OfstedInspectionConfiguration : IEntityTypeConfiguration<OfstedInspection>
{
    public void Configure(EntityTypeBuilder<OfstedInspection> builder)
    {
        builder.HasKey(x => x.Urn);
        builder.Property(x => x.Urn).ValueGeneratedNever();
        builder.HasIndex(x => x.ImportId);
        builder.ComplexProperty(x => x.Outcome, outcome =>
        {
            outcome.Property(o => o.InspectionNumber).HasMaxLength(OfstedFileReader.MaxInspectionNumberLength);
            outcome.Property(o => o.InspectionType).HasMaxLength(OfstedFileReader.MaxTextLength);
            outcome.Property(o => o.UngradedOutcome).HasMaxLength(OfstedFileReader.MaxTextLength);
        });
    }
}
