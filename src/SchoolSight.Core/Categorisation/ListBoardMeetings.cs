using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Categorisation;

namespace SchoolSight.Core.Categorisation;

public sealed record BoardMeetingView(int Id, int? LocalityId, string BoardName, DateOnly MeetsOn, MeetingPurpose Purpose, string? Notes, int Version, string? UpdatedBy, DateTime? UpdatedAt);

/// <summary>One board and its meetings: the next ones (soonest first) and the past ones (latest first).</summary>
public sealed record BoardSchedule(int? LocalityId, string BoardName, IReadOnlyList<BoardMeetingView> Next, IReadOnlyList<BoardMeetingView> Past);

/// <summary>The SSEB and each locality's School Effectiveness Board, with their meetings, next and past.</summary>
[Operation]
public sealed class ListBoardMeetings(AppDbContext db)
{
    public async Task<IReadOnlyList<BoardSchedule>> RunAsync(CancellationToken ct = default)
    {
        var today = db.Today();
        var boards = await BoardNames.LoadAsync(db, ct);
        var meetings = await db.BoardMeetings.AsNoTracking().OrderBy(m => m.MeetsOn).ThenBy(m => m.Id).ToListAsync(ct);
        return [.. boards.Select(b =>
        {
            var mine = meetings.Where(m => m.LocalityId == b.LocalityId).Select(m => BoardNames.View(m, b.Name)).ToList();
            return new BoardSchedule(b.LocalityId, b.Name, [.. mine.Where(m => m.MeetsOn >= today)], [.. mine.Where(m => m.MeetsOn < today).Reverse()]);
        })];
    }
}

/// <summary>One board meeting, for its edit form; null when there is none with that id.</summary>
[Operation]
public sealed class GetBoardMeeting(AppDbContext db)
{
    public async Task<BoardMeetingView?> RunAsync(int id, CancellationToken ct = default)
    {
        var meeting = await db.BoardMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return null;
        var boards = await BoardNames.LoadAsync(db, ct);
        return BoardNames.View(meeting, boards.FirstOrDefault(b => b.LocalityId == meeting.LocalityId).Name ?? "School Effectiveness Board");
    }
}

/// <summary>The boards' names: the SSEB, then each locality's board (its own name, or "North School Effectiveness Board").</summary>
internal static class BoardNames
{
    public static async Task<IReadOnlyList<(int? LocalityId, string Name)>> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var localities = await db.Localities.AsNoTracking().OrderBy(l => l.Name).Select(l => new { l.Id, l.Name, l.BoardName }).ToListAsync(ct);
        return [(null, BoardMeeting.SsebName), .. localities.Select(l => ((int?)l.Id, l.BoardName ?? $"{l.Name} School Effectiveness Board"))];
    }

    public static BoardMeetingView View(BoardMeeting m, string boardName) =>
        new(m.Id, m.LocalityId, boardName, m.MeetsOn, m.Purpose, m.Notes, m.Version, m.UpdatedBy, m.UpdatedAt);
}
