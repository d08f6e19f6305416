using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Data.Configurations;

public sealed class SchoolJudgementConfiguration : IEntityTypeConfiguration<SchoolJudgement>
{
    public void Configure(EntityTypeBuilder<SchoolJudgement> builder)
    {
        builder.HasKey(x => x.Id);
        builder.HasOne<School>().WithMany().HasForeignKey(x => x.Urn).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.Urn, x.AcademicYear, x.Source, x.Area }).IsUnique();
        builder.Property(x => x.Note).HasMaxLength(SchoolJudgement.NoteMaxLength);
        builder.Property(x => x.RecordedBy).HasMaxLength(256);
        builder.ConfigureVersion();
    }
}

public sealed class SchoolConcernConfiguration : IEntityTypeConfiguration<SchoolConcern>
{
    public void Configure(EntityTypeBuilder<SchoolConcern> builder)
    {
        builder.HasKey(x => x.Id);
        builder.HasOne<School>().WithMany().HasForeignKey(x => x.Urn).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.Urn, x.ClosedOn });
        builder.Property(x => x.Summary).HasMaxLength(4000);
        builder.Property(x => x.ClosedReason).HasMaxLength(4000);
        builder.Property(x => x.RaisedBy).HasMaxLength(256);
        builder.Property(x => x.ClosedBy).HasMaxLength(256);
        builder.Ignore(x => x.IsOpen);
        builder.ConfigureVersion();
    }
}

public sealed class RuleSetVersionConfiguration : IEntityTypeConfiguration<RuleSetVersion>
{
    public void Configure(EntityTypeBuilder<RuleSetVersion> builder)
    {
        builder.ToTable("RuleSets");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => x.Version).IsUnique();
        builder.Property(x => x.Version).HasMaxLength(60);
        builder.Property(x => x.Name).HasMaxLength(300);
        builder.Property(x => x.UploadedBy).HasMaxLength(256);
        builder.Property(x => x.AdoptedBy).HasMaxLength(256);
        builder.Property(x => x.AdoptionReason).HasMaxLength(4000);
    }
}

public sealed class LevelProposalConfiguration : IEntityTypeConfiguration<LevelProposal>
{
    public void Configure(EntityTypeBuilder<LevelProposal> builder)
    {
        builder.HasKey(x => x.Id);
        builder.HasOne<School>().WithMany().HasForeignKey(x => x.Urn).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RuleSetVersion>().WithMany().HasForeignKey(x => x.RuleSetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.Urn, x.Status });
        // At most one open proposal per school, even when two people propose at the same moment.
        builder.HasIndex(x => x.Urn).IsUnique().HasFilter("\"Status\" = 'Open'").HasDatabaseName("IX_LevelProposals_OneOpenPerSchool");
        builder.Property(x => x.RuleSetVersion).HasMaxLength(60);
        builder.Property(x => x.ProposedBy).HasMaxLength(256);
        builder.Ignore(x => x.IsOpen);
        builder.ConfigureVersion();
    }
}

public sealed class SchoolLevelDecisionConfiguration : IEntityTypeConfiguration<SchoolLevelDecision>
{
    public void Configure(EntityTypeBuilder<SchoolLevelDecision> builder)
    {
        builder.ToTable("SchoolLevels");
        builder.HasKey(x => x.Id);
        builder.HasOne<School>().WithMany().HasForeignKey(x => x.Urn).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LevelProposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.Urn, x.DecidedAt });
        builder.Property(x => x.RuleSetVersion).HasMaxLength(60);
        builder.Property(x => x.DecidedBy).HasMaxLength(256);
        builder.Property(x => x.Reason).HasMaxLength(4000);
        builder.Ignore(x => x.AgreedWithProposal);
        builder.Ignore(x => x.ReasonLines);
        builder.Ignore(x => x.ReasonParts);
        builder.Ignore(x => x.ReasonSummaries);
        builder.Ignore(x => x.Movement);
    }
}
