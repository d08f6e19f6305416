using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSight.Core.Attachments;
using SchoolSight.Domain.Attachments;

namespace SchoolSight.Core.Data.Configurations;

public sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.RecordType).HasMaxLength(60);
        builder.Property(x => x.RecordKey).HasMaxLength(100);
        builder.Property(x => x.FileName).HasMaxLength(SafeFileName.MaxLength);
        builder.Property(x => x.ContentType).HasMaxLength(100);
        builder.Property(x => x.Sha256).HasMaxLength(64);
        builder.Property(x => x.Description).HasMaxLength(Attachment.MaxDescriptionLength);
        builder.Property(x => x.UploadedBy).HasMaxLength(256);
        builder.Ignore(x => x.Owner);
        builder.HasIndex(x => new { x.RecordType, x.RecordKey });
        builder.HasIndex(x => x.SchoolUrn);
    }
}

/// <summary>The bytes of attachments kept in the database: a table of their own, removed with their attachment.</summary>
public sealed class AttachmentContentConfiguration : IEntityTypeConfiguration<AttachmentContent>
{
    public void Configure(EntityTypeBuilder<AttachmentContent> builder)
    {
        builder.ToTable("AttachmentContents");
        builder.HasKey(x => x.AttachmentId);
        builder.HasOne<Attachment>().WithOne().HasForeignKey<AttachmentContent>(x => x.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
