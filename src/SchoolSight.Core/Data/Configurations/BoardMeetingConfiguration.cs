using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Data.Configurations;

public sealed class BoardMeetingConfiguration : IEntityTypeConfiguration<BoardMeeting>
{
    public void Configure(EntityTypeBuilder<BoardMeeting> builder)
    {
        builder.HasKey(x => x.Id);
        builder.HasOne<Locality>().WithMany().HasForeignKey(x => x.LocalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.LocalityId, x.MeetsOn });
        builder.Property(x => x.Notes).HasMaxLength(BoardMeeting.NotesMaxLength);
        builder.Ignore(x => x.IsSseb);
        builder.ConfigureVersion();
    }
}
