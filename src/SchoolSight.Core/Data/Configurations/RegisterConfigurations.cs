using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Data.Configurations;

internal static class VersionedConfiguration
{
    public static void ConfigureVersion<T>(this EntityTypeBuilder<T> builder) where T : Domain.VersionedEntity
    {
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Property(x => x.UpdatedBy).HasMaxLength(256);
    }
}

public sealed class LocalAuthorityConfiguration : IEntityTypeConfiguration<LocalAuthority>
{
    public void Configure(EntityTypeBuilder<LocalAuthority> builder)
    {
        builder.HasKey(x => x.Code);
        builder.Property(x => x.Code).ValueGeneratedNever();
        builder.Property(x => x.Name).HasMaxLength(100);
    }
}

public sealed class LocalityConfiguration : IEntityTypeConfiguration<Locality>
{
    public void Configure(EntityTypeBuilder<Locality> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Name).HasMaxLength(100);
        builder.Property(x => x.BoardName).HasMaxLength(150);
        builder.Property(x => x.Description).HasMaxLength(2000);
        builder.HasIndex(x => new { x.LaCode, x.Name }).IsUnique();
        builder.ConfigureVersion();
    }
}

public sealed class SchoolConfiguration : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> builder)
    {
        builder.HasKey(x => x.Urn);
        builder.Property(x => x.Urn).ValueGeneratedNever();
        builder.Property(x => x.Phase).HasMaxLength(40);
        builder.HasOne(x => x.Locality).WithMany().HasForeignKey(x => x.LocalityId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(x => x.Memberships).WithOne(m => m.School).HasForeignKey(m => m.Urn);
        builder.Navigation(x => x.Memberships).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.ComplexProperty(x => x.Details, d =>
        {
            d.Property(p => p.Name).HasMaxLength(200);
            d.Property(p => p.TypeOfEstablishment).HasMaxLength(120);
            d.Property(p => p.Postcode).HasMaxLength(12);
            // GIAS field names as column names, without a "Details_" prefix.
            foreach (var property in d.Metadata.ComplexType.GetProperties()) property.SetColumnName(property.Name);
        });
        builder.ConfigureVersion();
    }
}

public sealed class ClusterConfiguration : IEntityTypeConfiguration<Cluster>
{
    public void Configure(EntityTypeBuilder<Cluster> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Name).HasMaxLength(150);
        builder.Property(x => x.Purpose).HasMaxLength(2000);
        builder.HasIndex(x => x.Name).IsUnique();
        builder.ConfigureVersion();
    }
}

public sealed class ClusterMembershipConfiguration : IEntityTypeConfiguration<ClusterMembership>
{
    public void Configure(EntityTypeBuilder<ClusterMembership> builder)
    {
        builder.HasKey(x => new { x.ClusterId, x.Urn });
        builder.HasOne(x => x.Cluster).WithMany().HasForeignKey(x => x.ClusterId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Name).HasMaxLength(200);
        builder.Property(x => x.ContactName).HasMaxLength(200);
        builder.Property(x => x.Email).HasMaxLength(256);
        builder.Property(x => x.Telephone).HasMaxLength(40);
        builder.Property(x => x.Address).HasMaxLength(500);
        builder.Property(x => x.ValidationNote).HasMaxLength(2000);
        builder.ConfigureVersion();
    }
}
