using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSight.Core.Access;
using SchoolSight.Domain.Auditing;
using SchoolSight.Domain.Imports;

namespace SchoolSight.Core.Data.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.UserName).HasMaxLength(256);
        builder.Property(x => x.UserId).HasMaxLength(450);
        builder.Property(x => x.EntityType).HasMaxLength(100);
        builder.Property(x => x.EntityKey).HasMaxLength(200);
        builder.HasIndex(x => x.At);
        builder.HasIndex(x => new { x.EntityType, x.EntityKey });
        builder.HasIndex(x => x.SchoolUrn);
    }
}

public sealed class ImportRecordConfiguration : IEntityTypeConfiguration<ImportRecord>
{
    public void Configure(EntityTypeBuilder<ImportRecord> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.FileName).HasMaxLength(260);
        builder.Property(x => x.Sha256).HasMaxLength(64);
        builder.Property(x => x.UserName).HasMaxLength(256);
        builder.Property(x => x.Scope).HasMaxLength(500);
        builder.Property(x => x.FirstErrors).HasMaxLength(4000);
        builder.HasIndex(x => x.At);
    }
}

public sealed class ImportLockConfiguration : IEntityTypeConfiguration<ImportLock>
{
    public void Configure(EntityTypeBuilder<ImportLock> builder) => builder.HasKey(x => x.Kind);
}

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(x => x.DisplayName).HasMaxLength(200);
        builder.HasMany(x => x.Assignments).WithOne().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SipAssignmentConfiguration : IEntityTypeConfiguration<SipAssignment>
{
    public void Configure(EntityTypeBuilder<SipAssignment> builder)
    {
        builder.HasKey(x => new { x.UserId, x.Urn });
        builder.HasIndex(x => x.Urn);
    }
}
