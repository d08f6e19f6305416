using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSight.Domain.LaIndicators;

namespace SchoolSight.Core.Data.Configurations;

/// <summary>The DfE's LA figures (LAIT): one row per measure, year and area.</summary>
public sealed class LaIndicatorFigureConfiguration : IEntityTypeConfiguration<LaIndicatorFigure>
{
    public void Configure(EntityTypeBuilder<LaIndicatorFigure> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Measure).HasMaxLength(LaIndicatorFigure.MaxMeasureLength);
        builder.Property(x => x.Year).HasMaxLength(LaIndicatorFigure.MaxYearLength);
        builder.Property(x => x.AreaName).HasMaxLength(LaIndicatorFigure.MaxNameLength);
        builder.Property(x => x.Region).HasMaxLength(LaIndicatorFigure.MaxNameLength);
        builder.Property(x => x.Marker).HasMaxLength(LaIndicatorFigure.MaxMarkerLength);
        builder.Property(x => x.Value).HasPrecision(18, 4);
        builder.HasIndex(x => new { x.Measure, x.Year, x.AreaCode }).IsUnique();
    }
}

/// <summary>The LA's statistical neighbours: one row, keyed by the LA's code.</summary>
public sealed class StatisticalNeighboursConfiguration : IEntityTypeConfiguration<StatisticalNeighbours>
{
    public void Configure(EntityTypeBuilder<StatisticalNeighbours> builder)
    {
        builder.HasKey(x => x.LaCode);
        builder.Property(x => x.LaCode).ValueGeneratedNever();
        builder.Property(x => x.Codes).HasMaxLength(StatisticalNeighbours.MaxLength);
        builder.Ignore(x => x.List);
    }
}
