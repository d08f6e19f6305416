using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
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
