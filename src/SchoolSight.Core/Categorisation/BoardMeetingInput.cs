using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.Categorisation;

namespace SchoolSight.Core.Categorisation;

/// <summary>A board meeting as an organiser enters it. <see cref="Board"/> is "sseb" or a locality's id.</summary>
public sealed record BoardMeetingInput
{
    public const string Sseb = "sseb";

    [Display(Name = "Board")] public string? Board { get; set; }
    [Display(Name = "Date of the meeting")] public DateOnly? MeetsOn { get; set; }
    [Display(Name = "Purpose")] public MeetingPurpose? Purpose { get; set; }
    [Display(Name = "Notes")] public string? Notes { get; set; }

    /// <summary>The version the change was made from; required when editing.</summary>
    public int Version { get; set; }
}

internal static class BoardMeetingChecks
{
    public static DomainError NotOrganiser =>
        DomainError.Forbidden("board.role", "Only an LA administrator, a member of the senior management team or the quality assurance manager may arrange board meetings.");

    public static bool MayOrganise(AppDbContext db) => db.CurrentUser.Role is { } role && BoardRoles.Organisers.Contains(role);

    /// <summary>The board chosen (null locality for the SSEB) and every problem with the input, each naming its field.</summary>
    public static async Task<(int? LocalityId, List<DomainError> Errors)> CheckAsync(AppDbContext db, BoardMeetingInput input, int? board, int? editing, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        int? localityId = board;
        if (editing is null)
        {
            var choice = input.Board?.Trim();
            if (string.IsNullOrEmpty(choice)) errors.Add(new("board.board", "Choose the board that meets", nameof(input.Board)));
            else if (string.Equals(choice, BoardMeetingInput.Sseb, StringComparison.OrdinalIgnoreCase)) localityId = null;
            else if (int.TryParse(choice, out var id) && await db.Localities.AnyAsync(l => l.Id == id, ct)) localityId = id;
            else errors.Add(new("board.board", "Choose the board that meets from the list", nameof(input.Board)));
        }
        if (input.MeetsOn is null) errors.Add(new("board.date", "Enter the date of the meeting", nameof(input.MeetsOn)));
        if (input.Purpose is null || !Enum.IsDefined(input.Purpose.Value)) errors.Add(new("board.purpose", "Choose what the meeting is for", nameof(input.Purpose)));
        if (input.Notes is { } notes && notes.Trim().Length > BoardMeeting.NotesMaxLength)
            errors.Add(new("board.notes", $"The notes must be {BoardMeeting.NotesMaxLength:N0} characters or fewer", nameof(input.Notes)));
        if (errors.Count == 0 && input.MeetsOn is { } day
            && await db.BoardMeetings.AnyAsync(m => m.LocalityId == localityId && m.MeetsOn == day && m.Id != (editing ?? 0), ct))
            errors.Add(new("board.same-day", $"This board already has a meeting on {CategorisationText.Date(day)}", nameof(input.MeetsOn)));
        return (localityId, errors);
    }
}
