using CsCheck;
using SchoolSight.Domain.Register;

namespace SchoolSight.Domain.Tests.Register;

public sealed class SchoolPhaseTests
{
    [Theory]
    [InlineData("Primary", "Community school", "Local authority maintained schools", SchoolPhase.Primary)]
    [InlineData("Middle deemed primary", "Community school", "Local authority maintained schools", SchoolPhase.Middle)]
    [InlineData("Middle deemed secondary", "Foundation school", "Local authority maintained schools", SchoolPhase.Middle)]
    [InlineData("Secondary", "Academy converter", "Academies", SchoolPhase.Secondary)]
    [InlineData("All-through", "Free schools", "Free Schools", SchoolPhase.AllThrough)]
    [InlineData("Nursery", "Local authority nursery school", "Local authority maintained schools", SchoolPhase.Nursery)]
    [InlineData("16 plus", "Further education", "Colleges", SchoolPhase.Post16)]
    [InlineData("Not applicable", "Community special school", "Special schools", SchoolPhase.Special)]
    [InlineData("Not applicable", "Academy special converter", "Special schools", SchoolPhase.Special)]
    [InlineData("Not applicable", "Pupil referral unit", "Local authority maintained schools", SchoolPhase.PupilReferralUnit)]
    [InlineData("Not applicable", "Free schools alternative provision", "Free Schools", SchoolPhase.PupilReferralUnit)]
    [InlineData("Not applicable", "Early years setting", "Other types", SchoolPhase.EarlyYearsSetting)]
    public void FromGias_UsesPhaseAndType(string phase, string type, string group, SchoolPhase expected) =>
        SchoolPhases.FromGias(phase, type, group).ShouldBe(expected);

    [Fact]
    public void FromGias_ASpecialOrAlternativeProvisionType_WinsOverAnyPhase()
    {
        var phases = Gen.OneOf(new[] { "Primary", "Secondary", "Not applicable", "All-through", "Nursery", "", "16 plus" }.Select(Gen.Const).ToArray());
        phases.Sample(phase =>
        {
            SchoolPhases.FromGias(phase, "Community special school", "Special schools").ShouldBe(SchoolPhase.Special);
            SchoolPhases.FromGias(phase, "Pupil referral unit", "Local authority maintained schools").ShouldBe(SchoolPhase.PupilReferralUnit);
        });
    }

    [Fact]
    public void EveryPhase_HasADisplayName() =>
        Enum.GetValues<SchoolPhase>().ShouldAllBe(p => !string.IsNullOrWhiteSpace(p.DisplayName()));
}
