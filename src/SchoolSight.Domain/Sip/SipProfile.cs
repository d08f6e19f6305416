using SchoolSight.Domain.Register;

namespace SchoolSight.Domain.Sip;

/// <summary>
/// A SIP's profile as the LA holds it: whether they have been a headteacher and in which phase (the LA's quality
/// standard looks for secondary headship experience among the SIPs of secondary schools). One per SIP user.
/// </summary>
public sealed class SipProfile : VersionedEntity
{
    private SipProfile() { UserId = ""; }

    public SipProfile(string userId, bool hasHeadshipExperience, SchoolPhase? headshipPhase)
    {
        UserId = userId;
        Change(hasHeadshipExperience, headshipPhase);
    }

    /// <summary>The SIP's user id.</summary>
    public string UserId { get; private set; }
    public bool HasHeadshipExperience { get; private set; }

    /// <summary>The phase of the school they led, when they have headship experience.</summary>
    public SchoolPhase? HeadshipPhase { get; private set; }

    public void Change(bool hasHeadshipExperience, SchoolPhase? headshipPhase)
    {
        if (hasHeadshipExperience && headshipPhase is null)
            throw new DomainException(SipErrors.Required("HeadshipPhase", "Choose the phase of the SIP's headship"));
        HasHeadshipExperience = hasHeadshipExperience;
        HeadshipPhase = hasHeadshipExperience ? headshipPhase : null;
    }
}
