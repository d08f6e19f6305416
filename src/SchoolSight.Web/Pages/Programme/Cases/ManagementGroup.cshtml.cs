using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Programme.Cases;

/// <summary>The school management group: its members by role and its monthly meetings.</summary>
[Authorize(Policy = Policies.ProgrammeReader)]
public sealed class ManagementGroupModel(GetCase get, AddGroupMember addMember, RemoveGroupMember removeMember, RecordGroupMeeting recordMeeting) : CasePageModel(get)
{
    [BindProperty] public MemberInput Member { get; set; } = new();
    [BindProperty] public GroupMeetingInput Meeting { get; set; } = new();

    public Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => PageOrNotFoundAsync(id, ct);

    public async Task<IActionResult> OnPostAddMemberAsync(int id, CancellationToken ct) =>
        await BindingErrorsAsync(id, typeof(MemberInput), nameof(Member), ct)
        ?? await DoneAsync(await addMember.RunAsync(id, Member, ct), id, $"{Member.Name?.Trim()} added to the management group", nameof(Member), ct);

    public async Task<IActionResult> OnPostRemoveAsync(int id, int memberId, CancellationToken ct) =>
        await DoneAsync(await removeMember.RunAsync(id, memberId, ct), id, "Member removed", nameof(Member), ct);

    public async Task<IActionResult> OnPostMeetingAsync(int id, CancellationToken ct) =>
        await BindingErrorsAsync(id, typeof(GroupMeetingInput), nameof(Meeting), ct)
        ?? await DoneAsync(await recordMeeting.RunAsync(id, Meeting, ct), id, "Management group meeting recorded", nameof(Meeting), ct);
}
