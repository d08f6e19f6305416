using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Core.Sip;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Programme.Cases;

/// <summary>The school management group: its members by role, its monthly meetings and the SIP visits linked to them.</summary>
[Authorize(Policy = Policies.ProgrammeReader)]
public sealed class ManagementGroupModel(GetCase get, AddGroupMember addMember, RemoveGroupMember removeMember, RecordGroupMeeting recordMeeting, ListVisits visits) : CasePageModel(get)
{
    /// <summary>The SIP visits linked to the group's meetings, when the reader's role may read SIP visits too (null otherwise).</summary>
    public IReadOnlyList<VisitRow>? LinkedVisits { get; private set; }

    protected override async Task LoadMoreAsync(CancellationToken ct)
    {
        var linked = await visits.LinkedToMeetingsAsync([.. Case.GroupMeetings.Select(m => m.Id)], ct);
        LinkedVisits = linked.Succeeded ? linked.Value : null;
    }

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
