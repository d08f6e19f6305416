using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSight.Domain.Register;
using SchoolSight.Domain.Sip;

namespace SchoolSight.Core.Data.Configurations;

/// <summary>
/// A record of visit is one row; its agreed actions and the earlier actions it reviews are held with it as JSON, read
/// and written whole. The seven features are columns of their own, so the LA's self-evaluation can count them.
/// </summary>
public sealed class RecordOfVisitConfiguration : IEntityTypeConfiguration<RecordOfVisit>
{
    public void Configure(EntityTypeBuilder<RecordOfVisit> builder)
    {
        builder.ToTable("SipVisits");
        builder.HasKey(x => x.Id);
        builder.HasOne<School>().WithMany().HasForeignKey(x => x.Urn).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.Urn, x.VisitedOn });
        builder.HasIndex(x => new { x.AcademicYear, x.Status });
        builder.HasIndex(x => x.SipUserId);
        builder.Property(x => x.SipUserId).HasMaxLength(450);
        builder.Property(x => x.SipName).HasMaxLength(256);
        builder.Property(x => x.Purpose).HasMaxLength(1000);
        foreach (var text in new[] { "Targets", "ProgressTowardsTargets", "KeyStrengths", "Priorities", "EvidenceBase", "Challenge", "SchoolComment" })
            builder.Property(text).HasMaxLength(4000);
        builder.Property(x => x.ReviewNote).HasMaxLength(2000);
        builder.Property(x => x.IssuedBy).HasMaxLength(256);
        builder.Property(x => x.RespondedBy).HasMaxLength(256);
        builder.Property(x => x.ReviewedBy).HasMaxLength(256);
        builder.Ignore(x => x.Actions);
        builder.Ignore(x => x.EarlierActions);
        builder.ComplexCollection<List<AgreedAction>, AgreedAction>("_actions", b => b.ToJson("Actions"));
        builder.ComplexCollection<List<ActionProgress>, ActionProgress>("_earlierActions", b => b.ToJson("EarlierActions"));
        builder.Ignore(x => x.Features);
        builder.Ignore(x => x.Missing);
        builder.ConfigureVersion();
    }
}

public sealed class PairedVisitConfiguration : IEntityTypeConfiguration<PairedVisit>
{
    public void Configure(EntityTypeBuilder<PairedVisit> builder)
    {
        builder.ToTable("SipPairedVisits");
        builder.HasKey(x => x.Id);
        builder.HasOne<School>().WithMany().HasForeignKey(x => x.Urn).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RecordOfVisit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.SipUserId, x.VisitedOn });
        builder.HasIndex(x => x.Urn);
        builder.Property(x => x.SipUserId).HasMaxLength(450);
        builder.Property(x => x.AdviserUserId).HasMaxLength(450);
        builder.Property(x => x.SipName).HasMaxLength(256);
        builder.Property(x => x.AdviserName).HasMaxLength(256);
        builder.Property(x => x.LengthOfVisit).HasMaxLength(100);
        builder.Property(x => x.Programme).HasMaxLength(2000);
        foreach (var aspect in PairedVisitAspects.All)
            builder.Property($"{aspect}Evidence").HasMaxLength(4000);
        foreach (var text in new[] { "HeadFeedback", "Strengths", "AreasForDevelopment" })
            builder.Property(text).HasMaxLength(4000);
        builder.ConfigureVersion();
    }
}

public sealed class SipProfileConfiguration : IEntityTypeConfiguration<SipProfile>
{
    public void Configure(EntityTypeBuilder<SipProfile> builder)
    {
        builder.ToTable("SipProfiles");
        builder.HasKey(x => x.UserId);
        builder.Property(x => x.UserId).HasMaxLength(450);
        builder.HasOne<AppUser>().WithOne().HasForeignKey<SipProfile>(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.ConfigureVersion();
    }
}
