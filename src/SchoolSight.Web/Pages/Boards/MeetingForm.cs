using Microsoft.AspNetCore.Mvc.Rendering;
using SchoolSight.Core.Categorisation;
using SchoolSight.Domain.Categorisation;

namespace SchoolSight.Web.Pages.Boards;

/// <summary>The choices of the meeting form: the boards and the purposes.</summary>
public static class MeetingForm
{
    public static IEnumerable<SelectListItem> Boards(IReadOnlyList<BoardSchedule> boards) =>
        [new SelectListItem("Choose a board", ""), .. boards.Select(b => new SelectListItem(b.BoardName, b.LocalityId?.ToString() ?? BoardMeetingInput.Sseb))];

    public static IEnumerable<SelectListItem> Purposes =>
        [new SelectListItem("Choose a purpose", ""), .. MeetingPurposes.All.Select(p => new SelectListItem(p.Describe(), p.ToString()))];
}
